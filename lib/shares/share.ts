import { z } from "zod";
import { renderPrompt } from "@/lib/chat/template";
import { promptSnapshotSchema, type PromptSnapshot } from "@/lib/workspace/model";
import { comparisonSchema } from "@/lib/compare/share";

export const SHARE_TITLE_MAX_LENGTH = 200;
const DEFAULT_TITLE_LENGTH = 80;
export const UNTITLED_SHARE = "Untitled conversation";

/** `crypto.randomBytes(16).toString("base64url")`: 22 URL-safe characters. */
export const shareIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/**
 * The first non-empty line of the first user message that has one, as sent (variables filled
 * in), cut to ~80 characters.
 */
export function defaultShareTitle(snapshot: PromptSnapshot): string {
  const rendered = renderPrompt(snapshot, snapshot.variables, { allowMissing: true });
  for (const message of rendered.ok ? rendered.value.messages : snapshot.messages) {
    if (message.role !== "user") continue;
    const line = message.content
      .split(/\r?\n/)
      .map((candidate) => candidate.trim())
      .find((candidate) => candidate.length > 0);
    if (line) return truncate(line, DEFAULT_TITLE_LENGTH);
  }
  return UNTITLED_SHARE;
}

function truncate(text: string, maxLength: number): string {
  // Count code points so an emoji or other astral character is never cut in half.
  const chars = Array.from(text);
  return chars.length <= maxLength
    ? text
    : `${chars
        .slice(0, maxLength - 1)
        .join("")
        .trimEnd()}…`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * PostgreSQL's jsonb rejects U+0000 and unpaired surrogates (both can arrive through JSON `\u`
 * escapes). Finding them here turns what would be a 500 into a 400 that names the field.
 */
function findUnstorableText(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; reason: string } | null {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return { path, reason: "contains a NUL character (U+0000)" };
    if (LONE_SURROGATE.test(value)) return { path, reason: "contains an unpaired UTF-16 surrogate" };
    return null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorableText(key, [...path, key]) ?? findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** A prompt snapshot, and for a share of the Compare page, the comparison. */
export const shareSnapshotSchema = promptSnapshotSchema.extend({ comparison: comparisonSchema.optional() });
export type ShareSnapshot = z.infer<typeof shareSnapshotSchema>;

const storableSnapshotSchema = shareSnapshotSchema.superRefine((snapshot, ctx) => {
  const found = findUnstorableText(snapshot);
  if (found) {
    ctx.addIssue({
      code: "custom",
      path: found.path,
      message: `${found.reason}, which cannot be stored; remove it and share again`,
    });
  }
});

const titleSchema = z
  .string()
  .trim()
  .max(SHARE_TITLE_MAX_LENGTH, `must be at most ${SHARE_TITLE_MAX_LENGTH} characters`);

/** The body of `POST /api/shares`. Without a title, the first user line is used. */
export const shareCreateSchema = z
  .object({
    title: titleSchema.min(1, "must not be empty; leave it out to use the first user line").optional(),
    snapshot: storableSnapshotSchema,
  })
  .transform(({ title, snapshot }) => ({ title: title ?? defaultShareTitle(snapshot), snapshot }));
export type ShareCreate = z.output<typeof shareCreateSchema>;

/** The body of `PATCH /api/shares/{id}`: a new title, the only thing about a share that can change. */
export const shareRenameSchema = z.object({ title: titleSchema.min(1, "must not be empty") });

/** A share as `GET /api/shares/{id}` returns it. */
export const shareSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** ISO 8601. */
  createdAt: z.string(),
  snapshot: shareSnapshotSchema,
});
export type Share = z.infer<typeof shareSchema>;

/** What "My shares" shows for a share that still exists. */
export type ShareSummary = Pick<Share, "id" | "title" | "createdAt">;
