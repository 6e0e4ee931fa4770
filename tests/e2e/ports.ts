/** Where the end-to-end servers listen; shared by the Playwright config, servers and specs. */
export const E2E = {
  fakePort: 4310,
  appPort: 3310,
  noKeyPort: 3311,
  serverKey: "e2e-server-key",
} as const;
