/**
 * The same conversation sent five ways: straight to the fake's /v1/chat/completions; through a
 * plain Node.js byte pipe (node-pipe.ts); through the baseline app's byte pipe (/api/pipe) and its
 * AI SDK route (/api/sdk); and through the playground's /api/chat.
 */
import type { ChatParameters, ChatRequest } from "../../lib/chat/request.ts";
import { BENCH_API_KEY, type AppServer, type FakeServer } from "./servers.ts";
import type { StreamTarget } from "./stream-client.ts";

export const BENCH_MODEL = "mistral-small-latest";

/** What Chromium sends; Next compresses responses for clients that accept it. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export type TargetName = "direct" | "node" | "pipe" | "sdk" | "app";
export const TARGET_NAMES: readonly TargetName[] = ["direct", "node", "pipe", "sdk", "app"];
/** The fake and one server per route (the two Next.js baselines are two processes of one build). */
export type Servers = { fake: FakeServer; node: AppServer; pipe: AppServer; sdk: AppServer; app: AppServer };
export type Targets = Record<TargetName, StreamTarget>;

export const TARGET_LABELS: Record<TargetName, string> = {
  direct: "Direct to fake",
  node: "Node byte pipe (floor)",
  pipe: "Next.js byte pipe",
  sdk: "AI SDK route",
  app: "/api/chat",
};

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
  presencePenalty: null,
  frequencyPenalty: null,
  prediction: null,
  reasoningEffort: null,
  promptMode: null,
};

export function targets(servers: Servers, userText: string, appHeaders: Record<string, string> = {}): Targets {
  // The body @ai-sdk/mistral sends for this conversation (read off the fake's request log).
  const mistralBody = JSON.stringify({
    model: BENCH_MODEL,
    messages: [{ role: "user", content: [{ type: "text", text: userText }] }],
    stream: true,
  });
  return {
    direct: {
      url: new URL(`${servers.fake.url}/chat/completions`),
      headers: { authorization: `Bearer ${BENCH_API_KEY}` },
      body: mistralBody,
      format: "mistral",
    },
    node: { url: new URL(servers.node.origin), headers: {}, body: mistralBody, format: "mistral" },
    pipe: { url: new URL(`${servers.pipe.origin}/api/pipe`), headers: {}, body: mistralBody, format: "mistral" },
    sdk: {
      url: new URL(`${servers.sdk.origin}/api/sdk`),
      headers: appHeaders,
      // What useChat sends: the conversation as UI messages.
      body: JSON.stringify({ messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: userText }] }] }),
      format: "ui-message-stream",
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
