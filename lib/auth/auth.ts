import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { getShareStore } from "@/lib/shares/db";
import type { SharesDatabase } from "@/lib/shares/repository";
import { mayCreateAccount, OIDC_PROVIDER_ID, oidcProvider, signUpDomains } from "./config";
import { authSchema } from "@/lib/shares/accounts-schema";

function createAuth(db: SharesDatabase, secret: string) {
  const domains = signUpDomains();
  const oidc = oidcProvider();
  return betterAuth({
    secret,
    // The public URL when the app sits behind a proxy that rewrites it; else each request's own.
    baseURL: process.env.AUTH_URL?.trim() || undefined,
    basePath: "/api/auth",
    // The origin the request was sent to, as the API guard checks it for every other route:
    // each instance, and each name a load balancer gives them, is its own origin.
    trustedOrigins: async (request) => {
      const host = request?.headers.get("x-forwarded-host") ?? request?.headers.get("host");
      if (!request || !host) return [];
      const protocol = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
      return [`${protocol}://${host}`];
    },
    database: drizzleAdapter(db, { provider: "pg", schema: authSchema }),
    emailAndPassword: { enabled: true, disableSignUp: domains.length === 0 },
    user: { additionalFields: { role: { type: "string", input: false, defaultValue: "member" } } },
    databaseHooks: {
      user: {
        create: {
          // Accounts made in the browser need an allowed domain; the command line makes any.
          before: async (account, context) => {
            if (context?.path === "/sign-up/email" && !mayCreateAccount(account.email, domains)) {
              throw new APIError("FORBIDDEN", { message: "Accounts with this email cannot be created here." });
            }
            return { data: account };
          },
        },
      },
    },
    // Sign-in attempts are counted by the API guard, in Redis when there is one.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    plugins: oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: OIDC_PROVIDER_ID,
                discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
                clientId: oidc.clientId,
                clientSecret: oidc.clientSecret,
                scopes: ["openid", "email", "profile"],
                pkce: true,
              },
            ],
          }),
        ]
      : [],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as typeof globalThis & { __mistralPlaygroundAuth?: Promise<Auth> };

/** The process-wide Better Auth instance, on the playground's database. Needs `AUTH_SECRET`. */
export function getAuth(): Promise<Auth> {
  const secret = process.env.AUTH_SECRET?.trim();
  if (!secret) throw new Error("getAuth() needs AUTH_SECRET");
  holder.__mistralPlaygroundAuth ??= getShareStore()
    .database()
    .then((db) => createAuth(db, secret))
    .catch((error: unknown) => {
      holder.__mistralPlaygroundAuth = undefined;
      throw error;
    });
  return holder.__mistralPlaygroundAuth;
}

/** Forgets the instance (tests that change the configuration). */
export function resetAuth(): void {
  holder.__mistralPlaygroundAuth = undefined;
}

export interface SignedInAccount {
  id: string;
  email: string;
  role: string;
}

/** The account whose session cookie `headers` carry, or null. */
export async function signedInAccount(headers: Headers): Promise<SignedInAccount | null> {
  const session = await (await getAuth()).api.getSession({ headers });
  if (!session) return null;
  return { id: session.user.id, email: session.user.email, role: session.user.role };
}
