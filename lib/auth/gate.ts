import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { signedInAccount, type SignedInAccount } from "./auth";
import { sharesArePublic, signInRequired } from "./config";

export const SIGN_IN_PATH = "/sign-in";

/** API routes open to everyone even with sign-in on. */
function isPublicApi(pathname: string): boolean {
  return pathname === "/api/health" || pathname.startsWith("/api/auth/");
}

function isPublicPage(pathname: string): boolean {
  return pathname === SIGN_IN_PATH || (pathname.startsWith("/s/") && sharesArePublic());
}

export type Gate = { open: true; account: SignedInAccount | null } | { open: false };

/** Whether a request may go on: always when sign-in is off, else for public paths or a valid session. */
export async function passGate(pathname: string, headers: Headers): Promise<Gate> {
  if (!signInRequired()) return { open: true, account: null };
  const isPublic = pathname.startsWith("/api/") ? isPublicApi(pathname) : isPublicPage(pathname);
  // Public paths still learn who is signed in, so their requests count against the account.
  const account = await signedInAccount(headers);
  return account || isPublic ? { open: true, account } : { open: false };
}

/** Where a signed-out visitor of a page goes: the sign-in page, then back. */
export function redirectToSignIn(request: NextRequest): NextResponse {
  const url = new URL(SIGN_IN_PATH, request.url);
  const back = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (back !== "/") url.searchParams.set("next", back);
  return NextResponse.redirect(url);
}
