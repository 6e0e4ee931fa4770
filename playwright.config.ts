import { defineConfig } from "@playwright/test";
import { E2E } from "./tests/e2e/ports.ts";
import { acquireRunLock } from "./tests/e2e/run-lock.ts";

// The config is also loaded in each worker; only the runner process takes the lock.
if (process.env.TEST_WORKER_INDEX === undefined) acquireRunLock();

export default defineConfig({
  testDir: "tests/e2e",
  // One worker: the specs share the fake Mistral server's script and fault state.
  workers: 1,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E.appPort}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    trace: "retain-on-failure",
  },
  webServer: [
    {
      command: `node tests/fake-mistral/cli.ts`,
      env: { FAKE_MISTRAL_PORT: String(E2E.fakePort) },
      url: `http://127.0.0.1:${E2E.fakePort}/__fake/requests`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node tests/e2e/serve-app.ts`,
      url: `http://127.0.0.1:${E2E.appPort}/api/models`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
    },
  ],
});
