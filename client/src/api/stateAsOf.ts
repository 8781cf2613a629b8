/**
 * A crisis' picture as it stood at a past moment (GET /api/state?crisis=&asOf=): with a display
 * token from a wall URL as a bearer (read-only), or with the session cookie on the desk.
 */
import type { PublicState } from '../../../shared/state.js';

export type AsOfState = PublicState & { asOf: string };

export async function fetchStateAsOf(
  crisis: string | undefined,
  asOf: string,
  token?: string,
  signal?: AbortSignal,
): Promise<AsOfState> {
  const query = new URLSearchParams({ ...(crisis ? { crisis } : {}), asOf });
  const res = await fetch(`/api/state?${query.toString()}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
    signal,
  });
  const body = (await res.json().catch(() => null)) as (AsOfState & { error?: { message?: string } }) | null;
  if (!res.ok || !body) throw new Error(body?.error?.message ?? `The server answered ${res.status}`);
  return body;
}

/** "7 Dec 2026, 14:05 UTC": the moment a picture of the past shows, in the label that says so. */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const time = d.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'UTC',
  });
  return `${date}, ${time} UTC`;
}
