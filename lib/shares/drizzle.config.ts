import { defineConfig } from "drizzle-kit";

/** Generates SQL migrations only: `npx drizzle-kit generate --config lib/shares/drizzle.config.ts`. */
export default defineConfig({
  dialect: "postgresql",
  schema: ["./lib/shares/schema.ts", "./lib/auth/schema.ts"],
  out: "./lib/shares/migrations",
});
