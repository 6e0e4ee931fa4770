import { buildChatRequest } from "@/lib/chat/build-request";
import type { ChatRequest } from "@/lib/chat/request";
import { collectVariables } from "@/lib/chat/template";
import type { ConversationMessage, PromptSnapshot, Workspace } from "@/lib/workspace/model";
import { runnableSnapshot } from "@/lib/workspace/snapshot";
import { currentLocale, t } from "@/lib/i18n";
import { findPreset } from "@/lib/prompts/presets";
import { isSourceLanguage, languageLabel, type TargetLanguage } from "./languages";

/** The variable each request sets to its language, as in LangChain's translator chain. */
export const OUTPUT_LANGUAGE = "output_language";
/** The variable the source text fills. */
export const SOURCE_TEXT = "input";
/** The variable naming the source text's language, when the template has one. */
export const INPUT_LANGUAGE = "input_language";
const TRANSLATOR_PRESET = "translator-chain";

export type TranslationTemplate = Omit<PromptSnapshot, "variables"> & {
  /** Whose prompt it is: the playground's workspace, or the built-in translator chain. */
  origin: "workspace" | "preset";
  /** The values the template comes with, to start from. */
  values: Record<string, string>;
  /** Its variables other than the source text and the target language, in order. */
  fields: string[];
};

/**
 * The conversation a run of the workspace would send, up to its last user message: answers after
 * it are earlier runs, not prompt.
 */
function conversationOf(workspace: Workspace): ConversationMessage[] {
  const { messages } = runnableSnapshot(workspace);
  return messages.slice(0, messages.findLastIndex((m) => m.role === "user") + 1);
}

function withFields(template: Omit<TranslationTemplate, "fields">): TranslationTemplate {
  const fields = collectVariables(template).filter((name) => name !== OUTPUT_LANGUAGE && name !== SOURCE_TEXT);
  return { ...template, fields };
}

/**
 * The playground's prompt when it is a translation template (it uses both `{output_language}` and
 * `{input}`); otherwise LangChain's translator chain, run on the playground's model.
 */
export function translationTemplate(workspace: Workspace): TranslationTemplate {
  const messages = conversationOf(workspace);
  const variables = collectVariables({ system: workspace.system, messages });
  if (variables.includes(OUTPUT_LANGUAGE) && variables.includes(SOURCE_TEXT)) {
    return withFields({
      origin: "workspace",
      system: workspace.system,
      messages,
      // The demo shows text side by side and has nowhere to answer a tool call.
      parameters: { ...workspace.parameters, tools: [], toolChoice: "auto" },
      values: { ...workspace.variables },
    });
  }
  const preset = findPreset(TRANSLATOR_PRESET);
  if (!preset) throw new Error(`The ${TRANSLATOR_PRESET} preset is missing`);
  const { snapshot } = preset;
  return withFields({
    origin: "preset",
    system: snapshot.system,
    messages: snapshot.messages,
    parameters: { ...snapshot.parameters, model: workspace.parameters.model },
    values: { ...snapshot.variables },
  });
}

export type TranslationRequest = { language: TargetLanguage; body: ChatRequest };

export type BuildTranslationsResult = { ok: true; value: TranslationRequest[] } | { ok: false; error: string };

/**
 * One request per language: the template rendered with `values`, the source text as `{input}`
 * and the language's English name as `{output_language}`. Nothing is sent unless all are good.
 */
export function buildTranslationRequests(input: {
  template: TranslationTemplate;
  values: Readonly<Record<string, string>>;
  source: string;
  languages: readonly TargetLanguage[];
}): BuildTranslationsResult {
  if (input.source.trim() === "") return { ok: false, error: t("translate.noSource") };
  if (input.languages.length === 0) return { ok: false, error: t("translate.noTargets") };
  const same = input.languages.find((language) => isSourceLanguage(language, input.values[INPUT_LANGUAGE]));
  if (same)
    return { ok: false, error: t("translate.sameAsSource", { language: languageLabel(same, currentLocale()) }) };
  const { system, messages, parameters } = input.template;
  const snapshot: PromptSnapshot = { system, messages, parameters, variables: input.values };
  const requests: TranslationRequest[] = [];
  for (const language of input.languages) {
    const built = buildChatRequest(snapshot, {
      values: { ...input.values, [SOURCE_TEXT]: input.source, [OUTPUT_LANGUAGE]: language.name },
    });
    if (!built.ok) return built;
    requests.push({ language, body: built.value });
  }
  return { ok: true, value: requests };
}
