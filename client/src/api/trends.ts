/** A crisis' series over time (GET /api/trends?crisis=), read as a wall reads (read.ts). */
import type { CrisisSeries } from '../../../shared/state.js';
import { readApi } from './read.js';

export function fetchTrendSeries(crisis: string, token?: string, signal?: AbortSignal): Promise<CrisisSeries> {
  return readApi<CrisisSeries>(`/api/trends?${new URLSearchParams({ crisis }).toString()}`, token, signal);
}
