/**
 * A crisis' picture as it stood at a past moment (GET /api/state?crisis=&asOf=): with a display
 * token from a wall URL or the session cookie (read.ts).
 */
import type { PublicState } from '../../../shared/state.js';
import { readApi } from './read.js';

export type AsOfState = PublicState & { asOf: string };

export function fetchStateAsOf(
  crisis: string | undefined,
  asOf: string,
  token?: string,
  signal?: AbortSignal,
): Promise<AsOfState> {
  const query = new URLSearchParams({ ...(crisis ? { crisis } : {}), asOf });
  return readApi<AsOfState>(`/api/state?${query.toString()}`, token, signal);
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
