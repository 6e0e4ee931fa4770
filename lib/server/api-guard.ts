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

/** What the guard decided: the answer to send now, or the request's headers and the response's extra headers. */
export type Admission =
  { ok: false; response: Response } | { ok: true; headers: Headers; responseHeaders: Record<string, string> };

/**
 * The door of every `/api/*` request: cross-site and non-JSON writes are refused, a session is
 * required when sign-in is on, and runs of `/api/chat` and sign-in attempts are counted per
 * account or client address. The proxy runs it for Next.js's routes, the chat lane for its own.
 */
export async function admitApiRequest(method: string, pathname: string, requestHeaders: Headers): Promise<Admission> {
  if (STATE_CHANGING.has(method)) {
    const refused = refuseCrossSiteOrNonJson(method, pathname, requestHeaders);
    if (refused) return { ok: false, response: refused };
  }

  const headers = new Headers(requestHeaders);
  // Only the guard says who is signed in.
  headers.delete(ACCOUNT_HEADER);
  let gate: Gate;
  try {
    gate = await passGate(pathname, requestHeaders);
  } catch (error) {
    logger.error({ err: error, route: pathname }, "checking the session failed");
    return refuse(503, "unavailable", errorWords("errors.unavailable"));
  }
  if (!gate.open) return refuse(401, "unauthenticated", errorWords("errors.unauthenticated"));
  if (gate.account) {
    headers.set(ACCOUNT_HEADER, gate.account.id);
    noteAccount(requestHeaders.get(REQUEST_ID_HEADER), gate.account.id);
  }

  if (pathname === "/api/auth/sign-in/email" && method === "POST") {
    const decision = await limitSignInAttempts(limitSubject(headers));
    if (!decision.ok) {
      return refuse(
        429,
        "rate_limited",
        errorWords("limits.signIn", { seconds: decision.retryAfterSeconds }),
        rateLimitHeaders(decision),
      );
    }
  }
  if (pathname === "/api/chat" && method === "POST") {
    if (isDraining()) return refuse(503, "unavailable", errorWords("limits.draining"), { "retry-after": "5" });
    try {
      const decision = await limitChatRuns(limitSubject(headers));
      const limitHeaders = rateLimitHeaders(decision);
      if (!decision.ok) {
        return refuse(
          429,
          "rate_limited",
          errorWords("limits.chatRate", { seconds: decision.retryAfterSeconds }),
          limitHeaders,
        );
      }
      return { ok: true, headers, responseHeaders: limitHeaders };
    } catch (error) {
      logger.error({ err: error, route: pathname }, "rate-limit store unavailable");
      return refuse(503, "unavailable", errorWords("errors.unavailable"));
    }
  }
  return { ok: true, headers, responseHeaders: {} };
}

/** `admitApiRequest` in the proxy: its refusal, or on to the route with the guard's headers. */
export async function guardApiRequest(request: NextRequest): Promise<Response> {
  const admission = await admitApiRequest(request.method, request.nextUrl.pathname, request.headers);
  if (!admission.ok) return admission.response;
  const response = NextResponse.next({ request: { headers: admission.headers } });
  for (const [name, value] of Object.entries(admission.responseHeaders)) response.headers.set(name, value);
  return response;
}

/**
 * A browser always sends `Origin` on a cross-site POST, and a cross-site page can only send
 * `text/plain`, form or multipart bodies without a preflight (which we never grant): so a
 * matching origin and a JSON body together shut out cross-site request forgery. Clients that
 * are not browsers send no `Origin` and are let through.
 */
function refuseCrossSiteOrNonJson(method: string, pathname: string, headers: Headers): Response | undefined {
  // Sign-in forms and OpenID Connect callbacks are the auth library's own, which checks origins itself.
  if (pathname.startsWith("/api/auth/")) return undefined;
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (origin !== null && hostOf(origin) !== host?.toLowerCase()) {
    return problem(403, "forbidden", errorWords("limits.crossSite"));
  }
  if (headers.get("sec-fetch-site") === "cross-site") return problem(403, "forbidden", errorWords("limits.crossSite"));
  const declared = headers.get("content-length");
  const hasBody = method !== "DELETE" || (declared !== null && declared !== "0");
  const mediaType = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
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

function refuse(...args: Parameters<typeof problem>): Admission {
  return { ok: false, response: problem(...args) };
}
