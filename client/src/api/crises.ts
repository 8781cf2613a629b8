/**
 * Reading the crises (GET /api/crises), for every page: with a display token from a wall URL as
 * a bearer (read-only: it lists crises, nothing more), or with the session cookie on the desk.
 * Writes go through api() (session only): a display token never acts for a person.
 */
import type { Crisis } from '../../../shared/crisis.js';
import type { ReassignmentProgress } from '../../../shared/events.js';
import { readApi } from './read.js';

export type CrisesListing = { crises: Crisis[]; reassignment: ReassignmentProgress | null };

export async function fetchCrises(token?: string): Promise<CrisesListing> {
  const body = await readApi<Partial<CrisesListing>>('/api/crises', token);
  return { crises: Array.isArray(body.crises) ? body.crises : [], reassignment: body.reassignment ?? null };
}

/** Slug → name of the crises given, for headers and badges (the slug itself when unknown). */
export function crisisNamer(crises: readonly Pick<Crisis, 'slug' | 'name'>[] | null): (slug: string) => string {
  const names = new Map((crises ?? []).map((c) => [c.slug, c.name]));
  return (slug) => names.get(slug) ?? slug;
}
