import { z } from "zod";
import { t } from "@/lib/i18n";
import { conversationMessageSchema, parametersSchema, type PromptSnapshot } from "./request";

/** One prompt under comparison: its own model, parameters, system message and earlier turns. */
export const variantSchema = z.object({
  id: z.string(),
  name: z.string(),
  system: z.string(),
  messages: z.array(conversationMessageSchema),
  parameters: parametersSchema,
});
export type Variant = z.infer<typeof variantSchema>;

export const MAX_VARIANTS = 8;

/** "Variant N" with the first N no other variant is called. */
export function nextVariantName(variants: readonly Pick<Variant, "name">[]): string {
  const taken = new Set(variants.map((v) => v.name));
  for (let n = variants.length + 1; ; n++) {
    const name = t("compare.variantName", { n });
    if (!taken.has(name)) return name;
  }
}

/**
 * Variant 1 from the playground: its system message, parameters and conversation. The last user
 * turn (or the composer's text) becomes the shared user message; the turns before it stay with
 * the variant, and answers after it are earlier runs, not prompt.
 */
export function variantFromWorkspace(
  workspace: PromptSnapshot & { composer: string },
  id: string,
): { variant: Variant; userMessage: string } {
  const lastUser = workspace.messages.findLastIndex((m) => m.role === "user");
  const fromComposer = workspace.composer.trim() !== "";
  const messages = fromComposer ? workspace.messages : workspace.messages.slice(0, Math.max(0, lastUser));
  const last = workspace.messages[lastUser];
  const userMessage = fromComposer ? workspace.composer : last?.role === "user" ? last.content : "";
  return {
    variant: {
      id,
      name: t("compare.variantName", { n: 1 }),
      system: workspace.system,
      messages: [...messages],
      parameters: workspace.parameters,
    },
    userMessage,
  };
}
