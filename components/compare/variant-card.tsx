"use client";

import { memo, useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { runVariants } from "@/lib/run/compare-run";
import { compareRunSelectors, useCompareRun } from "@/lib/store/compare-run-store";
import type { Variant } from "@/lib/compare/variants";
import { MAX_VARIANTS } from "@/lib/compare/variants";
import { useTranslations } from "next-intl";
import type { ModelList } from "@/lib/mistral/catalogue";
import { useCompare } from "@/lib/store/compare-store";
import { VariantAnswer } from "./variant-answer";
import { VariantParameters } from "./variant-parameters";

/** One variant: its name, model, parameters and system message, and its answer below. */
export const VariantCard = memo(function VariantCard({
  variant,
  count,
  list,
  serverHasKey,
  onOpenInPlayground,
}: {
  variant: Variant;
  count: number;
  list: ModelList | undefined;
  serverHasKey: boolean;
  onOpenInPlayground: (variant: Variant) => void;
}) {
  const t = useTranslations();
  const id = useId();
  const { updateVariant, setVariantParameter, duplicateVariant, removeVariant } = useCompare.getState();
  const running = useCompareRun((s) => s.running.includes(variant.id));
  const busy = useCompareRun(compareRunSelectors.busy);
  const { name } = variant;
  const responseType = variant.parameters.responseFormat.type;

  return (
    <section
      aria-label={name}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-border bg-surface p-3 data-[running=true]:border-accent/50"
      data-running={running}
    >
      <header className="flex flex-wrap items-center gap-1">
        <Input
          aria-label={t("compare.nameLabel", { name })}
          value={name}
          onChange={(event) => updateVariant(variant.id, { name: event.target.value })}
          className="h-7 min-w-0 flex-1 font-semibold"
        />
        <Button
          size="sm"
          variant="ghost"
          aria-label={t("compare.duplicateVariant", { name })}
          disabled={count >= MAX_VARIANTS || busy}
          onClick={() => duplicateVariant(variant.id)}
        >
          {t("compare.duplicate")}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={t("compare.removeVariant", { name })}
          disabled={count <= 1 || busy}
          onClick={() => removeVariant(variant.id)}
        >
          {t("compare.remove")}
        </Button>
      </header>
      <VariantParameters
        parameters={variant.parameters}
        list={list}
        onChange={(key, value) => setVariantParameter(variant.id, key, value)}
      />
      <div className="space-y-1">
        <label htmlFor={`${id}-system`} className="block text-xs font-medium text-muted">
          {t("conversation.systemLabel")}
        </label>
        <Textarea
          id={`${id}-system`}
          value={variant.system}
          placeholder={t("conversation.systemPlaceholder")}
          onChange={(event) => updateVariant(variant.id, { system: event.target.value })}
          className="max-h-60"
        />
      </div>
      {variant.messages.length > 0 || responseType !== "text" || variant.parameters.tools.length > 0 ? (
        <p className="text-xs text-muted">
          {[
            variant.messages.length > 0 ? t("compare.earlierMessages", { n: variant.messages.length }) : null,
            responseType !== "text" ? t("compare.responseFormat", { type: responseType }) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-1">
        <Button
          size="sm"
          aria-label={t("compare.retryVariant", { name })}
          disabled={running}
          onClick={() => runVariants({ serverHasKey, only: variant.id })}
        >
          {t("compare.retry")}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={t("compare.openInPlaygroundLabel", { name })}
          onClick={() => onOpenInPlayground(variant)}
        >
          {t("compare.openInPlayground")}
        </Button>
      </div>
      <VariantAnswer variantId={variant.id} />
    </section>
  );
});
