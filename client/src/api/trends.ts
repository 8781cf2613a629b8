/**
 * A crisis' series over time (GET /api/trends?crisis=): with a display token from the page's URL
 * as a bearer (read-only), or with the session cookie on the desk.
 */
import type { CrisisSeries } from '../../../shared/state.js';

export async function fetchTrendSeries(crisis: string, token?: string, signal?: AbortSignal): Promise<CrisisSeries> {
  const res = await fetch(`/api/trends?${new URLSearchParams({ crisis }).toString()}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
    signal,
  });
  const body = (await res.json().catch(() => null)) as (CrisisSeries & { error?: { message?: string } }) | null;
  if (!res.ok || !body) throw new Error(body?.error?.message ?? `The server answered ${res.status}`);
  return body;
}
