import { z } from "zod";

/**
 * Chat models as the playground lists them. The live list comes from Mistral's
 * `GET /v1/models`; the built-in catalogue below stands in when it cannot be fetched.
 */
export const chatModelSchema = z.object({
  id: z.string(),
  /** The canonical model an alias points to (`name` in Mistral's model card). */
  name: z.string(),
  description: z.string().nullable(),
  contextLength: z.number().int().positive().nullable(),
  defaultTemperature: z.number().nullable(),
  functionCalling: z.boolean(),
  /** Reads images (`capabilities.vision`). */
  vision: z.boolean(),
  /** Thinks before answering, with `reasoning_effort` or Magistral's prompt mode (`capabilities.reasoning`). */
  reasoning: z.boolean(),
  deprecation: z.string().nullable(),
});
export type ChatModel = z.infer<typeof chatModelSchema>;

export const modelListSchema = z.object({
  source: z.enum(["live", "builtin"]),
  /** Why the live list could not be used, when `source` is `builtin`. */
  notice: z.string().optional(),
  fetchedAt: z.string(),
  models: z.array(chatModelSchema),
});
export type ModelList = z.infer<typeof modelListSchema>;

/** The playground's default temperature when a model card gives none. */
export const FALLBACK_TEMPERATURE = 0.3;

function model(
  id: string,
  name: string,
  contextLength: number,
  defaultTemperature: number,
  description: string,
  { vision = true, reasoning = false }: { vision?: boolean; reasoning?: boolean } = {},
): ChatModel {
  const functionCalling = true;
  return {
    id,
    name,
    description,
    contextLength,
    defaultTemperature,
    functionCalling,
    vision,
    reasoning,
    deprecation: null,
  };
}

/** Which models see and reason: model cards and Mistral's vision and reasoning docs (2026-08). */
const reasons = { reasoning: true };
const blind = { vision: false };

/**
 * Built-in catalogue: Mistral's generally available chat models and their aliases, with
 * context lengths and default temperatures as `/v1/models` reports them (2025-12 / 2026-08).
 */
export const builtinChatModels: ChatModel[] = [
  model("mistral-large-latest", "mistral-large-2512", 262144, 0.3, "Mistral Large 3"),
  model("mistral-large-2512", "mistral-large-2512", 262144, 0.3, "Mistral Large 3"),
  model("mistral-medium-latest", "mistral-medium-3-5", 262144, 0.3, "Mistral Medium 3.5", reasons),
  model("mistral-medium-3-5", "mistral-medium-3-5", 262144, 0.3, "Mistral Medium 3.5", reasons),
  model("mistral-small-latest", "mistral-small-2603", 262144, 0.3, "Mistral Small 4", reasons),
  model("mistral-small-2603", "mistral-small-2603", 262144, 0.3, "Mistral Small 4", reasons),
  model("ministral-14b-latest", "ministral-14b-2512", 262144, 0.3, "Ministral 3 14B"),
  model("ministral-8b-latest", "ministral-8b-2512", 262144, 0.3, "Ministral 3 8B"),
  model("ministral-3b-latest", "ministral-3b-2512", 131072, 0.3, "Ministral 3 3B"),
  model("codestral-latest", "codestral-2508", 256000, 0.3, "Codestral 25.08", blind),
  model("magistral-medium-latest", "magistral-medium-2509", 131072, 0.7, "Magistral Medium 1.2", reasons),
  model("magistral-small-latest", "magistral-small-2509", 131072, 0.7, "Magistral Small 1.2", reasons),
  model("devstral-latest", "devstral-2512", 262144, 0.2, "Devstral 2", blind),
  model("open-mistral-nemo", "open-mistral-nemo", 131072, 0.3, "Mistral Nemo 12B", blind),
];

/** The models of a list that read images, for the refusal that names them. */
export function visionModels(models: readonly ChatModel[]): ChatModel[] {
  return models.filter((m) => m.vision);
}

export function findModel(models: readonly ChatModel[], id: string): ChatModel | undefined {
  return models.find((m) => m.id === id) ?? builtinChatModels.find((m) => m.id === id);
}
