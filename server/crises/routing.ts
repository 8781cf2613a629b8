/**
 * Relevance routing: which crises a report belongs to, and why. A placeholder until the rules
 * engine lands: a crisis' keyword, or two mentions of its places, assign a report to it.
 */
import type { Crisis } from '../../shared/crisis.js';
import { hasRules } from '../../shared/crisis.js';
import type { Extraction } from '../../shared/extraction.js';

export interface Routed {
  slug: string;
  reason: string;
}
export interface CrisisRouter {
  readonly slugs: readonly string[];
  route(
    report: { text: string; title?: string },
    facts: Pick<Extraction, 'troops' | 'meetings' | 'entities'>,
  ): Routed[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileRouting(crises: readonly Crisis[]): CrisisRouter {
  const compiled = crises.filter(hasRules).map((c) => ({
    slug: c.slug,
    places: c.places.map((p) => new RegExp(`\\b${escape(p)}\\b`, 'g')),
    keywords: c.keywords.map((k) => new RegExp(`\\b${escape(k)}\\b`, 'i')),
    placeNames: c.places,
    actors: c.actors.map((a) => new RegExp(`\\b${escape(a)}`)),
    actorNames: c.actors,
    keywordNames: c.keywords,
  }));
  return {
    slugs: compiled.map((c) => c.slug),
    route({ text, title }) {
      const body = `${title ?? ''}\n${text}`.slice(0, 200_000);
      const out: Routed[] = [];
      for (const c of compiled) {
        const keyword = c.keywords.findIndex((k) => k.test(body));
        if (keyword >= 0) {
          out.push({ slug: c.slug, reason: `keyword: ${c.keywordNames[keyword]}` });
          continue;
        }
        const hits = c.places
          .map((p, i) => [c.placeNames[i], body.match(p)?.length ?? 0] as const)
          .filter(([, n]) => n > 0);
        const total = hits.reduce((s, [, n]) => s + n, 0);
        if (total >= 2) out.push({ slug: c.slug, reason: `places: ${hits.map(([p]) => p).join(', ')}` });
        else if (c.actors.length >= 2 && c.actors.every((a) => a.test(body)))
          out.push({ slug: c.slug, reason: `sides: ${c.actorNames.join(', ')}` });
      }
      return out;
    },
  };
}
