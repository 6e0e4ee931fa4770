"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useLocale, useTranslations } from "next-intl";
import { diffVersions, latestVersion, type SavedPrompt } from "@/lib/prompts/library";
import { formatSavedAt } from "./saved-at";
import { VersionDiff } from "./version-diff";

function VersionSelect({
  label,
  value,
  prompt,
  onChange,
}: {
  label: string;
  value: number;
  prompt: SavedPrompt;
  onChange: (version: number) => void;
}) {
  const t = useTranslations();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      <select
        id={id}
        className={`${inputClass} w-auto`}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {prompt.versions.map((version) => (
          <option key={version.version} value={version.version}>
            {t("prompts.version", { n: version.version })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The versions of one saved prompt, newest first, with a diff between any two and restore. */
export function PromptHistory({ prompt, onRestore }: { prompt: SavedPrompt; onRestore: (version: number) => void }) {
  const t = useTranslations();
  const locale = useLocale();
  const latest = latestVersion(prompt).version;
  const [from, setFrom] = useState(prompt.versions.at(-2)?.version ?? latest);
  const [to, setTo] = useState(latest);
  const before = prompt.versions.find((version) => version.version === from);
  const after = prompt.versions.find((version) => version.version === to);

  return (
    <div className="space-y-4">
      <ol className="space-y-1">
        {prompt.versions.toReversed().map((version) => (
          <li
            key={version.version}
            aria-label={t("prompts.version", { n: version.version })}
            className="flex items-center justify-between gap-2 rounded-md border border-border px-2 py-1.5"
          >
            <div className="min-w-0 text-sm">
              <span className="font-medium">{t("prompts.version", { n: version.version })}</span>
              <span className="text-muted"> · {formatSavedAt(version.savedAt, locale)}</span>
              {version.note ? <p className="truncate text-xs text-muted">{version.note}</p> : null}
            </div>
            <Button
              size="sm"
              aria-label={t("prompts.restoreLabel", { n: version.version })}
              onClick={() => onRestore(version.version)}
            >
              {t("prompts.restore")}
            </Button>
          </li>
        ))}
      </ol>
      {prompt.versions.length < 2 ? (
        <p className="text-sm text-muted">{t("prompts.oneVersionOnly")}</p>
      ) : (
        <section aria-label={t("prompts.compare")} className="space-y-2 border-t border-border pt-3">
          <div className="flex flex-wrap items-center gap-3">
            <h3 className="text-sm font-semibold">{t("prompts.compare")}</h3>
            <VersionSelect label={t("prompts.from")} value={from} prompt={prompt} onChange={setFrom} />
            <VersionSelect label={t("prompts.to")} value={to} prompt={prompt} onChange={setTo} />
          </div>
          <p className="text-xs text-muted">{t("prompts.diffTitle", { from, to })}</p>
          {before && after ? <VersionDiff diff={diffVersions(before.snapshot, after.snapshot)} /> : null}
        </section>
      )}
    </div>
  );
}
