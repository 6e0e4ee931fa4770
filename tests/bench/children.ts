/**
 * The processes the benchmark runs: the fake Mistral server and the app's production server,
 * each in its own process group so that it and whatever it forks are ended together, on every
 * way out of the benchmark (normal end, error, Ctrl-C).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export type Child = { name: string; pid: number; process: ChildProcess; exited: boolean; output(): string };

const running = new Set<Child>();

function killGroup(child: Child, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error; // already gone
  }
}

/** Last-resort cleanup: `exit` handlers must be synchronous, so no grace period here. */
process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, stopping the servers`);
    process.exit(130);
  });
}

/** Starts `command` in a new process group, keeping the tail of its output for error reports. */
export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (proc.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  let tail = "";
  const keep = (data: Buffer) => {
    tail = (tail + data.toString("utf8")).slice(-4000);
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  const child: Child = { name, pid: proc.pid, process: proc, exited: false, output: () => tail };
  // Kept in `running` after the leader exits: what it forked may still be alive in its group.
  running.add(child);
  proc.once("exit", () => {
    child.exited = true;
  });
  return child;
}

/** SIGTERM to the group, SIGKILL after a grace period. */
export async function stopChild(child: Child, graceMs = 3000): Promise<void> {
  if (!running.has(child)) return;
  const exited = child.exited
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.process.once("exit", () => resolve()));
  killGroup(child, "SIGTERM");
  await Promise.race([exited, sleep(graceMs)]);
  killGroup(child, "SIGKILL"); // stragglers of the group, if any
  running.delete(child);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `probe` until it resolves true; fails early if the child exits, or after `timeoutMs`. */
export async function waitUntilReady(child: Child, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exited) throw new Error(`${child.name} exited before it was ready:\n${child.output()}`);
    if (await probe().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${child.name} not ready after ${timeoutMs} ms:\n${child.output()}`);
}
