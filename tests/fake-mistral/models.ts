/**
 * `GET /v1/models`, shaped like the real list of 2025-12-30 (FACTS §5,
 * recorded/models-list_2025-12-30_excerpt.json): every id is its own card, `name` is the canonical
 * model, `aliases` the other ids, `created` is the request time and the same on every card, all
 * keys present with explicit nulls, and the 9 capability keys of that date plus `reasoning`, which
 * the 2026-08 spec's `ModelCapabilities` adds (FACTS §5) and which says who takes `reasoning_effort`.
 */

type Capabilities = {
  completion_chat: boolean;
  function_calling: boolean;
  completion_fim: boolean;
  fine_tuning: boolean;
  vision: boolean;
  ocr: boolean;
  classification: boolean;
  moderation: boolean;
  audio: boolean;
  reasoning: boolean;
};

type ModelGroup = {
  name: string;
  ids: string[];
  description: string;
  maxContextLength: number;
  defaultTemperature: number | null;
  capabilities: Partial<Capabilities>;
  deprecation?: { at: string; replacement: string };
  /** The real list gives some groups `aliases: []` although several ids share the name. */
  emptyAliases?: boolean;
  /** Magistral accepts `prompt_mode: "reasoning"` (FACTS §1.1, 400 code 3051 otherwise). */
  promptMode?: boolean;
};

const chat = { completion_chat: true, function_calling: true, fine_tuning: true };

// Numbers from the FACTS §5 snapshot table (2025-12-30).
const groups: ModelGroup[] = [
  {
    name: "mistral-large-2512",
    ids: ["mistral-large-2512", "mistral-large-latest"],
    description: "Official mistral-large-2512 Mistral AI model",
    maxContextLength: 262144,
    defaultTemperature: 0.3,
    capabilities: { ...chat, vision: true },
    emptyAliases: true,
  },
  {
    name: "mistral-medium-2505",
    ids: ["mistral-medium-2505"],
    description: "Our frontier-class multimodal model released May 2025.",
    maxContextLength: 131072,
    defaultTemperature: 0.3,
    capabilities: { ...chat, vision: true },
  },
  {
    name: "mistral-medium-2508",
    ids: ["mistral-medium-2508", "mistral-medium-latest", "mistral-medium"],
    description: "Update on Mistral Medium 3 with improved capabilities.",
    maxContextLength: 131072,
    defaultTemperature: 0.3,
    capabilities: { ...chat, vision: true },
  },
  {
    name: "mistral-small-2506",
    ids: ["mistral-small-2506", "mistral-small-latest"],
    description: "Official mistral-small-2506 Mistral AI model",
    maxContextLength: 131072,
    defaultTemperature: 0.3,
    capabilities: { ...chat, vision: true },
  },
  {
    name: "ministral-3b-2512",
    ids: ["ministral-3b-2512", "ministral-3b-latest"],
    description: "Official ministral-3b-2512 Mistral AI model",
    maxContextLength: 131072,
    defaultTemperature: 0.3,
    capabilities: { ...chat, vision: true },
  },
  {
    name: "ministral-8b-2512",
    ids: ["ministral-8b-2512", "ministral-8b-latest"],
    description: "Official ministral-8b-2512 Mistral AI model",
    maxContextLength: 262144,
    defaultTemperature: 0.3,
    capabilities: { ...chat, vision: true },
  },
  {
    name: "ministral-14b-2512",
    ids: ["ministral-14b-2512", "ministral-14b-latest"],
    description: "Official ministral-14b-2512 Mistral AI model",
    maxContextLength: 262144,
    defaultTemperature: 0.3,
    capabilities: { ...chat, vision: true },
  },
  {
    // Mistral Medium 3.5 (FACTS §5, Aug 2026 cards): takes `reasoning_effort` (DOCS reasoning).
    name: "mistral-medium-3-5",
    ids: ["mistral-medium-3-5"],
    description: "Official mistral-medium-3-5 Mistral AI model",
    maxContextLength: 262144,
    defaultTemperature: 0.3,
    capabilities: { ...chat, vision: true, reasoning: true },
  },
  {
    name: "codestral-2508",
    ids: ["codestral-2508", "codestral-latest"],
    description: "Official codestral-2508 Mistral AI model",
    maxContextLength: 256000,
    defaultTemperature: 0.3,
    capabilities: { ...chat, completion_fim: true },
  },
  {
    name: "magistral-medium-2509",
    ids: ["magistral-medium-2509", "magistral-medium-latest"],
    description: "Official magistral-medium-2509 Mistral AI model",
    maxContextLength: 131072,
    defaultTemperature: 0.7,
    capabilities: { ...chat, vision: true, reasoning: true },
    promptMode: true,
  },
  {
    name: "magistral-small-2509",
    ids: ["magistral-small-2509", "magistral-small-latest"],
    description: "Official magistral-small-2509 Mistral AI model",
    maxContextLength: 131072,
    defaultTemperature: 0.7,
    capabilities: { ...chat, vision: true, reasoning: true },
    promptMode: true,
  },
  {
    name: "open-mistral-nemo",
    ids: ["open-mistral-nemo", "open-mistral-nemo-2407", "mistral-tiny-2407", "mistral-tiny-latest"],
    description: "Official open-mistral-nemo Mistral AI model",
    maxContextLength: 131072,
    defaultTemperature: 0.3,
    capabilities: chat,
  },
  {
    name: "open-mistral-7b",
    ids: ["open-mistral-7b", "mistral-tiny", "mistral-tiny-2312"],
    description: "Our first dense model released September 2023.",
    maxContextLength: 32768,
    defaultTemperature: 0.7,
    capabilities: chat,
    deprecation: { at: "2026-01-31T12:00:00Z", replacement: "ministral-8b-latest" },
  },
  {
    name: "mistral-embed-2312",
    ids: ["mistral-embed-2312", "mistral-embed"],
    description: "Official mistral-embed-2312 Mistral AI model",
    maxContextLength: 8192,
    defaultTemperature: null,
    capabilities: {},
  },
  {
    name: "mistral-moderation-2411",
    ids: ["mistral-moderation-2411", "mistral-moderation-latest"],
    description: "Official mistral-moderation-2411 Mistral AI model",
    maxContextLength: 8192,
    defaultTemperature: null,
    capabilities: { classification: true, moderation: true },
  },
  {
    name: "mistral-ocr-2512",
    ids: ["mistral-ocr-2512", "mistral-ocr-latest"],
    description: "Official mistral-ocr-2512 Mistral AI model",
    maxContextLength: 16384,
    defaultTemperature: 0.0,
    capabilities: { ocr: true },
  },
];

