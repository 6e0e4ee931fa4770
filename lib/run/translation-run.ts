import { describeFailure } from "@/lib/chat/failure";
import { messages as t } from "@/lib/i18n";
import { useSession } from "@/lib/store/session-store";
import { useSettings } from "@/lib/store/settings-store";
import { translationSelectors, useTranslationRun, type TranslationOutcome } from "@/lib/store/translation-run-store";
import type { TargetLanguage } from "@/lib/translate/languages";
import type { FinishedAnswer } from "@/lib/workspace/model";
import { buildTranslationRequests, type TranslationTemplate } from "@/lib/translate/requests";
import { createPlaygroundChat } from "./playground-chat";

type PlaygroundChat = ReturnType<typeof createPlaygroundChat>;

/** One Chat per language, so that every language streams over its own request at once. */
const chats = new Map<string, PlaygroundChat>();

function finish(code: string, answer: FinishedAnswer | undefined, outcome: { isAbort: boolean; isError: boolean }) {
  const error = chats.get(code)?.chat.error;
  const status: TranslationOutcome["status"] = outcome.isAbort ? "stopped" : outcome.isError ? "failed" : "done";
  const failure = outcome.isError && error ? describeFailure(error) : undefined;
  if (answer) useSession.getState().recordRun(answer.metadata);
  useTranslationRun.setState((state) => {
    const outcomes = { ...state.outcomes, [code]: { status, answer, failure } };
    const allFinished = state.languages.every((language) => outcomes[language] !== undefined);
    return { outcomes, finishedAt: allFinished ? performance.now() : null };
  });
}

export function translationChat(code: string): PlaygroundChat {
  const existing = chats.get(code);
  if (existing) return existing;
  const created = createPlaygroundChat({ onFinish: (answer, outcome) => finish(code, answer, outcome) });
  chats.set(code, created);
  return created;
}

/**
 * Sends one request per language, all at once. Nothing is sent when a check fails (no key, a
 * missing value, no source text); the notice says what to fix.
 */
export function startTranslations(input: {
  serverHasKey: boolean;
  template: TranslationTemplate;
  values: Readonly<Record<string, string>>;
  source: string;
  languages: readonly TargetLanguage[];
}): void {
  if (translationSelectors.running(useTranslationRun.getState())) return;
  const apiKey = useSettings.getState().apiKey;
  if (!apiKey && !input.serverHasKey) {
    useTranslationRun.setState({ notice: { code: "no_api_key", message: t.errors.no_api_key } });
    return;
  }
  const built = buildTranslationRequests(input);
  if (!built.ok) {
    useTranslationRun.setState({ notice: { code: "invalid_request", message: built.error } });
    return;
  }
  useTranslationRun.setState({
    languages: built.value.map(({ language }) => language.code),
    outcomes: {},
    startedAt: performance.now(),
    finishedAt: null,
    notice: null,
  });
  for (const { language, body } of built.value) {
    void translationChat(language.code).run({ body, apiKey });
  }
}

export function stopTranslations(): void {
  for (const code of useTranslationRun.getState().languages) void chats.get(code)?.stop();
}
