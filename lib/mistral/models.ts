import "server-only";
import { z } from "zod";
import { builtinChatModels, type ChatModel, type ModelList } from "./catalogue";
import { mistralConfig } from "./config";

/** The parts of Mistral's model card the playground reads; other keys are ignored. */
const modelCardSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  max_context_length: z.number().nullish(),
  default_model_temperature: z.number().nullish(),
  deprecation: z.string().nullish(),
  capabilities: z
    .object({
      completion_chat: z.boolean().optional(),
      function_calling: z.boolean().optional(),
      vision: z.boolean().optional(),
      reasoning: z.boolean().optional(),
    })
    .passthrough(),
});
const modelListResponseSchema = z.object({ data: z.array(z.unknown()) });

const CACHE_TTL_MS = 10 * 60 * 1000;
const FETCH_TIMEOUT_MS = 5000;

let cache: { key: string; expires: number; list: ModelList } | undefined;

function toChatModel(card: z.infer<typeof modelCardSchema>): ChatModel {
  return {
    id: card.id,
    name: card.name ?? card.id,
    description: card.description ?? null,
    contextLength: card.max_context_length ?? null,
    defaultTemperature: card.default_model_temperature ?? null,
    functionCalling: card.capabilities.function_calling ?? false,
    vision: card.capabilities.vision ?? false,
    // Cards from before 2026 have no `reasoning` key; Magistral reasoned already then.
    reasoning: card.capabilities.reasoning ?? (card.name ?? card.id).startsWith("magistral-"),
    deprecation: card.deprecation ?? null,
  };
}

/** Chat-capable models from `GET /v1/models`; the same id may be listed twice, keep the first. */
export function parseModelList(body: unknown): ChatModel[] | undefined {
  const list = modelListResponseSchema.safeParse(body);
  if (!list.success) return undefined;
  const seen = new Set<string>();
  const models: ChatModel[] = [];
  for (const entry of list.data.data) {
    const card = modelCardSchema.safeParse(entry);
    if (!card.success || !card.data.capabilities.completion_chat || seen.has(card.data.id)) continue;
    seen.add(card.data.id);
    models.push(toChatModel(card.data));
  }
  return models.sort((a, b) => a.id.localeCompare(b.id));
}

function builtin(notice: string): ModelList {
  return { source: "builtin", notice, fetchedAt: new Date().toISOString(), models: builtinChatModels };
}

/**
 * The live model list, cached per base URL and key for ten minutes. Falls back to the
 * built-in catalogue (not cached, so the next call tries again) with a notice saying why.
 */
export async function listChatModels(apiKey: string | undefined): Promise<ModelList> {
  const { baseURL } = mistralConfig();
  if (!apiKey) return builtin("no_api_key");
  const key = `${baseURL}\n${apiKey}`;
  if (cache && cache.key === key && cache.expires > Date.now()) return cache.list;

  let response: Response;
  try {
    response = await fetch(`${baseURL}/models`, {
      headers: { Authorization: `Bearer ${apiKey}`, Accept: "application/json" },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    console.warn("[models] could not reach Mistral's model list:", (error as Error).name);
    return builtin("unreachable");
  }
  if (!response.ok) {
    console.warn(`[models] Mistral's model list answered HTTP ${response.status}`);
    return builtin(response.status === 401 ? "unauthorized" : "upstream_error");
  }
  const models = parseModelList(await response.json().catch(() => undefined));
  if (!models || models.length === 0) return builtin("invalid_response");

  const list: ModelList = { source: "live", fetchedAt: new Date().toISOString(), models };
  cache = { key, expires: Date.now() + CACHE_TTL_MS, list };
  return list;
}
