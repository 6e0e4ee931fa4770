import { useTranslations } from "next-intl";
import type { TranslationTemplate } from "@/lib/translate/requests";

/** Which prompt the demo runs, and its text, so that the placeholders can be seen. */
export function PromptTemplate({ template }: { template: TranslationTemplate }) {
  const t = useTranslations();
  const texts = [
    ...(template.system ? [{ role: t("roles.system"), text: template.system }] : []),
    ...template.messages.map((message) => ({ role: t(`roles.${message.role}`), text: message.content })),
  ];
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-xs text-muted select-none">
        {template.origin === "workspace" ? t("translate.promptFromWorkspace") : t("translate.promptFromPreset")}
      </summary>
      <ol aria-label={t("translate.showPrompt")} className="mt-2 space-y-1">
        {texts.map(({ role, text }, index) => (
          <li key={index} className="rounded-md bg-surface-2 px-2 py-1">
            <span className="text-[11px] font-semibold tracking-wide text-muted uppercase">{role}</span>
            <p className="font-mono text-xs wrap-anywhere whitespace-pre-wrap">{text}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
