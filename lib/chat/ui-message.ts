import type { UIMessage } from "ai";
import type { AnswerMetadata } from "@/lib/workspace/model";

/** The UI message the browser receives: the AI SDK's, with the answer's metadata. */
export type PlaygroundUIMessage = UIMessage<AnswerMetadata>;
