/** Sign-in is on when `AUTH_SECRET` is set; without it the playground is open, as for `npm run dev`. */
export function signInRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.AUTH_SECRET?.trim());
}

/** `SIGN_UP_DOMAINS=example.com,example.org`: who may create an account in the browser. */
export function signUpDomains(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.SIGN_UP_DOMAINS ?? "")
    .split(",")
    .map((domain) => domain.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
}

export function mayCreateAccount(email: string, domains: readonly string[]): boolean {
  const domain = email.trim().toLowerCase().split("@").at(-1);
  return domain !== undefined && domains.includes(domain);
}

/** The OpenID Connect provider from `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET`, if complete. */
export function oidcProvider(env: NodeJS.ProcessEnv = process.env) {
  const issuer = env.OIDC_ISSUER?.trim().replace(/\/+$/, "");
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return undefined;
  return { issuer, clientId, clientSecret };
}

/** `PUBLIC_SHARES=false` puts share pages behind sign-in too; by default a link is enough. */
export function sharesArePublic(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PUBLIC_SHARES?.trim().toLowerCase() !== "false";
}

export const OIDC_PROVIDER_ID = "oidc";
