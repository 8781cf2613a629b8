/**
 * The clocks to show: from the URL when it names them, else from the server
 * (GET /api/wall/config, i.e. WALL_CLOCKS), retried until it answers.
 */
import { useEffect, useState } from 'react';
import type { ClockSpec } from './wallParams.js';
import { readApi } from '../../api/read.js';

/** None until the server answers: which cities matter depends on the crises followed, which the server knows. */
const NO_CLOCKS: ClockSpec[] = [];

const RETRY_MS = 30_000;

function isClockList(v: unknown): v is ClockSpec[] {
  return (
    Array.isArray(v) &&
    v.every((c) => c && typeof c === 'object' && typeof c.label === 'string' && typeof c.zone === 'string')
  );
}

export function useWallClocks(token: string | undefined, fromUrl: ClockSpec[] | null): ClockSpec[] {
  const [clocks, setClocks] = useState<ClockSpec[]>(fromUrl ?? NO_CLOCKS);
  useEffect(() => {
    if (fromUrl) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      try {
        const body = await readApi<{ clocks?: unknown }>('/api/wall/config', token);
        if (!cancelled && isClockList(body.clocks)) setClocks(body.clocks);
      } catch {
        if (!cancelled) timer = setTimeout(() => void load(), RETRY_MS);
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [token, fromUrl]);
  return clocks;
}
