/**
 * Pure: whether a kiosk should reload for a newly announced build. A reload that did not
 * bring the new build (a rolling deploy, a cached page) is not repeated for a while, so a
 * wall never loops.
 */

/** Minimum time between two reloads for the same announced build. */
export const RELOAD_RETRY_MS = 5 * 60_000;

export type ReloadAttempt = { build: string; at: number } | null;

export function shouldReload(announced: string | null, attempt: ReloadAttempt, nowMs: number): boolean {
  if (announced === null) return false;
  if (attempt && attempt.build === announced && nowMs - attempt.at < RELOAD_RETRY_MS) return false;
  return true;
}

/** Reads the last attempt saved by the page (sessionStorage survives a reload). */
export function parseAttempt(raw: string | null): ReloadAttempt {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    if (
      v &&
      typeof v === 'object' &&
      typeof (v as { build?: unknown }).build === 'string' &&
      typeof (v as { at?: unknown }).at === 'number'
    ) {
      return { build: (v as { build: string }).build, at: (v as { at: number }).at };
    }
  } catch {
    // a corrupted value counts as none
  }
  return null;
}
