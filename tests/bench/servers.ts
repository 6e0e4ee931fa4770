/**
 * The fake Mistral server (tests/fake-mistral/cli.ts), the app's production server and the
 * baseline app's (tests/bench/baseline-app), each a child process so that its CPU time and memory
 * can be read apart from the benchmark client's.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { Fault, ScriptedResponse } from "../fake-mistral/server.ts";
import { appStartArgs } from "../support/start-command.ts";
import { freePort, startChild, waitUntilReady, type Child } from "./children.ts";

const NEXT_BIN = "node_modules/next/dist/bin/next";
export const BENCH_API_KEY = "bench-key";

export type FakeServer = { child: Child; origin: string; url: string };
export type AppServer = { child: Child; origin: string };

async function answers(url: string, init?: RequestInit): Promise<boolean> {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return true;
}

export async function startFake(): Promise<FakeServer> {
  const port = await freePort();
  const child = startChild(
    "fake-mistral",
    process.execPath,
    ["--experimental-strip-types", "tests/fake-mistral/cli.ts"],
    {
      ...process.env,
      FAKE_MISTRAL_PORT: String(port),
      FAKE_MISTRAL_HOST: "127.0.0.1",
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, () => answers(`${origin}/__fake/requests`), 20_000);
  return { child, origin, url: `${origin}/v1` };
}

async function nextBuild(dir: string): Promise<void> {
  const build = spawn(process.execPath, [NEXT_BIN, "build", dir], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const code = await new Promise<number | null>((resolve) => build.once("exit", resolve));
  if (code !== 0) throw new Error(`next build ${dir} failed with exit code ${code}`);
}

/**
 * The same as `npx next build`, run only when there is no production build yet (or one from before
 * the Markdown worker was bundled: without its bundle the server would run no worker at all).
 */
export async function buildAppIfMissing(): Promise<void> {
  if (existsSync(".next/BUILD_ID") && existsSync(".next/markdown-worker.mjs")) return;
  console.log("bench: no production build (.next/BUILD_ID, .next/markdown-worker.mjs), running next build");
  await nextBuild(".");
}

const BASELINE_SOURCE = "tests/bench/baseline-app";
/** Inside the app's build folder: ignored by git and the linters, and rebuilt after the app's. */
export const BASELINE_DIR = ".next/bench-baseline";

function sourceHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else hash.update(child).update(readFileSync(child));
    }
  };
  walk(dir);
  return hash.digest("hex");
}

/** The baseline app, copied out of the source tree and built when it changed or was never built. */
export async function buildBaselineIfStale(): Promise<void> {
  const hash = sourceHash(BASELINE_SOURCE);
  const stamp = join(BASELINE_DIR, ".source-hash");
  if (existsSync(join(BASELINE_DIR, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash)
    return;
  console.log(`bench: building the baseline app (${BASELINE_SOURCE}) in ${BASELINE_DIR}`);
  rmSync(BASELINE_DIR, { recursive: true, force: true });
  cpSync(BASELINE_SOURCE, BASELINE_DIR, { recursive: true });
  await nextBuild(BASELINE_DIR);
  writeFileSync(stamp, hash);
}

/** `next start` of the app, or of the baseline app, on a free loopback port, talking to the fake. */
export async function startApp(fake: FakeServer, dir = "."): Promise<AppServer> {
  const port = await freePort();
  const name = dir === "." ? "next start" : `next start ${dir}`;
  // The app as `npm start` runs it; the baseline as the AI SDK's documentation does (`next start`).
  const address = ["-p", String(port), "-H", "127.0.0.1"];
  const args = dir === "." ? appStartArgs(...address) : [NEXT_BIN, "start", dir, ...address];
  const child = startChild(name, process.execPath, args, {
    ...process.env,
    NODE_ENV: "production",
    MISTRAL_BASE_URL: fake.url,
    MISTRAL_API_KEY: BENCH_API_KEY,
    NEXT_TELEMETRY_DISABLED: "1",
    // Every request comes from one address, far faster than a person: the limit has its own tests.
    CHAT_RATE_LIMIT_PER_MINUTE: "1000000",
  });
  const origin = `http://127.0.0.1:${port}`;
  // Any HTTP answer will do (the routes only have POST, so GET is a 405).
  await waitUntilReady(child, () => answers(`${origin}/api/${dir === "." ? "chat" : "pipe"}`), 60_000);
  return { child, origin };
}

/** The plain Node.js byte pipe (node-pipe.ts) on a free loopback port, forwarding to the fake. */
export async function startNodePipe(fake: FakeServer): Promise<AppServer> {
  const port = await freePort();
  const child = startChild("node pipe", process.execPath, ["--experimental-strip-types", "tests/bench/node-pipe.ts"], {
    ...process.env,
    NODE_PIPE_PORT: String(port),
    MISTRAL_BASE_URL: fake.url,
    MISTRAL_API_KEY: BENCH_API_KEY,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, () => answers(origin, { method: "POST", body: "{}" }), 20_000);
  return { child, origin };
}

async function control(fake: FakeServer, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${fake.origin}/__fake/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fake-mistral /__fake/${path}: HTTP ${response.status} ${await response.text()}`);
}

export function scriptAnswers(fake: FakeServer, responses: ScriptedResponse[]): Promise<void> {
  return control(fake, "script", responses);
}

export function setFault(fake: FakeServer, fault: Fault | null): Promise<void> {
  return control(fake, "fault", fault);
}

/** Clears scripts, the fault and the fake's request log (which would otherwise grow all run). */
export function resetFake(fake: FakeServer): Promise<void> {
  return control(fake, "reset", null);
}
