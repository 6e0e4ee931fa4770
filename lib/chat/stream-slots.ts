import { z } from "zod";
import type { EventStream } from "./event-stream";
import { jsonError } from "@/lib/http/errors";
import { errorWords } from "@/lib/i18n";

export const DEFAULT_MAX_CONCURRENT_STREAMS = 1024;
/** Answers last seconds; by then some slots are free again. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 5;

export interface StreamSlots {
  /** Streams open now. */
  readonly active: number;
  /**
   * Starts a stream if a slot is free and holds the slot until the stream ends or its reader
   * leaves (the client stopped or went away); otherwise answers 503 with `Retry-After`.
   */
  run(start: () => EventStream): EventStream | Response;
}

/**
 * A bound on the upstream streams one process relays at once. Past it, a clear 503 now is better
 * than every stream slowing down together until all of them time out.
 */
export function createStreamSlots(limit: number): StreamSlots {
  let active = 0;
  return {
    get active() {
      return active;
    },
    run(start) {
      if (active >= limit) {
        return jsonError(503, "overloaded", errorWords("errors.overloaded"), {
          headers: { "retry-after": String(OVERLOADED_RETRY_AFTER_SECONDS) },
        });
      }
      active += 1;
      let held = true;
      const release = () => {
        if (held) active -= 1;
        held = false;
      };
      try {
        const stream = start();
        stream.onSettled(release);
        return stream;
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

const limitSchema = z.coerce.number().int().positive();
let slots: StreamSlots | undefined;

/** The process's slots: `MAX_CONCURRENT_STREAMS` (default 1024). */
export function getStreamSlots(): StreamSlots {
  if (!slots) {
    const configured = process.env.MAX_CONCURRENT_STREAMS ?? String(DEFAULT_MAX_CONCURRENT_STREAMS);
    const parsed = limitSchema.safeParse(configured);
    if (!parsed.success) {
      console.warn(
        `MAX_CONCURRENT_STREAMS=${JSON.stringify(configured)} is not a positive integer; using ${DEFAULT_MAX_CONCURRENT_STREAMS}.`,
      );
    }
    slots = createStreamSlots(parsed.success ? parsed.data : DEFAULT_MAX_CONCURRENT_STREAMS);
  }
  return slots;
}
