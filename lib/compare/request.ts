/**
 * The one place Compare reaches into the playground's request builder and workspace model, so
 * that every variant is sent exactly as the playground would send it.
 */
import { buildChatRequest } from "@/lib/chat/build-request";
import type { ChatRequest } from "@/lib/chat/request";
import { collectVariables } from "@/lib/chat/template";
import type { ConversationMessage, Parameters, PromptSnapshot } from "@/lib/workspace/model";

export {
  answerMetadataSchema,
  conversationMessageSchema,
  defaultParameters,
  parametersSchema,
  type ConversationMessage,
  type Parameters,
  type PromptSnapshot,
  type ResponseFormat,
} from "@/lib/workspace/model";
export type { ChatRequest } from "@/lib/chat/request";

export type PromptVariant = {
  system: string;
  /** Earlier turns of this variant, before the shared user message. */
  messages: ConversationMessage[];
  parameters: Parameters;
};

export type BuiltRequest = { ok: true; value: ChatRequest } | { ok: false; error: string };

/** The prompt a variant sends: its own turns, then the shared user message. */
export function variantSnapshot(
  variant: PromptVariant,
  userMessage: string,
  values: Readonly<Record<string, string>>,
): PromptSnapshot {
  const messages: ConversationMessage[] = [...variant.messages];
  if (userMessage.trim() !== "") messages.push({ id: "compare-user", role: "user", content: userMessage });
  return { system: variant.system, messages, parameters: variant.parameters, variables: { ...values } };
}

/** The `/api/chat` body for a variant, through the playground's builder. */
export function buildVariantRequest(
  variant: PromptVariant,
  userMessage: string,
  values: Readonly<Record<string, string>>,
): BuiltRequest {
  return buildChatRequest(variantSnapshot(variant, userMessage, values), { values });
}

/** Every `{variable}` used by a variant or the shared user message, in order of appearance. */
export function variablesOf(variants: readonly PromptVariant[], userMessage: string): string[] {
  const names = variants.flatMap((variant) => collectVariables({ ...variant, composer: userMessage }));
  return [...new Set(names)];
}
