/**
 * `npm start`'s command (package.json), for starting the app's production server from tests and
 * the benchmark without npm in between: the same Node.js flags as users get, and one process.
 */
import { readFileSync } from "node:fs";

/** The arguments after `node`; `extra` (port, host) go last. */
export function appStartArgs(...extra: string[]): string[] {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
  const [command, ...args] = scripts.start.split(" ");
  if (command !== "node") throw new Error(`package.json's start script should run node, not ${command}`);
  return [...args, ...extra];
}
