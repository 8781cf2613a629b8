/** Resident memory of a process, read from /proc (Linux). */
import { readFileSync } from 'node:fs';

/** VmRSS of `pid` in KB; NaN when the process is gone or /proc is missing. */
export function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Asks a bench-started server process for a full GC (SIGUSR2, see serverPreload.mjs), waits
 * `settleMs`, and returns the lowest of a few readings, so a passing allocation spike does not count.
 */
export async function settledRssKb(pid: number, settleMs = 2000, readings = 5): Promise<number> {
  process.kill(pid, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, settleMs));
  let lowest = Infinity;
  for (let i = 0; i < readings; i++) {
    lowest = Math.min(lowest, rssKb(pid));
    await new Promise((r) => setTimeout(r, 200));
  }
  return lowest;
}
