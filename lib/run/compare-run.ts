import { describeFailure } from "@/lib/chat/failure";
import { missingValues, type TestCase } from "@/lib/compare/cases";
import { checkCaseAnswer } from "@/lib/compare/checks";
import { runPool } from "@/lib/compare/pool";
import { buildVariantRequest, variablesOf, type ChatRequest } from "@/lib/compare/request";
import type { CaseResult } from "@/lib/compare/results";
import type { Variant } from "@/lib/compare/variants";
import { t } from "@/lib/i18n";
import { useCompareRun } from "@/lib/store/compare-run-store";
import { useCompare } from "@/lib/store/compare-store";
import { useSession } from "@/lib/store/session-store";
import { useSettings } from "@/lib/store/settings-store";
import type { FinishedAnswer } from "@/lib/workspace/model";
import { createPlaygroundChat } from "./playground-chat";

/** Attempts per case when Mistral's rate limit answers (after the server's own retries). */
const CASE_ATTEMPTS = 4;
const RATE_LIMIT_BACKOFF_MS = 2_000;

type PlaygroundChat = ReturnType<typeof createPlaygroundChat>;
const variantChats = new Map<string, PlaygroundChat>();
let caseRun: AbortController | null = null;

function toResult(answer: FinishedAnswer | undefined, outcome: { isAbort: boolean; isError: boolean }, error?: Error) {
  const status: CaseResult["status"] = outcome.isAbort ? "stopped" : outcome.isError ? "failed" : "done";
  const failure = outcome.isError && error ? describeFailure(error) : undefined;
  return {
    result: {
      status,
      content: answer?.content ?? "",
      ...(answer?.metadata ? { metadata: answer.metadata } : {}),
      ...(failure ? { error: failure.message } : {}),
    } satisfies CaseResult,
    failure,
  };
}

function finishVariant(
  id: string,
  answer: FinishedAnswer | undefined,
  outcome: { isAbort: boolean; isError: boolean },
) {
  const { result } = toResult(answer, outcome, variantChats.get(id)?.chat.error);
  if (answer?.metadata) useSession.getState().recordRun(answer.metadata);
  useCompare.getState().setAnswer(id, result);
  useCompareRun.setState((state) => ({ running: state.running.filter((running) => running !== id) }));
}

/** The Chat a variant's Run streams into. */
export function variantChat(id: string): PlaygroundChat {
  const existing = variantChats.get(id);
  if (existing) return existing;
  const created = createPlaygroundChat({ onFinish: (answer, outcome) => finishVariant(id, answer, outcome) });
  variantChats.set(id, created);
  return created;
}

function apiKeyOrNotice(serverHasKey: boolean): string | null {
  const apiKey = useSettings.getState().apiKey;
  if (!apiKey && !serverHasKey) {
    useCompareRun.setState({ notice: { code: "no_api_key", message: t("errors.no_api_key") } });
    return null;
  }
  return apiKey;
}

/**
 * Sends every variant (or the one given) at once, each over its own streamed request. A variant
 * whose request cannot be built fails alone, with the reason; the others go.
 */
export function runVariants(options: { serverHasKey: boolean; only?: string }): void {
  const apiKey = apiKeyOrNotice(options.serverHasKey);
  if (apiKey === null) return;
  const { variants, userMessage, values, setAnswer } = useCompare.getState();
  const busy = useCompareRun.getState().running;
  const chosen = variants.filter((v) => (options.only ? v.id === options.only : true) && !busy.includes(v.id));
  const started: string[] = [];
  for (const variant of chosen) {
    const built = buildVariantRequest(variant, userMessage, values);
    if (!built.ok) {
      setAnswer(variant.id, { status: "failed", content: "", error: built.error });
      continue;
    }
    setAnswer(variant.id, null);
    started.push(variant.id);
    void variantChat(variant.id).run({ body: built.value, apiKey });
  }
  useCompareRun.setState((state) => ({ running: [...state.running, ...started], notice: null }));
}

/** Stops every Run and the case run. */
export function stopAll(): void {
  for (const id of useCompareRun.getState().running) void variantChats.get(id)?.stop();
  caseRun?.abort();
}

