import { z } from "zod";
import { errorBodySchema, errorCodes, type ErrorCode } from "@/lib/http/errors";
import { format, messages as t } from "@/lib/i18n";
import { parseJson } from "@/lib/json";

/** What the stream's error part carries (see `streamChat`). */
const streamFailureSchema = z.object({
  code: z.enum(errorCodes),
  detail: z.string(),
  retries: z.number().int().nonnegative().optional(),
  retryAfterMs: z.number().nonnegative().optional(),
});

export type FailureView = {
  code: ErrorCode | "network";
  message: string;
  /** How long the server asked to wait before trying again (Mistral's `Retry-After`). */
  retryAfterMs?: number;
};

/**
 * The sentence to show for a failed run. The error reaches the browser either as an HTTP
 * error body from /api/chat (`{error: {code, message}}`) or as the stream's error part.
 */
export function describeFailure(error: Error): FailureView {
  const parsed = parseJson(error.message);
  const json = parsed.ok ? parsed.value : undefined;
  const body = errorBodySchema.safeParse(json);
  if (body.success) return { code: body.data.error.code, message: body.data.error.message };

  const failure = streamFailureSchema.safeParse(json);
  if (!failure.success) return { code: "network", message: t.errors.network };
  const { code, detail, retries = 0, retryAfterMs } = failure.data;
  const message = format(t.errors[code], { detail, retries });
  return retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs };
}
