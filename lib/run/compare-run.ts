import { describeFailure, type FailureView } from "@/lib/chat/failure";
import { missingValues, type TestCase } from "@/lib/compare/cases";
import { checkCaseAnswer } from "@/lib/compare/checks";
import { buildJudgeRequest, parseJudgeVerdict, type JudgeSettings } from "@/lib/compare/judge";
import { runPool } from "@/lib/compare/pool";
import { buildVariantRequest, variablesOf, type ChatRequest } from "@/lib/compare/request";
import { isFailedResult, type CaseResult, type JudgeResult } from "@/lib/compare/results";
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
  /** The wait the route's `Retry-After` header asked for, when it refused the request. */
  retryAfterMs?: number;
};

/** One request to /api/chat, resolved when its answer is complete, failed or stopped. */
function sendOnce(body: ChatRequest, apiKey: string, signal: AbortSignal): Promise<SendOutcome> {
  return new Promise((resolve) => {
    const request = createPlaygroundChat({
      onFinish: (answer, outcome) =>
        resolve({ answer, outcome, error: request.chat.error, retryAfterMs: request.retryAfterMs() }),
    });
    signal.addEventListener("abort", () => void request.stop(), { once: true });
    void request.run({ body, apiKey });
  });
}

type CaseTask = {
  testCase: TestCase;
  variant: Variant;
  body: ChatRequest;
  /** The variant's checked answer, kept when only the judge has to be asked again. */
  answered?: CaseResult;
};

/** A rate limit asks for another attempt, after the wait the server named (if it named one). */
type Attempted<T> = { retry: true; retryAfterMs: number | undefined } | { retry: false; value: T };

function rateLimited(sent: SendOutcome, failure: FailureView | undefined) {
  return failure?.code === "rate_limited" ? { retryAfterMs: sent.retryAfterMs ?? failure.retryAfterMs } : undefined;
}

/** Asks the judge about one answer: a verdict, or an error in its place (never a pass). */
async function judgeAnswer(
  judge: JudgeSettings,
  task: CaseTask,
  answer: CaseResult,
  apiKey: string,
  attempt: { last: boolean; signal: AbortSignal },
): Promise<Attempted<JudgeResult>> {
  const built = buildJudgeRequest(judge, {
    request: task.body,
    expected: task.testCase.expected,
    answer: answer.content,
  });
  if (!built.ok) return { retry: false, value: { status: "failed", error: built.error } };
  const sent = await sendOnce(built.value, apiKey, attempt.signal);
  const { result, failure } = toResult(sent.answer, sent.outcome, sent.error);
  const limited = rateLimited(sent, failure);
  if (limited && !attempt.last && !attempt.signal.aborted) return { retry: true, ...limited };
  const metadata = result.metadata ? { metadata: result.metadata } : {};
  if (result.status !== "done") {
    return {
      retry: false,
      value: { status: result.status, ...(result.error ? { error: result.error } : {}), ...metadata },
    };
  }
  const verdict = parseJudgeVerdict(result.content);
  return {
    retry: false,
    value: verdict.ok
      ? { status: "done", verdict: verdict.value, ...metadata }
      : { status: "failed", error: verdict.error, ...metadata },
  };
}

export type CaseSelection = "all" | "failed" | "missing";

function selected(result: CaseResult | undefined, selection: CaseSelection, judged: boolean): boolean {
  if (selection === "all") return true;
  if (selection === "missing") {
    // Skipped (a value was missing) is no answer either: it runs once the value is there.
    if (result === undefined || result.status === "stopped" || result.status === "skipped") return true;
    return judged && result.status === "done" && (!result.judge || result.judge.status === "stopped");
  }
  return result !== undefined && isFailedResult(result);
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
  const judge = store.judge.enabled ? store.judge : undefined;
  if (judge && judge.rubric.trim() === "") {
    useCompareRun.setState({ notice: { code: "invalid_request", message: t("compare.judge.noRubric") } });
    return;
  }
  const variables = variablesOf(store.variants, store.userMessage);
  const tasks: CaseTask[] = [];
  const cleared: { caseId: string; variantId: string }[] = [];
  for (const testCase of store.cases) {
    const missing = missingValues(testCase, variables);
    for (const variant of store.variants) {
      const previous = store.results[testCase.id]?.[variant.id];
      if (!selected(previous, options.selection, judge !== undefined)) continue;
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
    // The page shows the run starting (progress, disabled controls) in this task; the first
    // requests are built and sent in the next, so that neither makes one long task of the press.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await runPool(tasks, {
      concurrency: store.concurrency,
      maxAttempts: CASE_ATTEMPTS,
      baseDelayMs: RATE_LIMIT_BACKOFF_MS,
      signal: controller.signal,
      // Shown by the progress: a run waiting on a rate limit says so, and for how long.
      onWait: (ms) =>
        useCompareRun.setState((state) =>
          state.cases
            ? { cases: { ...state.cases, retryAt: Math.max(state.cases.retryAt ?? 0, Date.now() + ms) } }
            : state,
        ),
      run: async (task, attempt) => {
        let answered = task.answered;
        if (!answered) {
          const sent = await sendOnce(task.body, apiKey, attempt.signal);
          const { result, failure } = toResult(sent.answer, sent.outcome, sent.error);
          const limited = rateLimited(sent, failure);
          if (limited && !attempt.last && !attempt.signal.aborted) return { retry: true, ...limited };
          if (sent.answer?.metadata) useSession.getState().recordRun(sent.answer.metadata);
          const check = { kind: task.testCase.check, expected: task.testCase.expected };
          const verdict =
            result.status === "done"
              ? checkCaseAnswer(result.content, check, task.variant.parameters.responseFormat)
              : undefined;
          answered = verdict ? { ...result, verdict } : result;
          task.answered = answered;
          useCompare.getState().setResult(task.testCase.id, task.variant.id, answered);
        }
        if (judge && answered.status === "done") {
          const judged = await judgeAnswer(judge, task, answered, apiKey, attempt);
          if (judged.retry) return judged;
          if (judged.value.metadata) useSession.getState().recordRun(judged.value.metadata);
          useCompare.getState().setResult(task.testCase.id, task.variant.id, { ...answered, judge: judged.value });
        }
        advance();
        return { retry: false };
      },
    });
  } finally {
    caseRun = null;
    useCompareRun.setState({ cases: null });
  }
}
