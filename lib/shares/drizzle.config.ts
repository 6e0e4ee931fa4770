import { defineConfig } from "drizzle-kit";

/** Generates SQL migrations only: `npx drizzle-kit generate --config lib/shares/drizzle.config.ts`. */
export default defineConfig({
  dialect: "postgresql",
  schema: ["./lib/shares/schema.ts", "./lib/shares/accounts-schema.ts"],
  out: "./lib/shares/migrations",
});
