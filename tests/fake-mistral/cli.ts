/**
 * Runs the fake as its own process (Playwright starts it next to the app):
 *   FAKE_MISTRAL_PORT=4010 node tests/fake-mistral/cli.ts
 */
import { startFakeMistral } from "./server.ts";

const port = Number(process.env.FAKE_MISTRAL_PORT ?? 4010);
const fake = await startFakeMistral({ port, host: process.env.FAKE_MISTRAL_HOST ?? "127.0.0.1" });
console.log(`fake-mistral listening on ${fake.url}`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    fake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("fake-mistral: close failed", error);
        process.exit(1);
      },
    );
  });
}
