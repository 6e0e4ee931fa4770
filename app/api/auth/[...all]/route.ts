import { getAuth } from "@/lib/auth/auth";
import { signInRequired } from "@/lib/auth/config";
import { jsonError } from "@/lib/http/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Better Auth's endpoints: sign-in, sign-up, sign-out, session, OpenID Connect callbacks. */
async function handle(request: Request): Promise<Response> {
  if (!signInRequired()) return jsonError(404, "not_found", "Sign-in is off on this server (no AUTH_SECRET).");
  return (await getAuth()).handler(request);
}

export { handle as GET, handle as POST };
