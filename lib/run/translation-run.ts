import { describeFailure } from "@/lib/chat/failure";
import { t } from "@/lib/i18n";
import { useSession } from "@/lib/store/session-store";
import { useSettings } from "@/lib/store/settings-store";
import { useTranslateDraft } from "@/lib/store/translate-store";
import { translationSelectors, useTranslationRun } from "@/lib/store/translation-run-store";
import type { TargetLanguage } from "@/lib/translate/languages";
import type { TranslationOutcome } from "@/lib/translate/results";
import type { FinishedAnswer } from "@/lib/workspace/model";
import { buildTranslationRequests, type TranslationRequest, type TranslationTemplate } from "@/lib/translate/requests";
import { createPlaygroundChat } from "./playground-chat";

type PlaygroundChat = ReturnType<typeof createPlaygroundChat>;

/** One Chat per language, so that every language streams over its own request at once. */
const chats = new Map<string, PlaygroundChat>();

function finish(code: string, answer: FinishedAnswer | undefined, outcome: { isAbort: boolean; isError: boolean }) {
  const error = chats.get(code)?.chat.error;
  const status: TranslationOutcome["status"] = outcome.isAbort ? "stopped" : outcome.isError ? "failed" : "done";
  const failure = outcome.isError && error ? describeFailure(error) : undefined;
  if (answer) useSession.getState().recordRun(answer.metadata);
  useTranslateDraft.getState().recordOutcome(code, {
    status,
    ...(answer ? { answer } : {}),
    ...(failure ? { failure } : {}),
  });
  const { active, startedAt } = useTranslationRun.getState();
  const still = active.filter((language) => language !== code);
  useTranslationRun.setState({ active: still, ...(still.length === 0 ? { startedAt: null } : {}) });
  // The wall time is Translate's, from the press to its last language; a later Retry keeps it.
  if (still.length === 0 && startedAt !== null) useTranslateDraft.getState().setWallTime(performance.now() - startedAt);
}

export function translationChat(code: string): PlaygroundChat {
  const existing = chats.get(code);
  if (existing) return existing;
  const created = createPlaygroundChat({ onFinish: (answer, outcome) => finish(code, answer, outcome) });
  chats.set(code, created);
  return created;
}

type TranslationInput = {
  serverHasKey: boolean;
  template: TranslationTemplate;
  languages: readonly TargetLanguage[];
};

/** The requests to send, or nothing when a check fails (no key, a missing value, no source text). */
function prepare(input: TranslationInput): { requests: TranslationRequest[]; apiKey: string } | undefined {
  const apiKey = useSettings.getState().apiKey;
  if (!apiKey && !input.serverHasKey) {
    useTranslationRun.setState({ notice: { code: "no_api_key", message: t("errors.no_api_key") } });
    return undefined;
  }
  const { draft } = useTranslateDraft.getState();
  const { template } = input;
  const built = buildTranslationRequests({
    template: draft ? { ...template, parameters: { ...template.parameters, model: draft.model } } : template,
    values: draft?.values ?? template.values,
    source: draft?.source ?? "",
    languages: input.languages,
  });
  if (!built.ok) {
    useTranslationRun.setState({ notice: { code: "invalid_request", message: built.error } });
    return undefined;
  }
  useTranslationRun.setState({ notice: null });
  return { requests: built.value, apiKey };
}

/**
 * Sends one request per language, all at once, from the demo's draft (text, values, model).
 * Nothing is sent when a check fails; the notice says what to fix.
 */
export function startTranslations(input: TranslationInput): void {
  if (translationSelectors.running(useTranslationRun.getState())) return;
  const prepared = prepare(input);
  if (!prepared) return;
  const codes = prepared.requests.map(({ language }) => language.code);
  useTranslateDraft.getState().startResults(codes);
  useTranslationRun.setState({ active: codes, startedAt: performance.now() });
  for (const { language, body } of prepared.requests) {
    void translationChat(language.code).run({ body, apiKey: prepared.apiKey });
  }
}

/** Sends one language of the last run again, with what the form holds now. */
export function retryTranslation(input: {
  serverHasKey: boolean;
  template: TranslationTemplate;
  language: TargetLanguage;
}): void {
  const { code } = input.language;
  if (translationSelectors.isActive(code)(useTranslationRun.getState())) return;
  const prepared = prepare({ ...input, languages: [input.language] });
  const request = prepared?.requests[0];
  if (!prepared || !request) return;
  useTranslateDraft.getState().reopenResult(code);
  useTranslationRun.setState((state) => ({ active: [...state.active, code] }));
  void translationChat(code).run({ body: request.body, apiKey: prepared.apiKey });
}

export function stopTranslations(): void {
  for (const code of useTranslationRun.getState().active) void chats.get(code)?.stop();
}
