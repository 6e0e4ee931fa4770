import type { UIMessage } from "ai";
import type { AnswerMetadata } from "@/lib/workspace/model";

/**
 * Sent (as a transient `data-retry` part) when /api/chat will try Mistral again: which try comes
 * next and of how many, what Mistral answered, and the wait it asked for, when it said.
 */
export type RetryNotice = { attempt: number; attempts: number; status?: number; retryAfterMs?: number };

/** The UI message the browser receives: the AI SDK's, with the answer's metadata and retry notices. */
export type PlaygroundUIMessage = UIMessage<AnswerMetadata, { retry: RetryNotice }>;
