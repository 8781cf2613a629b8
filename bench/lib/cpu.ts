/** CPU time of processes from /proc (Linux), to say which process a scenario kept busy. */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/**
 * The sum of two tick counters of a /proc stat file, in seconds; NaN when it is gone. The
 * indices count from the field after the command name (which may hold spaces), after the last ')'.
 */
function statSeconds(file: string, a: number, b: number): number {
  try {
    const stat = readFileSync(file, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[a]) + Number(fields[b])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/**
 * User + system CPU seconds `pid` has used so far (all its threads; with `mainThreadOnly`,
 * only the thread that runs its event loop); NaN when it is gone.
 */
export function cpuSeconds(pid: number, mainThreadOnly = false): number {
  return statSeconds(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 11, 12);
}

/**
 * CPU seconds of `pid`'s children that have exited and been waited for: for redis-server, its
 * forked AOF rewrites and saves, which the process's own figure leaves out. NaN when it is gone.
 */
export function childrenCpuSeconds(pid: number): number {
  return statSeconds(`/proc/${pid}/stat`, 13, 14);
}

/** Starts a CPU meter over named processes; `stop()` gives each one's share of one core (%) since the start. */
export function cpuMeter(pids: Record<string, number>): { stop(): Record<string, number> } {
  const start = performance.now();
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  return {
    stop() {
      const seconds = (performance.now() - start) / 1000;
      return Object.fromEntries(
        Object.entries(pids).map(([name, pid]) => [
          name,
          Math.round((100 * (cpuSeconds(pid) - before[name])) / seconds),
        ]),
      );
    },
  };
}
