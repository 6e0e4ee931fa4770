"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { OIDC_PROVIDER_ID } from "@/lib/auth/config";
import { useTranslations } from "next-intl";
import type { Translator } from "@/lib/i18n";

type Mode = "sign-in" | "sign-up";

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Email and password, or the organisation's OpenID Connect provider when one is configured. */
export function SignInForm({
  next,
  canSignUp,
  withOidc,
  providerFailed,
}: {
  next: string;
  canSignUp: boolean;
  withOidc: boolean;
  providerFailed: boolean;
}) {
  const t = useTranslations();
  const [error, setError] = useState<string | null>(providerFailed ? t("auth.providerFailed") : null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const mode = ((event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") ?? "sign-in") as Mode;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      const response =
        mode === "sign-up"
          ? await post("/api/auth/sign-up/email", { email, password, name: email.split("@")[0] ?? email })
          : await post("/api/auth/sign-in/email", { email, password });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      setError(describe(t, response.status, mode));
    } catch {
      setError(t("errors.network"));
    } finally {
      setBusy(false);
    }
  }

  async function signInWithProvider() {
    setBusy(true);
    setError(null);
    try {
      const response = await post("/api/auth/sign-in/social", {
        provider: OIDC_PROVIDER_ID,
        callbackURL: next,
        errorCallbackURL: "/sign-in?error=provider",
      });
      const body = (await response.json()) as { url?: unknown };
      if (response.ok && typeof body.url === "string") {
        window.location.assign(body.url);
        return;
      }
      setError(t("auth.providerFailed"));
    } catch {
      setError(t("errors.network"));
    }
    setBusy(false);
  }

  return (
    <div className="space-y-4">
      <form className="space-y-3" onSubmit={submit}>
        <Field id="sign-in-email" label={t("auth.email")}>
          <Input id="sign-in-email" name="email" type="email" autoComplete="username" required />
        </Field>
        <Field id="sign-in-password" label={t("auth.password")}>
          <Input id="sign-in-password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        {error ? (
          <p role="alert" className="rounded-md border border-danger px-3 py-2 text-sm text-danger">
            {error}
          </p>
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" variant="primary" value="sign-in" disabled={busy}>
            {t("auth.signIn")}
          </Button>
          {canSignUp ? (
            <Button type="submit" value="sign-up" disabled={busy}>
              {t("auth.signUp")}
            </Button>
          ) : null}
        </div>
      </form>
      {withOidc ? (
        <Button className="w-full" onClick={signInWithProvider} disabled={busy}>
          {t("auth.withProvider")}
        </Button>
      ) : null}
    </div>
  );
}

/** One sentence for a wrong email or a wrong password alike: it must not say which was wrong. */
function describe(t: Translator, status: number, mode: Mode): string {
  if (status === 429) return t("auth.slowDown");
  if (mode === "sign-up") return status === 403 || status === 400 ? t("auth.signUpRefused") : t("errors.internal");
  return status === 401 || status === 400 || status === 403 ? t("auth.wrongCredentials") : t("errors.internal");
}
