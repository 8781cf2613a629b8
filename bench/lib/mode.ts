/** Full or quick run (BENCH_QUICK=1), and the sizes each scenario uses in either. */

export const QUICK = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';

/** Seconds of the soak: SOAK_SECONDS, else 180 in a full run (10 minutes would break the run's budget) and 3 in a quick one. */
export const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? (QUICK ? 3 : 180));

export const sizes = {
  /**
   * Distinct 3 KB reports in the ingest burst. Quick: 5,000, so the drain and the compute limit it is
   * compared with (the same reports, cold) fit in its minute. Its ratio reads lower than a full run's:
   * the worker's own start (its JIT, BullMQ ramping up to full concurrency) weighs more in a drain of
   * four seconds than in one of twelve. With 3,000 it read 0.68 where full runs that hour read
   * 0.79-0.83; with 5,000, 0.76 and 0.67, for 3 s more (quick runs of 42 → 45 s with the build).
   */
  ingestReports: QUICK ? 5_000 : 20_000,
  /** Sockets for e2e, raw fan-out, scale and soak. */
  clients: 1_000,
  /** Reports posted (at 50/s) in the e2e and scale runs; broadcasts in the raw baseline. */
  e2eReports: QUICK ? 100 : 750,
  /** Alternating blocks the e2e and bare-baseline reports are measured in (see lib/vsRaw.ts). */
  e2eBlocks: QUICK ? 2 : 5,
  /** Warm-up reports before each latency measurement (measured, then dropped). */
  warmupReports: QUICK ? 5 : 25,
  /**
   * Warm-up of the alternating e2e / bare-baseline blocks (each side): 3 s at 50/s. After 25, the first
   * product block still carried most of a run's slow reports (8 and 32 over 35 ms, where later blocks
   * had 0-7: the stack's first seconds under this load); after 150 it is like the others (0-4).
   */
  e2eWarmupReports: QUICK ? 5 : 150,
  /** 3 KB dispatches posted at 10/s for `e2e.dispatch.*`. */
  dispatchReports: QUICK ? 10 : 150,
  e2eRatePerSecond: 50,
  /** Socket counts of the one-node fan-out ladder. */
  fanoutLadder: QUICK ? [1_000] : [1_000, 5_000, 10_000],
  /** Reports posted per fan-out step (slowly, so each broadcast stands alone). */
  fanoutReports: QUICK ? 3 : 15,
  /** Wait after a GC before reading RSS, and readings taken then (200 ms apart; the lowest counts). */
  settleMs: QUICK ? 500 : 3_000,
  rssReadings: QUICK ? 3 : 5,
  soakRatePerSecond: 20,
};
