import { z } from "zod";
import { conversationMessageSchema, defaultParameters, parametersSchema, type Workspace } from "@/lib/workspace/model";

export const WORKSPACE_VERSION = 1;

const record = z.record(z.string(), z.unknown());

/**
 * Brings persisted state to the current shape, keeping every field that still parses: a
 * message or parameter that does not is dropped or reset, never the whole workspace.
 * Version 1 is the first; later versions add their steps here, keyed by `version`.
 */
export function migrateWorkspace(persisted: unknown, _version: number): Workspace {
  const raw = record.safeParse(persisted);
  const state = raw.success ? raw.data : {};

  const messages = z.array(z.unknown()).safeParse(state.messages);
  const parameters = record.safeParse(state.parameters);
  const mergedParameters = parametersSchema.safeParse({ ...defaultParameters, ...(parameters.data ?? {}) });
  const variables = z.record(z.string(), z.string()).safeParse(state.variables);

  return {
    system: z.string().catch("").parse(state.system),
    composer: z.string().catch("").parse(state.composer),
    messages: (messages.data ?? []).flatMap((m) => {
      const message = conversationMessageSchema.safeParse(m);
      return message.success ? [message.data] : [];
    }),
    parameters: mergedParameters.success ? mergedParameters.data : defaultParameters,
    variables: variables.success ? variables.data : {},
  };
}
