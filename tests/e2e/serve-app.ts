/**
 * Playwright's web server for the app: a production build, served twice from the same
 * build — without a server key (to test the "no key" path) and with one. Both talk to the
 * fake Mistral server. Set E2E_REUSE_BUILD=1 to skip the build when nothing changed.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { appStartArgs } from "../support/start-command.ts";
import { APP_PID_FILE, E2E } from "./ports.ts";

const next = "node_modules/next/dist/bin/next";
const baseEnv: Record<string, string | undefined> = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  MISTRAL_BASE_URL: `http://127.0.0.1:${E2E.fakePort}/v1`,
  // Every spec runs from one address, faster than a person: the limit has its own tests.
  CHAT_RATE_LIMIT_PER_MINUTE: "10000",
  SHARE_RATE_LIMIT_PER_MINUTE: "10000",
};

// A build without the Markdown worker's bundle predates it: share pages would show plain text.
const built = existsSync(".next/BUILD_ID") && existsSync(".next/markdown-worker.mjs");
if (!(process.env.E2E_REUSE_BUILD === "1" && built)) {
  const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env: baseEnv as NodeJS.ProcessEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children: ChildProcess[] = [];
function start(port: number, env: Record<string, string | undefined>): ChildProcess {
  const child = spawn(process.execPath, appStartArgs("-p", String(port), "-H", "127.0.0.1"), {
    stdio: "inherit",
    env: { ...baseEnv, ...env } as NodeJS.ProcessEnv,
  });
  child.on("exit", (code) => {
    console.error(`next start on ${port} exited with ${code}`);
    process.exit(1);
  });
  children.push(child);
  return child;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

start(E2E.noKeyPort, { MISTRAL_API_KEY: "", DATA_DIR: ".data/e2e-nokey" });
await waitFor(`http://127.0.0.1:${E2E.noKeyPort}/api/models`);
const app = start(E2E.appPort, { MISTRAL_API_KEY: E2E.serverKey, DATA_DIR: ".data/e2e" });
mkdirSync(path.dirname(APP_PID_FILE), { recursive: true });
writeFileSync(APP_PID_FILE, String(app.pid));

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    for (const child of children) {
      child.removeAllListeners("exit");
      child.kill("SIGTERM");
    }
    process.exit(0);
  });
}
