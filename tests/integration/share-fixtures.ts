import { defaultParameters, type PromptSnapshot } from "@/lib/workspace/model";

/** Text in scripts and directions that a storage layer could mangle. */
export const WORLD_TEXT = {
  chinese: "你好，世界！请用中文回答。𠜎𠜱",
  korean: "안녕하세요, 세계! 한국어로 대답해 주세요.",
  emoji: "Family 👨‍👩‍👧‍👦, flag 🇫🇷, skin tone 👋🏽, keycap 1️⃣",
  arabic: "مرحبا بالعالم! \u200Fأجب بالعربية.",
  hebrew: "שלום עולם! ענה בעברית, בבקשה.",
  combining: "e\u0301 vs é, Å vs A\u030A",
};

export function makeSnapshot(overrides: Partial<PromptSnapshot> = {}): PromptSnapshot {
  return {
    system: "You are a helpful assistant.",
    messages: [
      { id: "m1", role: "user", content: "What is the weather in Paris?" },
      { id: "m2", role: "assistant", content: "Sunny, 21 °C.", status: "complete" },
    ],
    parameters: { ...defaultParameters, temperature: 0.7 },
    variables: {},
    ...overrides,
  };
}

/** A snapshot that uses every kind of text in WORLD_TEXT, in content and in keys. */
export function makeWorldSnapshot(): PromptSnapshot {
  return makeSnapshot({
    system: `${WORLD_TEXT.arabic}\n${WORLD_TEXT.hebrew}`,
    messages: [
      { id: "u1", role: "user", content: WORLD_TEXT.chinese },
      { id: "a1", role: "assistant", content: WORLD_TEXT.korean },
      { id: "u2", role: "user", content: `${WORLD_TEXT.emoji}\n${WORLD_TEXT.combining}` },
    ],
    variables: { 城市: "北京", 도시: "서울", مدينة: "القاهرة", emoji: "🌍🌎🌏" },
  });
}

/**
 * Resolves once the wall clock has moved to the next millisecond. PGlite's clock counts
 * milliseconds: shares made within one have no newest of the two.
 */
export async function nextMillisecond(): Promise<void> {
  const start = Date.now();
  while (Date.now() === start) await new Promise((resolve) => setImmediate(resolve));
}
