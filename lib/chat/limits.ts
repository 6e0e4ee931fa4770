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
  penalty: { min: -2, max: 2 },
  predictionChars: 200_000,
} as const;

export const MAX_MESSAGES = 1000;
/** Request body limit for the text of /api/chat: about a 256k-token context in UTF-8, with room. */
export const MAX_CHAT_TEXT_BYTES = 4 * 1024 * 1024;

/**
 * Images per request and their sizes. Mistral's vision docs allow 8 images per request of at most
 * 10 MB each; the playground also caps their sum so that one body stays small enough to relay.
 */
export const imageLimits = {
  count: 8,
  bytesPerImage: 10 * 1024 * 1024,
  totalBytes: 20 * 1024 * 1024,
  /** Documents by URL (`document_url`). */
  documents: 8,
  urlChars: 2048,
} as const;

/** Length of the base64 text of `bytes` bytes. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/**
 * Request body limit for /api/chat: the text's limit, plus the images' total as base64 data URLs
 * and their JSON wrapping. It grows only as far as images need; anything larger is a 413.
 */
export const MAX_CHAT_BODY_BYTES = MAX_CHAT_TEXT_BYTES + base64Length(imageLimits.totalBytes) + imageLimits.count * 256;
