/**
 * CPU time and resident memory of a process and its descendants, read from Linux /proc. Next 16's
 * `next start` serves in the spawned process itself; summing the tree keeps the measure right
 * should a version fork its server into a worker again.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

type Stat = { ppid: number; cpuTicks: number };

/** The contents of a /proc file, or undefined when the process has exited meanwhile. */
function readProcFile(pid: number, name: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${name}`, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ESRCH") return undefined;
    throw error;
  }
}

function readStat(pid: number): Stat | undefined {
  const text = readProcFile(pid, "stat");
  if (text === undefined) return undefined;
  // Fields after the parenthesised command name (which may itself hold spaces or parentheses):
  // state is field 3, ppid 4, utime 14, stime 15 (proc(5)).
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** The pid itself and every live descendant. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** utime + stime summed over the tree, in clock ticks. */
export function treeCpuTicks(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + (readStat(pid)?.cpuTicks ?? 0), 0);
}

/** Length of one clock tick (USER_HZ, 100 per second on common kernels). */
export const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

function rssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readProcFile(pid, "status") ?? "");
  return match ? Number(match[1]) : 0;
}

/** VmRSS summed over the tree, in KiB. */
export function treeRssKiB(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + rssKiB(pid), 0);
}

/** Samples the tree's RSS every `intervalMs` until stopped; returns the peak seen. */
export function samplePeakRss(root: number, intervalMs: number): { stop(): { peakKiB: number; samples: number } } {
  let peakKiB = treeRssKiB(root);
  let samples = 1;
  const timer = setInterval(() => {
    peakKiB = Math.max(peakKiB, treeRssKiB(root));
    samples += 1;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peakKiB = Math.max(peakKiB, treeRssKiB(root));
      return { peakKiB, samples: samples + 1 };
    },
  };
}
