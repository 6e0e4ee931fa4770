import { Button } from "@/components/ui/button";
import type { FailureView } from "@/lib/chat/failure";
import { useTranslations } from "next-intl";

export function RunAlert({ failure, onRetry }: { failure: FailureView; onRetry?: () => void }) {
  const t = useTranslations();
  return (
    <div
      role="alert"
      data-code={failure.code}
      className="flex items-start justify-between gap-3 rounded-lg border border-danger/40 bg-danger/10 p-3 text-sm text-fg"
    >
      <p>{failure.message}</p>
      {onRetry ? (
        <Button size="sm" variant="secondary" onClick={onRetry}>
          {t("message.retry")}
        </Button>
      ) : null}
    </div>
  );
}
