import "server-only";

export const DEFAULT_MISTRAL_BASE_URL = "https://api.mistral.ai/v1";

/** Server configuration read from the environment at call time (so tests can set it). */
export function mistralConfig() {
  const baseURL = (process.env.MISTRAL_BASE_URL?.trim() || DEFAULT_MISTRAL_BASE_URL).replace(/\/+$/, "");
  const apiKey = process.env.MISTRAL_API_KEY?.trim() || undefined;
  return { baseURL, apiKey };
}

/** The key for one request: the one the user typed in Settings wins over the server's. */
export function resolveApiKey(userKey: string | null | undefined): string | undefined {
  const typed = userKey?.trim();
  return typed ? typed : mistralConfig().apiKey;
}
