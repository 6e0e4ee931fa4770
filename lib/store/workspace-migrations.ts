import { z } from "zod";
import {
  attachmentSchema,
  conversationMessageSchema,
  defaultParameters,
  parametersSchema,
  type Attachment,
  type Workspace,
} from "@/lib/workspace/model";

/**
 * 1: the first. 2: images and documents on user messages and in the composer
 * (`composerAttachments`), the thinking of reasoning answers, penalties, prediction and reasoning
 * effort; a version 1 workspace gains an empty composer attachment list and default parameters.
 */
export const WORKSPACE_VERSION = 2;

const record = z.record(z.string(), z.unknown());

/**
 * Brings persisted state to the current shape, keeping every field that still parses: a
 * message or parameter that does not is dropped or reset, never the whole workspace.
 * Every step so far only adds fields with defaults, so one parse covers all versions.
 */
export function migrateWorkspace(
  persisted: unknown,
  _version: number,
): Workspace & { composerAttachments: Attachment[] } {
  const raw = record.safeParse(persisted);
  const state = raw.success ? raw.data : {};

  const messages = z.array(z.unknown()).safeParse(state.messages);
  const parameters = record.safeParse(state.parameters);
  const mergedParameters = parametersSchema.safeParse({ ...defaultParameters, ...(parameters.data ?? {}) });
  const variables = z.record(z.string(), z.string()).safeParse(state.variables);

  return {
    system: z.string().catch("").parse(state.system),
    composer: z.string().catch("").parse(state.composer),
    composerAttachments: z
      .array(attachmentSchema)
      .catch([])
      .parse(state.composerAttachments ?? []),
    messages: (messages.data ?? []).flatMap((m) => {
      const message = conversationMessageSchema.safeParse(m);
      return message.success ? [message.data] : [];
    }),
    parameters: mergedParameters.success ? mergedParameters.data : defaultParameters,
    variables: variables.success ? variables.data : {},
  };
}
