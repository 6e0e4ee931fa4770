import { z } from "zod";
import { promptSnapshotSchema, type PromptSnapshot } from "@/lib/workspace/model";
import { describeIssues } from "@/lib/http/errors";
import { parseJson } from "@/lib/json";

/** Identifies a transcript file; `version` changes only when old readers could misread it. */
export const TRANSCRIPT_FORMAT = "mistral-playground.transcript";
export const TRANSCRIPT_VERSION = 1;

/** Version 1 of the transcript file. Documented in lib/export/README.md. */
export const transcriptJsonSchema = z.object({
  format: z.literal(TRANSCRIPT_FORMAT),
  version: z.literal(TRANSCRIPT_VERSION),
  /** ISO 8601 with offset. */
  exportedAt: z.iso.datetime({ offset: true }),
  title: z.string().optional(),
  snapshot: promptSnapshotSchema,
});
export type TranscriptJson = z.infer<typeof transcriptJsonSchema>;

export type TranscriptParseResult = { ok: true; value: TranscriptJson } | { ok: false; error: { message: string } };

/** The text of a transcript file, pretty-printed so it diffs and reads well. */
export function toTranscriptJson({
  title,
  snapshot,
  exportedAt = new Date(),
}: {
  title?: string;
  snapshot: PromptSnapshot;
  exportedAt?: Date;
}): string {
  const file: TranscriptJson = {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    exportedAt: exportedAt.toISOString(),
    ...(title === undefined ? {} : { title }),
    snapshot,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a transcript file. Checks run from the outside in (JSON, then format, then version,
 * then fields) so the message names the first thing that is wrong; nothing partial is returned.
 */
export function parseTranscriptJson(text: string): TranscriptParseResult {
  const json = parseJson(text);
  if (!json.ok) return failure(`This file is not valid JSON (${json.error}). Choose a transcript exported as JSON.`);
  const data = json.value;

  const envelope = z.record(z.string(), z.unknown()).safeParse(data);
  if (!envelope.success || envelope.data.format !== TRANSCRIPT_FORMAT) {
    return failure(
      `This JSON is not a Mistral Playground transcript: "format" must be "${TRANSCRIPT_FORMAT}". Choose a file exported from the playground.`,
    );
  }
  const { version } = envelope.data;
  if (version !== TRANSCRIPT_VERSION) {
    const newer = typeof version === "number" && version > TRANSCRIPT_VERSION;
    return failure(
      newer
        ? `This transcript has version ${version}, made by a newer playground; this one reads version ${TRANSCRIPT_VERSION}. Update the playground to open it.`
        : `This transcript has an unsupported version (${JSON.stringify(version) ?? "missing"}); this playground reads version ${TRANSCRIPT_VERSION}.`,
    );
  }

  const parsed = transcriptJsonSchema.safeParse(data);
  if (!parsed.success) {
    return failure(`This transcript has invalid fields: ${describeIssues(parsed.error)}. Fix them or export it again.`);
  }
  return { ok: true, value: parsed.data };
}

function failure(message: string): TranscriptParseResult {
  return { ok: false, error: { message } };
}
