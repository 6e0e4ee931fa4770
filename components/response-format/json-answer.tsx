import type { AnswerCheck } from "@/lib/response-format/answer-check";

/** Whether an answer is the JSON the response format asked for, and what is wrong if not. */
export function JsonCheckStatus({ check }: { check: AnswerCheck }) {
  return (
    <div
      data-testid="json-check"
      data-valid={check.ok}
      className="mt-2 rounded-md border border-danger/40 bg-danger/10 px-2 py-1 text-xs text-danger data-[valid=true]:border-success/40 data-[valid=true]:bg-success/10 data-[valid=true]:text-success"
    >
      <p className="font-medium">
        <span aria-hidden>{check.ok ? "✓ " : "✗ "}</span>
        {check.summary}
      </p>
      {check.violations.length > 0 ? (
        <ul className="mt-1 list-disc pl-4 font-mono">
          {check.violations.map((violation) => (
            <li key={violation}>{violation}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A JSON-mode answer: pretty-printed when it parses (as sent when not), then its check. */
export function JsonAnswer({ content, check }: { content: string; check: AnswerCheck }) {
  return (
    <div>
      <pre className="overflow-x-auto rounded-md bg-surface-2 p-3 font-mono text-[13px] leading-snug wrap-anywhere whitespace-pre-wrap">
        {check.pretty ?? content}
      </pre>
      <JsonCheckStatus check={check} />
    </div>
  );
}
