/**
 * Pure: the crisis form's fields, read into what POST and PATCH /api/crises take, checked with
 * the shared schemas (the server checks the same way, so the words are the same), and a crisis'
 * rules in one line for the list.
 */
import {
  crisisInputSchema,
  crisisPatchSchema,
  type Crisis,
  type CrisisInput,
  type CrisisPatch,
} from '../../../../../shared/crisis.js';

export type CrisisFields = {
  slug: string;
  name: string;
  /** Names one per line or comma-separated. */
  actors: string;
  places: string;
  keywords: string;
  /** The principal force and theatre; both empty for none. */
  force: string;
  theatre: string;
};

export const emptyCrisisFields: CrisisFields = {
  slug: '',
  name: '',
  actors: '',
  places: '',
  keywords: '',
  force: '',
  theatre: '',
};

export function fieldsOf(c: Crisis): CrisisFields {
  return {
    slug: c.slug,
    name: c.name,
    actors: c.actors.join('\n'),
    places: c.places.join('\n'),
    keywords: c.keywords.join('\n'),
    force: c.principal?.force ?? '',
    theatre: c.principal?.theatre ?? '',
  };
}

/** Names from a field: one per line or comma-separated, trimmed, each once (ignoring case). */
export function splitNames(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => {
      const key = s.toLowerCase();
      if (s === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

const principalOf = (f: CrisisFields) =>
  f.force.trim() === '' && f.theatre.trim() === '' ? undefined : { force: f.force, theatre: f.theatre };

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** The schema's words, with the field named when the message does not already name it. */
function problemsOf(issues: readonly { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => {
    const field = i.path.filter((p) => typeof p === 'string').join('.');
    return field && !i.message.startsWith(field.split('.')[0]) ? `${field}: ${i.message}` : i.message;
  });
}

/** What POST /api/crises takes, checked. */
export function inputOf(f: CrisisFields): Checked<CrisisInput> {
  const principal = principalOf(f);
  const raw = {
    slug: f.slug.trim(),
    name: f.name,
    actors: splitNames(f.actors),
    places: splitNames(f.places),
    keywords: splitNames(f.keywords),
    ...(principal ? { principal } : {}),
  };
  const parsed = crisisInputSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsOf(parsed.error.issues) };
}

/** What PATCH /api/crises/:slug takes: only the fields that changed (principal null: removed), checked. */
export function patchOf(f: CrisisFields, before: Crisis): Checked<CrisisPatch> {
  const patch: Record<string, unknown> = {};
  if (f.name.trim() !== before.name) patch.name = f.name;
  for (const key of ['actors', 'places', 'keywords'] as const) {
    const names = splitNames(f[key]);
    if (names.join('\n') !== before[key].join('\n')) patch[key] = names;
  }
  const principal = principalOf(f);
  const was = before.principal;
  if (!principal && was) patch.principal = null;
  else if (principal && (principal.force.trim() !== was?.force || principal.theatre.trim() !== was?.theatre))
    patch.principal = principal;
  const parsed = crisisPatchSchema.safeParse(patch);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsOf(parsed.error.issues) };
}

const listed = (names: readonly string[], what: string, shown: number) =>
  names.length === 0
    ? null
    : `${names.length} ${what}${names.length === 1 ? '' : 's'}: ${names.slice(0, shown).join(', ')}${names.length > shown ? ', …' : ''}`;

/** "2 actors: Russia, Ukraine · 27 places: Kyiv, Kiev, Donbas, … · 12 keywords: …", or null without rules. */
export function rulesSummary(c: Pick<Crisis, 'actors' | 'places' | 'keywords'>, shown = 4): string | null {
  const parts = [
    listed(c.actors, 'actor', shown),
    listed(c.places, 'place', shown),
    listed(c.keywords, 'keyword', shown),
  ];
  const text = parts.filter(Boolean).join(' · ');
  return text === '' ? null : text;
}
