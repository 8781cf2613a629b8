/** CPU time of processes from /proc (Linux), to say which process a scenario kept busy. */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/**
 * User + system CPU seconds `pid` has used so far (all its threads; with `mainThreadOnly`,
 * only the thread that runs its event loop); NaN when it is gone.
 */
export function cpuSeconds(pid: number, mainThreadOnly = false): number {
  try {
    const stat = readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds of `pid`'s children that have exited and been waited for: for redis-server, its
 * forked AOF rewrites and saves, which the process's own figure leaves out. NaN when it is gone.
 */
export function childrenCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
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
