/**
 * `npm run users -- add EMAIL --password-stdin | list | remove EMAIL | reset-password EMAIL`.
 *
 * Node runs the app's TypeScript as it is (type stripping); these hooks give it what the
 * bundler gives the app: the `@/` alias and imports written without `.ts`. `server-only` is
 * resolved with the `react-server` condition (see the npm script), where it is empty.
 */
import { existsSync } from "node:fs";
import { registerHooks } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

registerHooks({
  resolve(specifier, context, nextResolve) {
    const aliased = specifier.startsWith("@/") ? pathToFileURL(path.join(root, specifier.slice(2))).href : specifier;
    const isFile = aliased.startsWith("file:") || aliased.startsWith(".");
    if (isFile && context.parentURL?.startsWith("file:") && !/\.[cm]?[jt]sx?$/.test(aliased)) {
      const base = fileURLToPath(new URL(aliased, context.parentURL));
      const found = [".ts", ".tsx", "/index.ts"].map((ending) => base + ending).find((file) => existsSync(file));
      if (found) return nextResolve(pathToFileURL(found).href, context);
    }
    return nextResolve(aliased, context);
  },
});

const { runUsersCommand } = await import("./users-command.ts");
process.exitCode = await runUsersCommand(process.argv.slice(2));
