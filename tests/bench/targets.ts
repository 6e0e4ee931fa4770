/**
 * The same conversation sent two ways: straight to the fake's /v1/chat/completions, and to the
 * app's /api/chat, which calls the fake with it.
 */
import type { ChatParameters, ChatRequest } from "../../lib/chat/request.ts";
import { BENCH_API_KEY, type AppServer, type FakeServer } from "./servers.ts";
import type { StreamTarget } from "./stream-client.ts";

export const BENCH_MODEL = "mistral-small-latest";

/** What Chromium sends; Next compresses responses for clients that accept it. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export type TargetPair = { direct: StreamTarget; app: StreamTarget };

// What the playground sends with its defaults, but without retries: a failure must count as one,
// not as a slow first token. (Written out: the workspace's defaults keep schemas as text.)
const appParameters: ChatParameters = {
  model: BENCH_MODEL,
  temperature: null,
  maxTokens: null,
  topP: null,
  randomSeed: null,
  stop: [],
  safePrompt: false,
  maxRetries: 0,
  responseFormat: { type: "text" },
  tools: [],
  toolChoice: "auto",
  parallelToolCalls: true,
};

export function targets(
  servers: { fake: FakeServer; app: AppServer },
  userText: string,
  appHeaders: Record<string, string> = {},
): TargetPair {
  return {
    direct: {
      url: new URL(`${servers.fake.url}/chat/completions`),
      headers: { authorization: `Bearer ${BENCH_API_KEY}` },
      // The body @ai-sdk/mistral sends for this conversation (read off the fake's request log).
      body: JSON.stringify({
        model: BENCH_MODEL,
        messages: [{ role: "user", content: [{ type: "text", text: userText }] }],
        stream: true,
      }),
      format: "mistral",
    },
    app: {
      url: new URL(`${servers.app.origin}/api/chat`),
      headers: appHeaders,
      body: JSON.stringify({
        messages: [{ role: "user", content: userText }],
        parameters: appParameters,
      } satisfies ChatRequest),
      format: "ui-message-stream",
    },
  };
}
