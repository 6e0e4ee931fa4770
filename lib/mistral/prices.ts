import type { TokenUsage } from "@/lib/workspace/model";

/**
 * Mistral's list prices in US$ per million tokens, from Mistral's model cards as of
 * PRICES_AS_OF. Costs computed from them are estimates: invoices are authoritative.
 */
export const PRICES_AS_OF = "2026-08-21";

type Price = { input: number; output: number };

const byCanonicalModel: Record<string, Price> = {
  "mistral-large-2512": { input: 0.5, output: 1.5 },
  "mistral-medium-3-5": { input: 1.5, output: 7.5 },
  "mistral-medium-2508": { input: 0.4, output: 2 },
  "mistral-medium-2505": { input: 0.4, output: 2 },
  "mistral-small-2603": { input: 0.15, output: 0.6 },
  "mistral-small-2506": { input: 0.1, output: 0.3 },
  "ministral-14b-2512": { input: 0.2, output: 0.2 },
  "ministral-8b-2512": { input: 0.15, output: 0.15 },
  "ministral-3b-2512": { input: 0.1, output: 0.1 },
  "codestral-2508": { input: 0.3, output: 0.9 },
  "magistral-medium-2509": { input: 2, output: 5 },
  "magistral-small-2509": { input: 0.5, output: 1.5 },
  "devstral-2512": { input: 0.4, output: 2 },
  "open-mistral-nemo": { input: 0.15, output: 0.15 },
  "mistral-large-2411": { input: 2, output: 6 },
  "pixtral-large-2411": { input: 2, output: 6 },
};

/** Aliases as of PRICES_AS_OF; each resolves to the canonical model it pointed to then. */
const aliases: Record<string, string> = {
  "mistral-large-latest": "mistral-large-2512",
  "mistral-medium-latest": "mistral-medium-3-5",
  "mistral-medium-3": "mistral-medium-3-5",
  "mistral-small-latest": "mistral-small-2603",
  "ministral-14b-latest": "ministral-14b-2512",
  "ministral-8b-latest": "ministral-8b-2512",
  "ministral-3b-latest": "ministral-3b-2512",
  "codestral-latest": "codestral-2508",
  "magistral-medium-latest": "magistral-medium-2509",
  "magistral-small-latest": "magistral-small-2509",
  "devstral-latest": "devstral-2512",
  "devstral-medium-latest": "devstral-2512",
  "open-mistral-nemo-2407": "open-mistral-nemo",
  "pixtral-large-latest": "pixtral-large-2411",
};

/** Cached prompt tokens are billed at 10 % of the input price (Mistral's prompt-caching docs). */
const CACHED_INPUT_FACTOR = 0.1;

export function priceFor(modelId: string): Price | undefined {
  return byCanonicalModel[aliases[modelId] ?? modelId];
}

/** Estimated cost in US$, or undefined when the model has no known price. */
export function estimateCost(modelId: string, usage: TokenUsage): number | undefined {
  const price = priceFor(modelId);
  if (!price) return undefined;
  const cached = usage.cachedTokens ?? 0;
  const freshInput = usage.promptTokens - cached;
  return (
    (freshInput * price.input + cached * price.input * CACHED_INPUT_FACTOR + usage.completionTokens * price.output) /
    1_000_000
  );
}
