/**
 * Limits the UI checks before sending and the server enforces again. Ranges are Mistral's
 * (official OpenAPI spec, ChatCompletionRequest); counts and sizes are the playground's.
 */
export const parameterLimits = {
  temperature: { min: 0, max: 1.5 },
  topP: { min: 0, max: 1, minExclusive: true },
  maxTokens: { min: 1, max: 1_000_000 },
  randomSeed: { min: 0, max: Number.MAX_SAFE_INTEGER },
  maxRetries: { min: 0, max: 10 },
  stopSequences: 16,
  tools: 128,
} as const;

export const MAX_MESSAGES = 1000;
/** Request body limit for /api/chat: about a 256k-token context in UTF-8 text, with room. */
export const MAX_CHAT_BODY_BYTES = 4 * 1024 * 1024;
