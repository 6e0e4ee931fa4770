import { useTranslations } from "next-intl";

/** The template behind a text that was sent with its variables filled in; opens without script. */
export function TemplateDetails({ template }: { template: string }) {
  const t = useTranslations();
  return (
    <details className="mt-2 text-xs">
      <summary className="cursor-pointer text-muted select-none hover:text-fg">{t("sharePage.template")}</summary>
      <pre className="mt-1 overflow-x-auto rounded-md bg-surface-2 p-2 font-mono wrap-anywhere whitespace-pre-wrap">
        {template}
      </pre>
    </details>
  );
}
