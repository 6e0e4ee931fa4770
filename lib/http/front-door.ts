import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { ErrorBody } from "./errors";

/**
 * Requests refused before Next.js sees them. Next answers a `TRACE`, and a path whose
 * percent-encoding does not decode in a dynamic segment, with a bare 500; methods a route does
 * not export with an empty 405 or 400, without `Allow`; and pages with the page, whatever the
 * method. Here each of those gets its proper status and a JSON error, or for a share page the
 * share's "not found" page.
 */
export type FrontDoorDecision =
  | { kind: "pass" }
  /** Serve this path instead (the request keeps its method and headers). */
  | { kind: "rewrite"; path: string }
  | { kind: "refuse"; status: 400 | 405; message: string; allow?: string };

/** The methods each route answers (HEAD with GET). Paths not listed are left to Next.js. */
const ROUTE_METHODS: readonly { path: RegExp; methods: readonly string[] }[] = [
  { path: /^\/api\/chat$/, methods: ["POST"] },
  { path: /^\/api\/models$/, methods: ["GET", "HEAD"] },
  { path: /^\/api\/shares$/, methods: ["POST"] },
  { path: /^\/api\/shares\/lookup$/, methods: ["POST"] },
  { path: /^\/api\/shares\/[^/]+$/, methods: ["GET", "HEAD", "PATCH", "DELETE"] },
  { path: /^\/s\/[^/]+\/transcript\.(?:md|json)$/, methods: ["GET", "HEAD"] },
  { path: /^\/s\/[^/]+$/, methods: ["GET", "HEAD"] },
  { path: /^\/(?:translate)?$/, methods: ["GET", "HEAD"] },
];

/** Methods Next.js routes can export; anything else is refused on every path. */
const ROUTABLE_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** An id that no share has: the share page answers it with its "not found" page. */
export const NO_SUCH_SHARE_PATH = "/s/-";

export function checkRequest(method: string, target: string, headers: IncomingMessage["headers"]): FrontDoorDecision {
  const path = target.split(/[?#]/, 1)[0] ?? "";
  const route = ROUTE_METHODS.find((candidate) => candidate.path.test(path));

  if (!isDecodable(path)) {
    if (path.startsWith("/api/")) {
      return { kind: "refuse", status: 400, message: "The address has malformed percent-encoding. Check the link." };
    }
    if (path.startsWith("/s/")) return { kind: "rewrite", path: NO_SUCH_SHARE_PATH };
  }

  const allowed = route?.methods ?? ["GET", "HEAD"];
  const allow = [...allowed, "OPTIONS"].join(", ");
  const refuse = (): FrontDoorDecision => ({
    kind: "refuse",
    status: 405,
    message: `This address answers ${allowed.join(", ")} only.`,
    allow,
  });
  if (!ROUTABLE_METHODS.has(method)) return refuse();
  if (!route || method === "OPTIONS" || allowed.includes(method)) return { kind: "pass" };
  // A page's server actions come as POST with this header.
  if (!path.startsWith("/api/") && method === "POST" && headers["next-action"] !== undefined) return { kind: "pass" };
  return refuse();
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch (error) {
    if (error instanceof URIError) return false;
    throw error;
  }
}

function refuse(response: ServerResponse, head: boolean, decision: Extract<FrontDoorDecision, { kind: "refuse" }>) {
  const body: ErrorBody = { error: { code: "invalid_request", message: decision.message } };
  const text = JSON.stringify(body);
  response.writeHead(decision.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    ...(decision.allow ? { allow: decision.allow } : {}),
  });
  response.end(head ? undefined : text);
}

/** A request served here instead of by Next.js: exactly this method and path (any query). */
export interface Lane {
  method: string;
  path: string;
  serve(request: IncomingMessage, response: ServerResponse): void;
}

const installed = Symbol.for("mistral-playground.front-door");

/**
 * Puts `checkRequest` in front of every HTTP server of this process, which under `next start`
 * is the one Next.js listens with: there is no hook before Next.js turns a request into a
 * `Request`, which is where a `TRACE` fails. Requests that pass and match one of `lanes` are
 * served by it and never reach Next.js.
 */
export function installFrontDoor(lanes: readonly Lane[] = []): void {
  const prototype = http.Server.prototype as http.Server & { [installed]?: true };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const decision = checkRequest(request.method ?? "", request.url ?? "/", request.headers);
      if (decision.kind === "refuse") {
        refuse(response, request.method === "HEAD", decision);
        request.resume();
        return true;
      }
      if (decision.kind === "rewrite") request.url = decision.path;
      else {
        const path = (request.url ?? "/").split(/[?#]/, 1)[0];
        const lane = lanes.find((candidate) => candidate.method === request.method && candidate.path === path);
        if (lane) {
          lane.serve(request, response);
          return true;
        }
      }
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}
