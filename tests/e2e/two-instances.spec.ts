/**
 * Two `next start` instances behind one PostgreSQL and one Redis, as a team would deploy them:
 * a limit counts across both, a share made on one is read on the other, and a session made on
 * one is honoured by the other. Needs PostgreSQL and Redis on 127.0.0.1; skipped without them.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { defaultParameters } from "../../lib/workspace/model.ts";
import { appStartArgs } from "../support/start-command.ts";
import { E2E } from "./ports.ts";

const POSTGRES = "postgres://postgres@127.0.0.1:5432/test";
const REDIS = "redis://127.0.0.1:6379";
const DATABASE = `playground_twins_${E2E.twinPorts[0]}`;
const EMAIL = "alice@example.com";
const PASSWORD = "correct horse battery";
// Each run counts against an address of its own, so an earlier run's counters in Redis never meet it.
const CLIENT = `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const children: ChildProcess[] = [];
const urls = E2E.twinPorts.map((port) => `http://127.0.0.1:${port}`);

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const missing = [(await reachable(5432)) ? "" : "PostgreSQL", (await reachable(6379)) ? "" : "Redis"].filter(Boolean);
  test.skip(missing.length > 0, `${missing.join(" and ")} not reachable on 127.0.0.1`);
  test.setTimeout(120_000);

  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DATABASE}`,
    REDIS_URL: REDIS,
    AUTH_SECRET: "two-instances-secret-of-32-characters",
    MISTRAL_API_KEY: E2E.serverKey,
    MISTRAL_BASE_URL: `http://127.0.0.1:${E2E.fakePort}/v1`,
    CHAT_RATE_LIMIT_PER_MINUTE: "3",
    // The test stands in for the load balancer: it sends the client's address.
    TRUSTED_PROXIES: "1",
  };
  const added = spawnSync("npm", ["run", "-s", "users", "--", "add", EMAIL, "--password-stdin"], {
    input: PASSWORD,
    env,
    encoding: "utf8",
  });
  expect(added.status, added.stderr).toBe(0);

  for (const port of E2E.twinPorts) {
    children.push(
      spawn(process.execPath, appStartArgs("-p", String(port), "-H", "127.0.0.1"), {
        env,
        stdio: "ignore",
      }),
    );
  }
  for (const url of urls) await expect.poll(() => health(url), { timeout: 60_000 }).toBe(200);
});

test.afterAll(async () => {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((child) => new Promise((resolve) => child.once("exit", resolve))));
  if (children.length > 0) await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
});

async function health(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/api/health`)).status;
  } catch {
    return 0;
  }
}

function send(url: string, path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  return fetch(`${url}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      "x-forwarded-for": CLIENT,
      ...(init.body === undefined ? {} : { "content-type": "application/json", origin: url }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: "manual",
  });
}

let cookie = "";

test("a session made on one instance is honoured by the other", async () => {
  const [first, second] = urls as [string, string];
  expect((await send(second, "/api/models")).status).toBe(401);
  const signedIn = await send(first, "/api/auth/sign-in/email", { body: { email: EMAIL, password: PASSWORD } });
  expect(signedIn.status, await signedIn.clone().text()).toBe(200);
  cookie = signedIn.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  expect((await send(second, "/api/models", { cookie })).status).toBe(200);
  expect((await send(second, "/", { cookie })).status).toBe(200);
  expect((await send(second, "/")).status).toBe(307);
});

test("without a session, prefetch headers open no door and the chat lane answers 401", async () => {
  const [first] = urls as [string, string];
  const prefetches: Record<string, string>[] = [{ purpose: "prefetch" }, { "next-router-prefetch": "1", rsc: "1" }];
  for (const headers of prefetches) {
    expect((await fetch(`${first}/api/models`, { headers })).status).toBe(401);
    expect((await fetch(`${first}/`, { headers, redirect: "manual" })).status).toBe(307);
  }
  const chat = await send(first, "/api/chat", { body: { messages: [] } });
  expect(chat.status).toBe(401);
  expect(((await chat.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
});

test("the chat limit counts runs on both instances together", async () => {
  const [first, second] = urls as [string, string];
  const body = {
    messages: [{ role: "user", content: "Hello" }],
    parameters: { ...defaultParameters, tools: [], prediction: null, promptMode: null },
  };
  const remaining: (string | null)[] = [];
  for (const url of [first, second, first]) {
    const response = await send(url, "/api/chat", { body, cookie });
    expect(response.status).toBe(200);
    await response.text();
    remaining.push(response.headers.get("ratelimit-remaining"));
  }
  expect(remaining).toEqual(["2", "1", "0"]);
  const refused = await send(second, "/api/chat", { body, cookie });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
});

test("a share made on one instance is read on the other", async () => {
  const [first, second] = urls as [string, string];
  const snapshot = {
    system: "",
    messages: [{ id: "m1", role: "user", content: "Shared across instances" }],
    parameters: defaultParameters,
    variables: {},
  };
  const created = await send(first, "/api/shares", { body: { title: "Across instances", snapshot }, cookie });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const read = await send(second, `/api/shares/${id}`, { cookie });
  expect(read.status).toBe(200);
  expect(((await read.json()) as { title: string }).title).toBe("Across instances");
  // The share page is public: no session needed.
  const sharePage = await send(second, `/s/${id}`);
  expect(sharePage.status).toBe(200);
  expect(await sharePage.text()).toContain("Shared across instances");
});
