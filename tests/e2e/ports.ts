/**
 * Where the end-to-end servers listen; shared by the Playwright config, servers and specs.
 * `E2E_PORT_OFFSET` moves all of them, so two checkouts can run their suites side by side.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;

export const E2E = {
  fakePort: 4310 + offset,
  appPort: 3310 + offset,
  noKeyPort: 3311 + offset,
  /** A server the startup spec starts and stops itself. */
  startupPort: 3312 + offset,
  /** Two instances on one PostgreSQL and one Redis (two-instances.spec.ts). */
  twinPorts: [3312 + offset, 3313 + offset],
  serverKey: "e2e-server-key",
} as const;

/** Where serve-app.ts writes the process id of the app on `appPort`, for specs that watch its memory. */
export const APP_PID_FILE = ".data/e2e/app.pid";
