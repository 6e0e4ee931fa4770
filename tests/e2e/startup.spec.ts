/**
 * The share database opens while the server starts (instrumentation.ts), not on the first share:
 * a server started on an empty data directory creates a share within a second of answering.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { defaultParameters } from "../../lib/workspace/model.ts";
import { appStartArgs } from "../support/start-command.ts";
import { rawRequest } from "./http.ts";
import { E2E } from "./ports.ts";

const DATA_DIR = ".data/e2e-startup";
let server: ChildProcess | undefined;

test.afterEach(() => {
  server?.kill("SIGTERM");
  server = undefined;
});

test("a fresh server creates a share within 1 s of answering", async () => {
  test.setTimeout(180_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  server = spawn(process.execPath, appStartArgs("-p", String(E2E.startupPort), "-H", "127.0.0.1"), {
    stdio: "ignore",
    env: { ...process.env, DATA_DIR, MISTRAL_API_KEY: "", NEXT_TELEMETRY_DISABLED: "1" },
  });

  // The first answer of any kind: the server is up.
  await expect
    .poll(
      async () => {
        try {
          return (await rawRequest(E2E.startupPort, { method: "GET", path: "/api/models" })).status;
        } catch {
          return 0; // not listening yet
        }
      },
      { timeout: 150_000, intervals: [50] },
    )
    .toBe(200);

  const snapshot = {
    system: "",
    messages: [{ id: "u1", role: "user", content: "Ready?" }],
    parameters: defaultParameters,
    variables: {},
  };
  const body = JSON.stringify({ snapshot });
  const created = await rawRequest(E2E.startupPort, {
    method: "POST",
    path: "/api/shares",
    body,
    headers: { "content-type": "application/json" },
  });
  expect(created.status, created.body).toBe(201);
  expect(created.ms).toBeLessThan(1_000);
});