const noCapabilities: Capabilities = {
  completion_chat: false,
  function_calling: false,
  completion_fim: false,
  fine_tuning: false,
  vision: false,
  ocr: false,
  classification: false,
  moderation: false,
  audio: false,
  reasoning: false,
};

export type ChatModel = {
  id: string;
  maxContextLength: number;
  /** Accepts `image_url` chunks (`capabilities.vision`). */
  vision: boolean;
  /** Thinks before answering when asked (`capabilities.reasoning`). */
  reasoning: boolean;
  /** Accepts `prompt_mode: "reasoning"` (Magistral). */
  promptMode: boolean;
};

/** Chat-capable model by id; the fake answers chat only for these (others → 400 invalid_model). */
export function findChatModel(id: string): ChatModel | undefined {
  const group = groups.find((g) => g.ids.includes(id));
  if (!group?.capabilities.completion_chat) return undefined;
  return {
    id,
    maxContextLength: group.maxContextLength,
    vision: group.capabilities.vision ?? false,
    reasoning: group.capabilities.reasoning ?? false,
    promptMode: group.promptMode ?? false,
  };
}

export function modelList(created = Math.floor(Date.now() / 1000)): unknown {
  const data = groups.flatMap((group) =>
    group.ids.map((id) => ({
      id,
      object: "model",
      created,
      owned_by: "mistralai",
      capabilities: { ...noCapabilities, ...group.capabilities },
      name: group.name,
      description: group.description,
      max_context_length: group.maxContextLength,
      aliases: group.emptyAliases ? [] : group.ids.filter((other) => other !== id),
      deprecation: group.deprecation?.at ?? null,
      deprecation_replacement_model: group.deprecation?.replacement ?? null,
      default_model_temperature: group.defaultTemperature,
      type: "base",
    })),
  );
  return { object: "list", data };
}
