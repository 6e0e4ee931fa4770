import { z } from "zod";

/**
 * The workspace as the user edits it: the shapes that the store persists, that shares
 * snapshot and that exports write. Everything here is plain JSON.
 */

/** Mistral tool-call ids: exactly nine ASCII letters or digits. */
export const TOOL_CALL_ID_PATTERN = /^[a-zA-Z0-9]{9}$/;
/** Mistral function names. */
export const FUNCTION_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

export const responseFormatSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    name: z.string(),
    /** The JSON Schema as the text the user edits. */
    schema: z.string(),
    strict: z.boolean(),
  }),
]);
export type ResponseFormat = z.infer<typeof responseFormatSchema>;

export const toolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The arguments as the JSON text the model produced (or the user edited). */
  arguments: z.string(),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

export const tokenUsageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  cachedTokens: z.number().int().nonnegative().optional(),
});
export type TokenUsage = z.infer<typeof tokenUsageSchema>;

/** What the server reports about one answer (the AI SDK message metadata). */
export const answerMetadataSchema = z.object({
  usage: tokenUsageSchema.optional(),
  finishReason: z.string().optional(),
  model: z.string().optional(),
  responseId: z.string().optional(),
  timeToFirstTokenMs: z.number().nonnegative().optional(),
  durationMs: z.number().nonnegative().optional(),
  /** When the answer started, ms since the epoch. */
  createdAt: z.number().optional(),
});
export type AnswerMetadata = z.infer<typeof answerMetadataSchema>;

/**
 * An image or a document sent with a user message. `url` is what Mistral receives: a base64
 * `data:` URL (a file the user attached, its bytes unchanged) or an `https:` URL the user typed.
 */
export const attachmentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("image"), id: z.string(), name: z.string(), url: z.string() }),
  /** A PDF or other document by URL (`document_url` with `document_name`). */
  z.object({ kind: z.literal("document"), id: z.string(), name: z.string(), url: z.string() }),
]);
export type Attachment = z.infer<typeof attachmentSchema>;
export type ImageAttachment = Extract<Attachment, { kind: "image" }>;

export const userMessageSchema = z.object({
  id: z.string(),
  role: z.literal("user"),
  content: z.string(),
  /** Images and documents, in order after the text. */
  attachments: z.array(attachmentSchema).optional(),
});
export const assistantMessageSchema = z.object({
  id: z.string(),
  role: z.literal("assistant"),
  content: z.string(),
  toolCalls: z.array(toolCallSchema).optional(),
  /** The model's thinking before the answer (reasoning models), sent back as a thinking chunk. */
  reasoning: z.string().optional(),
  metadata: answerMetadataSchema.optional(),
  /** `interrupted`: the stream was cut before Mistral finished; `stopped`: the user stopped it. */
  status: z.enum(["complete", "interrupted", "stopped"]).optional(),
  /** The response format the answer was run with, which it is checked against; absent: text or typed by hand. */
  responseFormat: responseFormatSchema.optional(),
  /** The text was changed after the run, so `metadata` describes a text the answer no longer has. */
  edited: z.literal(true).optional(),
  /** The answer was continued (`prefix: true`): `metadata` describes the last continuation only. */
  continued: z.literal(true).optional(),
});
export const toolMessageSchema = z.object({
  id: z.string(),
  role: z.literal("tool"),
  toolCallId: z.string(),
  name: z.string(),
  content: z.string(),
});
export const conversationMessageSchema = z.discriminatedUnion("role", [
  userMessageSchema,
  assistantMessageSchema,
  toolMessageSchema,
]);
export type AssistantMessage = z.infer<typeof assistantMessageSchema>;
export type ToolMessage = z.infer<typeof toolMessageSchema>;
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;
/** An answer as it lands in the conversation, before it gets its id. */
export type FinishedAnswer = Omit<AssistantMessage, "id" | "role">;

export const toolDefinitionSchema = z.object({
  name: z.string(),
  description: z.string(),
  /** JSON Schema of the parameters, as the text the user edits. */
  parameters: z.string(),
  /** A canned result offered when the model calls this tool. */
  mockResult: z.string().optional(),
});
export type ToolDefinition = z.infer<typeof toolDefinitionSchema>;

export const toolChoiceSchema = z.union([
  z.enum(["auto", "none", "any"]),
  z.object({ type: z.literal("function"), name: z.string() }),
]);
export type ToolChoice = z.infer<typeof toolChoiceSchema>;

/** Mistral's `reasoning_effort` values (official spec, ChatCompletionRequest). */
export const REASONING_EFFORTS = ["none", "minimal", "low", "medium", "high", "xhigh"] as const;
export const reasoningEffortSchema = z.enum(REASONING_EFFORTS);
export type ReasoningEffort = z.infer<typeof reasoningEffortSchema>;

export const parametersSchema = z.object({
  model: z.string(),
  /** null: the model's default (`default_model_temperature`). */
  temperature: z.number().nullable(),
  maxTokens: z.number().int().nullable(),
  topP: z.number().nullable(),
  randomSeed: z.number().int().nullable(),
  stop: z.array(z.string()),
  safePrompt: z.boolean(),
  maxRetries: z.number().int(),
  responseFormat: responseFormatSchema,
  tools: z.array(toolDefinitionSchema),
  toolChoice: toolChoiceSchema,
  parallelToolCalls: z.boolean(),
  /** −2…2; null: not sent. */
  presencePenalty: z.number().nullable(),
  frequencyPenalty: z.number().nullable(),
  /** Expected output text, sent as `prediction`; empty: not sent. */
  prediction: z.string(),
  /** null: the model's default. */
  reasoningEffort: reasoningEffortSchema.nullable(),
});
export type Parameters = z.infer<typeof parametersSchema>;

export const DEFAULT_MODEL = "mistral-large-latest";

export const defaultParameters: Parameters = {
  model: DEFAULT_MODEL,
  temperature: null,
  maxTokens: null,
  topP: null,
  randomSeed: null,
  stop: [],
  safePrompt: false,
  maxRetries: 2,
  responseFormat: { type: "text" },
  tools: [],
  toolChoice: "auto",
  parallelToolCalls: true,
  presencePenalty: null,
  frequencyPenalty: null,
  prediction: "",
  reasoningEffort: null,
};

/**
 * A prompt: the system message, the conversation, the parameters (with the tools and the response
 * format) and the variables' values. Saved prompts, shares and exports carry it, and every request
 * is built from one (`buildChatRequest`).
 */
export const promptSnapshotSchema = z.object({
  system: z.string(),
  messages: z.array(conversationMessageSchema),
  parameters: parametersSchema,
  variables: z.record(z.string(), z.string()),
});
export type PromptSnapshot = z.infer<typeof promptSnapshotSchema>;

/**
 * A prompt with the composer's unsent text and attachments, when there are any: what a saved
 * prompt keeps, so that opening it gives back the workspace Run would send.
 */
export const savedSnapshotSchema = promptSnapshotSchema.extend({
  composer: z.string().optional(),
  composerAttachments: z.array(attachmentSchema).optional(),
});
export type SavedSnapshot = z.infer<typeof savedSnapshotSchema>;

/** The workspace as the user edits it: a prompt plus the composer's unsent text. */
export const workspaceSchema = promptSnapshotSchema.extend({
  composer: z.string(),
  /** Images and documents for the next user message; absent when there are none. */
  composerAttachments: z.array(attachmentSchema).optional(),
});
export type Workspace = z.infer<typeof workspaceSchema>;
