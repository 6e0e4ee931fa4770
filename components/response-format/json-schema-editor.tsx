"use client";

import { useId } from "react";
import { codeInputClass, JsonField } from "@/components/tools/json-field";
import { Field, Input, inputClass } from "@/components/ui/field";
import { FUNCTION_NAME_PATTERN, type ResponseFormat } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { checkResponseSchema } from "@/lib/json-schema";
import { schemaExamples } from "@/lib/response-format/schema-examples";

type JsonSchemaFormat = Extract<ResponseFormat, { type: "json_schema" }>;

/** The `json_schema` response format: a name, the schema (checked as you type) and strictness. */
export function JsonSchemaEditor({
  value,
  onChange,
}: {
  value: JsonSchemaFormat;
  onChange: (value: JsonSchemaFormat) => void;
}) {
  const t = useTranslations();
  const id = useId();
  const nameInvalid = !FUNCTION_NAME_PATTERN.test(value.name);
  return (
    <div className="space-y-2 border-l-2 border-border pl-2">
      <div className="space-y-1">
        <label htmlFor={`${id}-example`} className="block text-xs font-medium text-muted">
          {t("responseFormat.examples")}
        </label>
        <select
          id={`${id}-example`}
          className={inputClass}
          value=""
          onChange={(event) => {
            const example = schemaExamples.find((e) => e.id === event.target.value);
            if (example) onChange({ ...value, name: example.name, schema: JSON.stringify(example.schema, null, 2) });
          }}
        >
          <option value="">{t("responseFormat.examplesPlaceholder")}</option>
          {schemaExamples.map((example) => (
            <option key={example.id} value={example.id}>
              {example.label}
            </option>
          ))}
        </select>
      </div>
      <Field
        id={`${id}-name`}
        label={t("responseFormat.name")}
        error={nameInvalid ? t("responseFormat.nameInvalid") : undefined}
      >
        <Input
          id={`${id}-name`}
          value={value.name}
          spellCheck={false}
          aria-invalid={nameInvalid ? true : undefined}
          onChange={(event) => onChange({ ...value, name: event.target.value })}
          className={codeInputClass}
        />
      </Field>
      <JsonField
        label={t("responseFormat.schema")}
        value={value.schema}
        onChange={(schema) => onChange({ ...value, schema })}
        check={checkResponseSchema(value.schema)}
        valid={t("json.validSchema")}
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={value.strict}
          onChange={(event) => onChange({ ...value, strict: event.target.checked })}
          className="accent-accent"
        />
        {t("responseFormat.strict")}
      </label>
    </div>
  );
}
