/**
 * One end-to-end run at a time on a machine: runs share the ports and the `.next` build.
 * The lock is a directory (created atomically) holding the owner's pid; a lock whose
 * owner is gone is taken over.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";

const LOCK = ".data/e2e-run.lock";

function owner(): number | undefined {
  try {
    return Number(readFileSync(`${LOCK}/pid`, "utf8"));
  } catch {
    return undefined;
  }
}

function alive(pid: number | undefined): boolean {
  // No pid yet: the owner is between creating the lock and writing its pid.
  if (pid === undefined) return Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 10_000;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function acquireRunLock(timeoutMs = 20 * 60 * 1000): void {
  const deadline = Date.now() + timeoutMs;
  mkdirSync(".data", { recursive: true });
  for (let announced = false; ;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(`${LOCK}/pid`, String(process.pid));
      process.once("exit", () => rmSync(LOCK, { recursive: true, force: true }));
      return;
    } catch {
      const pid = owner();
      if (pid === process.pid) return; // the config was loaded twice in this process
      if (!alive(pid)) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Another end-to-end run holds ${LOCK}; gave up waiting.`);
      if (!announced) console.log("Waiting for another end-to-end run on this machine to finish…");
      announced = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
}