type SendOutcome = {
  answer: FinishedAnswer | undefined;
  outcome: { isAbort: boolean; isError: boolean };
  error?: Error;
};

/** One request to /api/chat, resolved when its answer is complete, failed or stopped. */
function sendOnce(body: ChatRequest, apiKey: string, signal: AbortSignal): Promise<SendOutcome> {
  return new Promise((resolve) => {
    const request = createPlaygroundChat({
      onFinish: (answer, outcome) => resolve({ answer, outcome, error: request.chat.error }),
    });
    signal.addEventListener("abort", () => void request.stop(), { once: true });
    void request.run({ body, apiKey });
  });
}

type CaseTask = { testCase: TestCase; variant: Variant; body: ChatRequest };

export type CaseSelection = "all" | "failed" | "missing";

function selected(result: CaseResult | undefined, selection: CaseSelection): boolean {
  if (selection === "all") return true;
  if (selection === "missing") return result === undefined || result.status === "stopped";
  return result !== undefined && (result.status === "failed" || result.verdict?.pass === false);
}

/**
 * Runs every case on every variant with at most `concurrency` requests in flight. A case missing
 * a value is skipped with the reason before anything is sent; a rate-limited request is retried
 * after a backoff. Stop aborts what is in flight and starts nothing more.
 */
export async function runCases(options: { serverHasKey: boolean; selection: CaseSelection }): Promise<void> {
  if (caseRun) return;
  const apiKey = apiKeyOrNotice(options.serverHasKey);
  if (apiKey === null) return;
  const store = useCompare.getState();
  const variables = variablesOf(store.variants, store.userMessage);
  const tasks: CaseTask[] = [];
  const cleared: { caseId: string; variantId: string }[] = [];
  for (const testCase of store.cases) {
    const missing = missingValues(testCase, variables);
    for (const variant of store.variants) {
      const previous = store.results[testCase.id]?.[variant.id];
      if (!selected(previous, options.selection)) continue;
      if (missing.length > 0) {
        const names = missing.map((name) => `{${name}}`).join(", ");
        store.setResult(testCase.id, variant.id, {
          status: "skipped",
          content: "",
          error: t("compare.cases.missing", { names }),
        });
        continue;
      }
      const built = buildVariantRequest(variant, store.userMessage, testCase.values);
      if (!built.ok) {
        store.setResult(testCase.id, variant.id, { status: "skipped", content: "", error: built.error });
        continue;
      }
      cleared.push({ caseId: testCase.id, variantId: variant.id });
      tasks.push({ testCase, variant, body: built.value });
    }
  }
  if (tasks.length === 0) {
    useCompareRun.setState({ notice: { code: "invalid_request", message: t("compare.cases.nothingToRun") } });
    return;
  }
  store.clearResults(cleared);
  const controller = new AbortController();
  caseRun = controller;
  useCompareRun.setState({ cases: { done: 0, total: tasks.length }, notice: null });
  const advance = () =>
    useCompareRun.setState((state) =>
      state.cases ? { cases: { ...state.cases, done: state.cases.done + 1 } } : state,
    );

  try {
    await runPool(tasks, {
      concurrency: store.concurrency,
      maxAttempts: CASE_ATTEMPTS,
      baseDelayMs: RATE_LIMIT_BACKOFF_MS,
      signal: controller.signal,
      run: async ({ testCase, variant, body }, attempt) => {
        const sent = await sendOnce(body, apiKey, attempt.signal);
        const { result, failure } = toResult(sent.answer, sent.outcome, sent.error);
        if (failure?.code === "rate_limited" && !attempt.last && !attempt.signal.aborted) return { retry: true };
        const verdict =
          result.status === "done"
            ? checkCaseAnswer(
                result.content,
                { kind: testCase.check, expected: testCase.expected },
                variant.parameters.responseFormat,
              )
            : undefined;
        useCompare.getState().setResult(testCase.id, variant.id, verdict ? { ...result, verdict } : result);
        if (sent.answer?.metadata) useSession.getState().recordRun(sent.answer.metadata);
        advance();
        return { retry: false };
      },
    });
  } finally {
    caseRun = null;
    useCompareRun.setState({ cases: null });
  }
}
