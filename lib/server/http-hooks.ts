import "server-only";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { resolveClientAddress, type TrustedProxies } from "./client-address";
import { logger } from "@/lib/log/logger";

/** The id of each request: in the response header and in every log line about it. */
export const REQUEST_ID_HEADER = "x-request-id";

const holder = globalThis as typeof globalThis & {
  __mistralPlaygroundHooks?: { draining: boolean; accounts: Map<string, string> };
};

function state() {
  holder.__mistralPlaygroundHooks ??= { draining: false, accounts: new Map() };
  return holder.__mistralPlaygroundHooks;
}

/**
 * Runs before Next.js sees a request. Next keeps a client's own `X-Forwarded-For` and drops the
 * connection's peer address, so this is the one place that knows both: it rewrites the header to
 * the single client address that `TRUSTED_PROXIES` allows to be believed, gives the request an
 * id, and logs one line when the response ends.
 */
export function installHttpHooks(trusted: TrustedProxies): void {
  const prototype = http.Server.prototype as http.Server & { __playgroundHooked?: boolean };
  if (prototype.__playgroundHooked) return;
  prototype.__playgroundHooked = true;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") prepare(args[0] as http.IncomingMessage, args[1] as http.ServerResponse, trusted);
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

function prepare(request: http.IncomingMessage, response: http.ServerResponse, trusted: TrustedProxies): void {
  const forwarded = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = resolveClientAddress(
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    request.socket.remoteAddress,
    trusted,
  );
  const requestId = randomUUID();
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);

  const route = (request.url ?? "/").split("?")[0] ?? "/";
  // Build assets are not worth a line each.
  if (route.startsWith("/_next/")) return;
  const started = performance.now();
  response.once("close", () => {
    const accountId = state().accounts.get(requestId);
    state().accounts.delete(requestId);
    logger.info(
      {
        requestId,
        method: request.method,
        route,
        status: response.statusCode,
        durationMs: Math.round(performance.now() - started),
        ...(accountId ? { accountId } : {}),
        ...(response.writableFinished ? {} : { aborted: true }),
      },
      "request",
    );
  });
}

/** Ties the signed-in account to a request's log line (called by the proxy). */
export function noteAccount(requestId: string | null, accountId: string): void {
  if (requestId) state().accounts.set(requestId, accountId);
}

/** After SIGTERM: new runs are refused while the running ones finish. */
export function isDraining(): boolean {
  return state().draining;
}

/**
 * On SIGTERM Next.js stops accepting connections and waits for open responses to end; this
 * refuses new runs on connections still open and bounds the wait, so a stuck stream cannot keep
 * the instance alive.
 */
export function drainOnSigterm(timeoutMs: number): void {
  process.once("SIGTERM", () => {
    state().draining = true;
    logger.info({ timeoutMs }, "SIGTERM: finishing running requests, refusing new runs");
    setTimeout(() => {
      logger.warn({ timeoutMs }, "requests still running at the shutdown deadline; exiting");
      process.exit(143);
    }, timeoutMs).unref();
  });
}
