import { headers } from "next/headers";
import { signedInAccount } from "@/lib/auth/auth";
import { signInRequired } from "@/lib/auth/config";
import { SignOutButton } from "./sign-out-button";

/** Who is signed in, and Sign out: only when sign-in is on and someone is. */
export async function AccountBar() {
  if (!signInRequired()) return null;
  const account = await signedInAccount(await headers());
  if (!account) return null;
  return (
    <div className="flex items-center justify-end gap-2 border-b border-border px-4 py-1 text-xs text-muted">
      <span>{account.email}</span>
      <SignOutButton />
    </div>
  );
}
