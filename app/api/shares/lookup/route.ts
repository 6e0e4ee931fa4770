import { z } from "zod";
import { accountIdOf } from "@/lib/auth/account-header";
import { jsonError } from "@/lib/http/errors";
import { readRequest } from "@/lib/http/request";
import { getShareStore } from "@/lib/shares/db";
import { logShareFailure } from "@/lib/shares/log";

export const runtime = "nodejs";

/** One query per call: "My shares" asks in pages of this many. */
const MAX_IDS = 100;
const lookupSchema = z.object({
  ids: z.array(z.string().max(64)).max(MAX_IDS, `must list at most ${MAX_IDS} ids; ask in several requests`),
});

/**
 * Which of these shares still exist, with their titles, newest first: what "My shares" shows;
 * and, for a signed-in account, every share it made (`owned`, absent without one), from whichever browser.
 * A POST because the list can be long; it reads only, and an id is already what grants reading.
 */
export async function POST(request: Request): Promise<Response> {
  const input = await readRequest(request, lookupSchema, 8192);
  if (!input.ok) return input.response;
  try {
    const shares = await getShareStore().listShares(input.value.ids);
    const ownerId = accountIdOf(request);
    // Without an account there is no `owned` list at all, so the page can tell the two apart.
    const owned = ownerId ? { owned: await getShareStore().listOwnedShares(ownerId) } : {};
    return Response.json({ shares, ...owned }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    logShareFailure("looking up", null, error);
    return jsonError(500, "internal", "Your shares could not be listed. Try again in a moment.");
  }
}
