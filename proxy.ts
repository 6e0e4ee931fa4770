import { NextResponse, type NextRequest } from "next/server";
import { passGate, redirectToSignIn } from "@/lib/auth/gate";
import { guardApiRequest } from "@/lib/server/api-guard";

/**
 * A Content-Security-Policy with a fresh nonce for every page: only scripts that carry the nonce
 * (Next.js adds it to its own) and what they load may run, so text from a share can never
 * execute even if it slipped into the markup. Next reads the nonce from the request's CSP header.
 * Route handlers under /api get a fixed policy from next.config.mjs instead, and pass through
 * the API guard (origin, JSON bodies, rate limits).
 */
export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/")) return guardApiRequest(request);
  const gate = await passGate(request.nextUrl.pathname, request.headers);
  if (!gate.open) return redirectToSignIn(request);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // React uses eval in development only, to rebuild server error stacks in the browser.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline styles cannot run script. Next's built-in error pages write <style> without a nonce,
    // and React sets style="" for the column alignment of Markdown tables.
    "style-src 'self' 'unsafe-inline'",
    // Images in shared Markdown stay on this origin: a transcript cannot make its readers call out.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const config = {
  // Everything but build assets and the icon, which every page links, signed in or not. Prefetches
  // included: their headers are the client's to send, so skipping them would skip the gate.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
