import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { jsonError, type ErrorCode, type ErrorMessage } from "@/lib/http/errors";
import { errorWords } from "@/lib/i18n";
import { limitChatRuns, limitSignInAttempts, rateLimitHeaders } from "@/lib/limits/rate-limit";
import { limitSubject } from "@/lib/limits/subject";
import { ACCOUNT_HEADER } from "@/lib/auth/account-header";
import { passGate, type Gate } from "@/lib/auth/gate";
import { isDraining, noteAccount, REQUEST_ID_HEADER } from "./http-hooks";
import { logger } from "@/lib/log/logger";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The door of every `/api/*` request, in the proxy: cross-site and non-JSON writes are refused,
 * a session is required when sign-in is on, and runs of `/api/chat` and sign-in attempts are
 * counted per account or client address.
 */
export async function guardApiRequest(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  if (STATE_CHANGING.has(request.method)) {
    const refused = refuseCrossSiteOrNonJson(request);
    if (refused) return refused;
  }

  const headers = new Headers(request.headers);
  // Only the proxy says who is signed in.
  headers.delete(ACCOUNT_HEADER);
  let gate: Gate;
  try {
    gate = await passGate(request);
  } catch (error) {
    logger.error({ err: error, route: pathname }, "checking the session failed");
    return problem(503, "unavailable", errorWords("errors.unavailable"));
  }
  if (!gate.open) return problem(401, "unauthenticated", errorWords("errors.unauthenticated"));
  if (gate.account) {
    headers.set(ACCOUNT_HEADER, gate.account.id);
    noteAccount(request.headers.get(REQUEST_ID_HEADER), gate.account.id);
  }

  let limitHeaders: Record<string, string> = {};
  if (pathname === "/api/auth/sign-in/email" && request.method === "POST") {
    const decision = await limitSignInAttempts(limitSubject(headers));
    if (!decision.ok) {
      return problem(
        429,
        "rate_limited",
        errorWords("limits.signIn", { seconds: decision.retryAfterSeconds }),
        rateLimitHeaders(decision),
      );
    }
  }
  if (pathname === "/api/chat" && request.method === "POST") {
    if (isDraining()) return problem(503, "unavailable", errorWords("limits.draining"), { "retry-after": "5" });
    try {
      const decision = await limitChatRuns(limitSubject(headers));
      limitHeaders = rateLimitHeaders(decision);
      if (!decision.ok) {
        return problem(
          429,
          "rate_limited",
          errorWords("limits.chatRate", { seconds: decision.retryAfterSeconds }),
          limitHeaders,
        );
      }
    } catch (error) {
      logger.error({ err: error, route: pathname }, "rate-limit store unavailable");
      return problem(503, "unavailable", errorWords("errors.unavailable"));
    }
  }

  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
  return response;
}

/**
 * A browser always sends `Origin` on a cross-site POST, and a cross-site page can only send
 * `text/plain`, form or multipart bodies without a preflight (which we never grant): so a
 * matching origin and a JSON body together shut out cross-site request forgery. Clients that
 * are not browsers send no `Origin` and are let through.
 */
function refuseCrossSiteOrNonJson(request: NextRequest): Response | undefined {
  // Sign-in forms and OpenID Connect callbacks are the auth library's own, which checks origins itself.
  if (request.nextUrl.pathname.startsWith("/api/auth/")) return undefined;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin !== null && hostOf(origin) !== host?.toLowerCase()) {
    return problem(403, "forbidden", errorWords("limits.crossSite"));
  }
  if (request.headers.get("sec-fetch-site") === "cross-site")
    return problem(403, "forbidden", errorWords("limits.crossSite"));
  const declared = request.headers.get("content-length");
  const hasBody = request.method !== "DELETE" || (declared !== null && declared !== "0");
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (hasBody && mediaType !== "application/json") return problem(415, "invalid_request", errorWords("limits.notJson"));
  return undefined;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

function problem(
  status: number,
  code: ErrorCode,
  message: ErrorMessage,
  headers: Record<string, string> = {},
): Response {
  return jsonError(status, code, message, { headers });
}
