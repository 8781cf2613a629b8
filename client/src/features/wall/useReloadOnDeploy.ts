/**
 * Reloads the kiosk when the server announces a build other than the one running, after a
 * short random delay (a room of walls should not hit the server in the same second).
 */
import { useEffect } from 'react';
import { parseAttempt, shouldReload } from './reloadPolicy.js';

const STORAGE_KEY = 'crisis-desk-wall-reload';
const MAX_JITTER_MS = 5_000;

export function useReloadOnDeploy(newBuild: string | null): void {
  useEffect(() => {
    if (!shouldReload(newBuild, parseAttempt(sessionStorage.getItem(STORAGE_KEY)), Date.now())) return;
    const timer = setTimeout(() => {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ build: newBuild, at: Date.now() }));
      window.location.reload();
    }, Math.random() * MAX_JITTER_MS);
    return () => clearTimeout(timer);
  }, [newBuild]);
}
