/**
 * One clock for every bench process: wall time in milliseconds with sub-millisecond
 * resolution. performance.timeOrigin is taken from the system clock when a process starts,
 * so values from two processes on this machine can be subtracted.
 */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
