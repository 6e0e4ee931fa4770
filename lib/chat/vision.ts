import { t } from "@/lib/i18n";
import { findModel, visionModels, type ChatModel } from "@/lib/mistral/catalogue";
import { requestAttachments } from "./build-request";
import type { ChatRequest } from "./request";

/**
 * Run refuses a conversation with images for a model whose card lacks `vision`, before sending,
 * and names the models of the list that can see them. A model the list does not know is left to
 * Mistral to judge.
 */
export function checkVision(
  request: ChatRequest,
  models: readonly ChatModel[],
): { ok: true } | { ok: false; error: string } {
  if (!requestAttachments(request.messages).some((a) => a.kind === "image")) return { ok: true };
  const model = findModel(models, request.parameters.model);
  if (!model || model.vision) return { ok: true };
  const able = visionModels(models).map((m) => m.id);
  const error =
    able.length > 0
      ? t("attachments.noVision", { model: model.id, models: able.join(", ") })
      : t("attachments.noVisionUnknown", { model: model.id });
  return { ok: false, error };
}
