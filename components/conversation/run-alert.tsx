import { Button } from "@/components/ui/button";
import { TemplateFixes } from "@/components/variables/template-fixes";
import type { FailureView } from "@/lib/chat/failure";
import { messages as t } from "@/lib/i18n";
import { useRunNotice } from "@/lib/store/run-notice-store";
import { useSettings } from "@/lib/store/settings-store";

/** A failed run: what happened, and the one action that can help (Retry, or Settings for a rejected key). */
export function RunAlert({ failure, onRetry }: { failure: FailureView; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      data-code={failure.code}
      className="flex items-start justify-between gap-3 rounded-lg border border-danger/40 bg-danger/10 p-3 text-sm text-fg"
    >
      <div className="space-y-2">
        <p>{failure.message}</p>
        {failure.code === "invalid_request" ? (
          <TemplateFixes errorsOnly onApplied={() => useRunNotice.setState({ notice: null })} />
        ) : null}
      </div>
      {failure.code === "invalid_api_key" ? (
        <Button size="sm" variant="secondary" onClick={() => useSettings.getState().setDialogOpen(true)}>
          {t.settings.open}
        </Button>
      ) : onRetry ? (
        <Button size="sm" variant="secondary" onClick={onRetry}>
          {t.message.retry}
        </Button>
      ) : null}
    </div>
  );
}
