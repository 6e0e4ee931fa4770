import { z } from "zod";
import { samplingParameterFields } from "@/lib/chat/request";
import { renderTemplatePrefix } from "@/lib/chat/template";
import { parametersSchema, promptSnapshotSchema, type PromptSnapshot } from "@/lib/workspace/model";
import { checkShareImages } from "./images";
import { comparisonSchema } from "@/lib/compare/share";

export const SHARE_TITLE_MAX_LENGTH = 200;
const DEFAULT_TITLE_LENGTH = 80;
export const UNTITLED_SHARE = "Untitled conversation";

/** `crypto.randomBytes(16).toString("base64url")`: 22 URL-safe characters. */
export const shareIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** How much of each user message is filled in to find a title: a title is one short line. */
const TITLE_SOURCE_LENGTH = 4096;

/**
 * The first non-empty line of the first user message that has one, as sent (variables filled
 * in), cut to ~80 characters. Only the start of each message is filled in: a template can
 * repeat a long value until the whole text would not fit in memory.
 */
export function defaultShareTitle(snapshot: PromptSnapshot): string {
  for (const message of snapshot.messages) {
    if (message.role !== "user") continue;
    const rendered = renderTemplatePrefix(message.content, snapshot.variables, TITLE_SOURCE_LENGTH);
    const text = rendered.ok ? rendered.value : message.content.slice(0, TITLE_SOURCE_LENGTH);
    const line = text
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
 * PostgreSQL's jsonb rejects U+0000 and unpaired surrogates, its text columns reject U+0000 and
 * would store an unpaired surrogate as U+FFFD (both can arrive through JSON `\u` escapes). Titles
 * and snapshots refuse both alike, with a 400 that names the field, rather than a 500 or a
 * silently changed text.
 */
function unstorableReason(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character (U+0000)";
  if (LONE_SURROGATE.test(text)) return "contains an unpaired UTF-16 surrogate";
  return null;
}

function findUnstorableText(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; reason: string } | null {
  if (typeof value === "string") {
    const reason = unstorableReason(value);
    return reason ? { path, reason } : null;
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

/**
 * A snapshot as a run could have made it: its sampling parameters within the ranges `/api/chat`
 * accepts (stored snapshots are read with the looser workspace schema, so older shares still open).
 */
const runnableSnapshotSchema = shareSnapshotSchema.extend({
  parameters: parametersSchema.extend(samplingParameterFields),
});

const storableSnapshotSchema = runnableSnapshotSchema.superRefine((snapshot, ctx) => {
  const images = checkShareImages(snapshot);
  if (images) ctx.addIssue({ code: "custom", path: ["messages"], message: images });
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
  .max(SHARE_TITLE_MAX_LENGTH, `must be at most ${SHARE_TITLE_MAX_LENGTH} characters`)
  .superRefine((title, ctx) => {
    const reason = unstorableReason(title);
    if (reason) ctx.addIssue({ code: "custom", message: `${reason}, which cannot be stored; remove it` });
  });

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
