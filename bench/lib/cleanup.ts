/** Everything a bench started, so a watchdog or Ctrl-C can stop it all before the run exits. */

const stoppers = new Set<() => Promise<void>>();

/** Registers a stop function; returns the function that unregisters it. */
export function track(stop: () => Promise<void>): () => void {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

/** Stops everything still registered (each at most 10 s). */
export async function stopAll(): Promise<void> {
  const all = [...stoppers];
  stoppers.clear();
  await Promise.all(
    all.map((stop) => Promise.race([stop().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))])),
  );
}
