/**
 * A crisis: what a newsroom follows as one story, with the rules that decide which reports
 * belong to it. Shared by the server (validation, routing, the fold per crisis) and the client
 * (the desk's crisis screen, the wall's choice of crisis).
 */
import { z } from 'zod';

/** Lower-case letters, digits and dashes, 2–40 characters: it appears in URLs and Redis keys. */
export const crisisSlugSchema = z
  .string({ error: 'slug is required' })
  .regex(/^[a-z0-9-]{2,40}$/, 'slug: 2–40 lower-case letters, digits or "-", e.g. russia-ukraine');

const term = (what: string) =>
  z
    .string({ error: `each of ${what} must be a string` })
    .trim()
    .min(1, `${what} must not contain empty names`)
    .max(80, `each of ${what} must be at most 80 characters`);

const terms = (what: string, max: number) =>
  z.array(term(what), { error: `${what} must be a list of names` }).max(max, `at most ${max} ${what}`);

/**
 * The force and theatre whose troop figure is the crisis' headline, e.g. Russian forces at
 * Ukraine's borders: `{force: "Russia", theatre: "Ukraine"}`. Names as the gazetteer writes them.
 */
export const principalSchema = z.object({
  force: term('principal.force'),
  theatre: term('principal.theatre'),
});
export type Principal = z.infer<typeof principalSchema>;

/**
 * The rules a crisis gathers reports by. `actors`: the sides (countries, bodies, armed groups);
 * `places`: where it happens (regions, cities, the sides' territory); `keywords`: phrases that
 * belong to it alone ("Minsk agreements"). A crisis with none of the three gathers nothing.
 */
export const crisisRulesSchema = z.object({
  actors: terms('actors', 50).default([]),
  places: terms('places', 200).default([]),
  keywords: terms('keywords', 200).default([]),
  principal: principalSchema.optional(),
});

export const crisisInputSchema = crisisRulesSchema.extend({
  slug: crisisSlugSchema,
  name: z
    .string({ error: 'name is required' })
    .trim()
    .min(1, 'name must not be empty')
    .max(80, 'name: at most 80 characters'),
});
export type CrisisInput = z.input<typeof crisisInputSchema>;

/** PATCH: any field but the slug; `principal: null` removes it. */
export const crisisPatchSchema = z
  .object({
    name: crisisInputSchema.shape.name.optional(),
    actors: terms('actors', 50).optional(),
    places: terms('places', 200).optional(),
    keywords: terms('keywords', 200).optional(),
    principal: principalSchema.nullable().optional(),
  })
  .strict();
export type CrisisPatch = z.infer<typeof crisisPatchSchema>;

export type Crisis = {
  slug: string;
  name: string;
  actors: string[];
  places: string[];
  keywords: string[];
  principal?: Principal;
  /** When it was made (ISO); the first crisis made is the default one. */
  createdAt: string;
};

/** What the desk says of a crisis that cannot gather anything by itself. */
export const NO_RULES_NOTICE =
  'No rules: this crisis gathers no report until it has actors, places or keywords (reports can still be assigned by hand).';

/** Whether a crisis has any rule at all: one with none gathers nothing (and the desk says so). */
export function hasRules(c: Pick<Crisis, 'actors' | 'places' | 'keywords'>): boolean {
  return c.actors.length + c.places.length + c.keywords.length > 0;
}

/**
 * Why a report is in a crisis: `by` is "rule" (the routing rules, `reason` says which matched)
 * or the username of the journalist who assigned it.
 */
export type CrisisAssignment = { slug: string; reason: string; by: string };

/** A journalist's assignment of a report to a crisis, or its removal from one; it holds over the rules. */
export type CrisisOverride = { in: boolean; by: string; at: string; note?: string };
