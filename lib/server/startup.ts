import "server-only";
import { parseTrustedProxies } from "./client-address";
import { drainOnSigterm, installHttpHooks } from "./http-hooks";
import { logger } from "@/lib/log/logger";

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

/** The address `next start -H …` (or the standalone server's `HOSTNAME`) listens on; undefined is every interface. */
export function listenHostname(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? "";
    if (arg === "-H" || arg === "--hostname") return argv[index + 1];
    if (arg.startsWith("--hostname=")) return arg.slice("--hostname=".length);
  }
  return env.HOSTNAME?.trim() || undefined;
}

export function isLoopback(hostname: string | undefined): boolean {
  if (!hostname) return false;
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Whether to warn that anyone who reaches the server can spend its key. */
export function spendsKeyOpenly(env: NodeJS.ProcessEnv, hostname: string | undefined): boolean {
  return Boolean(env.MISTRAL_API_KEY?.trim()) && !env.AUTH_SECRET?.trim() && !isLoopback(hostname);
}

/** Called once per server process from `instrumentation.ts`. */
export function startServer(): void {
  const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  if (!trusted.ok) {
    // Believing the wrong hop would let any client pick its own rate-limit key: refuse to start.
    logger.fatal(trusted.error);
    process.exit(1);
  }
  installHttpHooks(trusted.value);
  const timeout = Number(process.env.SHUTDOWN_TIMEOUT_MS);
  drainOnSigterm(Number.isInteger(timeout) && timeout > 0 ? timeout : DEFAULT_SHUTDOWN_TIMEOUT_MS);

  const hostname = listenHostname(process.argv, process.env);
  if (spendsKeyOpenly(process.env, hostname)) {
    logger.warn(
      { listen: hostname ?? "all interfaces" },
      "MISTRAL_API_KEY is set, AUTH_SECRET is not, and the server listens beyond loopback: anyone who reaches it can spend the key. Set AUTH_SECRET to require sign-in.",
    );
  }
}
