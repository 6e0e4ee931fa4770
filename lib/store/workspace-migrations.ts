import { z } from "zod";
import {
  attachmentSchema,
  conversationMessageSchema,
  defaultParameters,
  parametersSchema,
  type Attachment,
  type ConversationMessage,
  type ResponseFormat,
  type Workspace,
} from "@/lib/workspace/model";

/**
 * 1: the first. 2: images and documents on user messages and in the composer
 * (`composerAttachments`), the thinking of reasoning answers, penalties, prediction and reasoning
 * effort; a version 1 workspace gains an empty composer attachment list and default parameters.
 * 3: answers keep the response format they were run with (`responseFormat`), and say when they
 * were edited or continued after the run; the answers of an older workspace that were run (they
 * have metadata) get the workspace's response format, the one they were judged by until then.
 */
export const WORKSPACE_VERSION = 3;

const record = z.record(z.string(), z.unknown());

/** Version 3: an answer that was run before answers kept their format gets the workspace's. */
function withResponseFormat(message: ConversationMessage, responseFormat: ResponseFormat): ConversationMessage {
  if (message.role !== "assistant" || !message.metadata || message.responseFormat) return message;
  return responseFormat.type === "text" ? message : { ...message, responseFormat };
}

/**
 * Brings persisted state to the current shape, keeping every field that still parses: a
 * message or parameter that does not is dropped or reset, never the whole workspace.
 * Steps 2 and 3 add fields with defaults, so one parse covers them, then step 3 stamps the
 * answers of older workspaces.
 */
export function migrateWorkspace(
  persisted: unknown,
  version: number,
): Workspace & { composerAttachments: Attachment[] } {
  const raw = record.safeParse(persisted);
  const state = raw.success ? raw.data : {};

  const messages = z.array(z.unknown()).safeParse(state.messages);
  const parameters = record.safeParse(state.parameters);
  const mergedParameters = parametersSchema.safeParse({ ...defaultParameters, ...(parameters.data ?? {}) });
  const variables = z.record(z.string(), z.string()).safeParse(state.variables);

  const migratedParameters = mergedParameters.success ? mergedParameters.data : defaultParameters;
  const parsedMessages = (messages.data ?? []).flatMap((m) => {
    const message = conversationMessageSchema.safeParse(m);
    return message.success ? [message.data] : [];
  });

  return {
    system: z.string().catch("").parse(state.system),
    composer: z.string().catch("").parse(state.composer),
    composerAttachments: z
      .array(attachmentSchema)
      .catch([])
      .parse(state.composerAttachments ?? []),
    messages:
      version < 3
        ? parsedMessages.map((message) => withResponseFormat(message, migratedParameters.responseFormat))
        : parsedMessages,
    parameters: migratedParameters,
    variables: variables.success ? variables.data : {},
  };
}
