"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations();
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    try {
      await fetch("/api/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
    } finally {
      // Signed out or not, the sign-in page is where to go: it says which. A full load, so no
      // state of the signed-in page stays in memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/sign-in");
    }
  }
  return (
    <Button size="sm" variant="ghost" onClick={signOut} disabled={busy}>
      {t("auth.signOut")}
    </Button>
  );
}
