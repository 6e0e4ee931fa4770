"use client";

import { useId, useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { ResponseFormat } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";
import { schemaExamples } from "@/lib/response-format/schema-examples";
import { JsonSchemaEditor } from "./json-schema-editor";

type JsonSchemaFormat = Extract<ResponseFormat, { type: "json_schema" }>;

const firstExample = schemaExamples[0]!;
const starterSchema: JsonSchemaFormat = {
  type: "json_schema",
  name: firstExample.name,
  schema: JSON.stringify(firstExample.schema, null, 2),
  strict: true,
};

/** Text, JSON object or JSON schema: Mistral's `response_format`. */
export function ResponseFormatField() {
  const t = useTranslations();
  const id = useId();
  const value = useWorkspace((s) => s.parameters.responseFormat);
  const setParameter = useWorkspace.getState().setParameter;
  // Switching to text and back within a session keeps the schema being written.
  const [lastSchema, setLastSchema] = useState<JsonSchemaFormat>(value.type === "json_schema" ? value : starterSchema);

  const choose = (type: ResponseFormat["type"]) => {
    if (type === "json_schema") setParameter("responseFormat", lastSchema);
    else setParameter("responseFormat", { type });
  };
  const editSchema = (next: JsonSchemaFormat) => {
    setLastSchema(next);
    setParameter("responseFormat", next);
  };

  return (
    <div className="space-y-2">
      <div className="space-y-1">
        <label htmlFor={id} className="block text-xs font-medium text-muted">
          {t("responseFormat.label")}
        </label>
        <select
          id={id}
          className={inputClass}
          value={value.type}
          onChange={(event) => choose(event.target.value as ResponseFormat["type"])}
        >
          <option value="text">{t("responseFormat.text")}</option>
          <option value="json_object">{t("responseFormat.jsonObject")}</option>
          <option value="json_schema">{t("responseFormat.jsonSchema")}</option>
        </select>
        {value.type === "json_object" ? (
          <p className="text-xs text-muted">{t("responseFormat.jsonObjectHint")}</p>
        ) : null}
      </div>
      {value.type === "json_schema" ? <JsonSchemaEditor value={value} onChange={editSchema} /> : null}
    </div>
  );
}
