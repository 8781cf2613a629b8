/**
 * What of a crisis its fold depends on (server/state FoldOptions): its principal force and
 * theatre, and its places. A change of either folds the crisis again from nothing
 * (http/routes/crises.ts asks the re-assignment for a rebuild), and is part of every fold's
 * fingerprint, so a fold made with the old options is never taken for one made with the new.
 */
import { createHash } from 'node:crypto';
import type { Crisis } from '../../shared/crisis.js';
import type { FoldOptions } from '../state/index.js';

export function foldOptionsOf(crisis: Crisis): FoldOptions {
  return crisis.principal ? { principal: crisis.principal, places: crisis.places } : {};
}

/** A short digest of a crisis' fold options ('' when it has none). */
export function foldOptionsKey(crisis: Crisis): string {
  if (!crisis.principal) return '';
  const { force, theatre } = crisis.principal;
  return createHash('sha1')
    .update(JSON.stringify([force, theatre, crisis.places]))
    .digest('base64url')
    .slice(0, 10);
}

/** Two folds of one report into one crisis are the same when the extraction and the crisis' fold options are. */
export function crisisFingerprint(reportFingerprint: string, crisis: Crisis): string {
  const options = foldOptionsKey(crisis);
  return options ? `${reportFingerprint}@${options}` : reportFingerprint;
}
