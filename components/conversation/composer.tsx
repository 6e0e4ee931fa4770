"use client";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { messages as t } from "@/lib/i18n";
import { useWorkspace } from "@/lib/store/workspace-store";

/** The next human turn, with Run and Stop. Ctrl/Cmd+Enter runs from anywhere on the page. */
export function Composer({ running, onRun, onStop }: { running: boolean; onRun: () => void; onStop: () => void }) {
  const composer = useWorkspace((s) => s.composer);
  return (
    <section className="sticky bottom-0 rounded-lg border border-border bg-surface p-3 shadow-sm">
      <label htmlFor="composer" className="sr-only">
        {t.conversation.composerLabel}
      </label>
      <Textarea
        id="composer"
        aria-label={t.conversation.composerLabel}
        placeholder={t.conversation.composerPlaceholder}
        value={composer}
        onChange={(event) => useWorkspace.getState().setComposer(event.target.value)}
        className="min-h-16"
      />
      <div className="mt-2 flex items-center justify-between gap-2">
        <p className="text-xs text-muted">{t.conversation.shortcut}</p>
        {running ? (
          <Button variant="danger" onClick={onStop}>
            {t.conversation.stop}
          </Button>
        ) : (
          <Button variant="primary" onClick={onRun}>
            {t.conversation.run}
          </Button>
        )}
      </div>
    </section>
  );
}
