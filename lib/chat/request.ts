import { z } from "zod";
import { imageLimits, parameterLimits, MAX_MESSAGES } from "./limits";
import { FUNCTION_NAME_PATTERN, reasoningEffortSchema, toolChoiceSchema } from "@/lib/workspace/model";

/**
 * The body of `POST /api/chat`: the conversation as it will be sent (templates already
 * rendered, system message first) and the sampling parameters.
 */
const text = z.string().max(MAX_MESSAGES * 4096);

export const chatToolCallSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(64),
  arguments: z.string(),
});

/** Sizes and types are checked over the whole request (`checkAttachments`), not per message. */
export const chatAttachmentSchema = z.object({
  kind: z.enum(["image", "document"]),
  name: z.string().max(255),
  url: z.string().max(imageLimits.totalBytes * 2),
});
export type ChatAttachment = z.infer<typeof chatAttachmentSchema>;

export const chatMessageSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: text }),
  z.object({
    role: z.literal("user"),
    content: text,
    attachments: z
      .array(chatAttachmentSchema)
      .max(imageLimits.count + imageLimits.documents)
      .optional(),
  }),
  z.object({
    role: z.literal("assistant"),
    content: text,
    reasoning: text.optional(),
    toolCalls: z.array(chatToolCallSchema).optional(),
  }),
  z.object({ role: z.literal("tool"), toolCallId: z.string().min(1).max(64), name: z.string().max(64), content: text }),
]);
export type ChatMessage = z.infer<typeof chatMessageSchema>;

const jsonObject = z.record(z.string(), z.unknown());

export const chatResponseFormatSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    name: z.string().min(1).max(64),
    schema: jsonObject,
    strict: z.boolean(),
  }),
]);

export const chatToolSchema = z.object({
  name: z.string().regex(FUNCTION_NAME_PATTERN, "Tool names use letters, digits, _ and -, at most 64."),
  description: z.string().max(4096),
  parameters: jsonObject,
});

const { temperature, topP, maxTokens, randomSeed, maxRetries, penalty } = parameterLimits;

/** The sampling parameters as a run sends them; shares check their snapshots with these too. */
export const samplingParameterFields = {
  model: z.string().trim().min(1, "Choose a model.").max(200),
  temperature: z.number().min(temperature.min).max(temperature.max).nullable(),
  maxTokens: z.number().int().min(maxTokens.min).max(maxTokens.max).nullable(),
  topP: z.number().gt(topP.min).max(topP.max).nullable(),
  randomSeed: z.number().int().min(randomSeed.min).max(randomSeed.max).nullable(),
  stop: z.array(z.string().min(1)).max(parameterLimits.stopSequences),
  safePrompt: z.boolean(),
  maxRetries: z.number().int().min(maxRetries.min).max(maxRetries.max),
};

export const chatParametersSchema = z.object({
  ...samplingParameterFields,
  responseFormat: chatResponseFormatSchema,
  tools: z.array(chatToolSchema).max(parameterLimits.tools),
  toolChoice: toolChoiceSchema,
  parallelToolCalls: z.boolean(),
  presencePenalty: z.number().min(penalty.min).max(penalty.max).nullable(),
  frequencyPenalty: z.number().min(penalty.min).max(penalty.max).nullable(),
  /** Sent as `prediction: {type: "content", content}`; null: not sent. */
  prediction: z.string().min(1).max(parameterLimits.predictionChars).nullable(),
  reasoningEffort: reasoningEffortSchema.nullable(),
  /** Magistral's `prompt_mode: "reasoning"`, set by the builder for the models that need it. */
  promptMode: z.literal("reasoning").nullable(),
});
export type ChatParameters = z.infer<typeof chatParametersSchema>;

export const chatRequestSchema = z.object({
  messages: z.array(chatMessageSchema).min(1).max(MAX_MESSAGES),
  parameters: chatParametersSchema,
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** Header carrying a key the user typed in Settings; never stored or logged by the server. */
export const USER_API_KEY_HEADER = "x-mistral-api-key";
