/**
 * The gazetteer compiled from data: actors (countries, bodies, armed groups) with their aliases
 * and demonyms, places, titles of office. Everything crisis-specific lives in the JSON files
 * beside this module; `compileGazetteer` takes other data, so another crisis needs no code.
 */
import titlesData from '../lexicon/titles.json' with { type: 'json' };
import { PhraseIndex } from '../text/phrases.js';
import { phraseKeys } from '../text/tokens.js';
import actorsData from './actors.json' with { type: 'json' };
import placesData from './places.json' with { type: 'json' };

/** One actor as written in gazetteer/actors.json. */
export interface ActorEntry {
  name: string;
  kind: string;
  aliases: string[];
  demonyms?: string[];
  capital?: string;
}

/** Raw gazetteer data: what a deployment may replace. */
export interface GazetteerData {
  actors: ActorEntry[];
  places: string[];
  /** Other names of a place: "Kursk Oblast" → "Kursk". */
  placeAliases?: Record<string, string>;
  titles: { title: string; role: string }[];
  roleWords: Record<string, string>;
}

/** What a name in the text can stand for. */
export interface Surface {
  /** The actor it names or qualifies. */
  actor?: string;
  /** The place it can be ("in Moscow", "to Ukraine"). */
  place?: string;
  demonym: boolean;
  organization: boolean;
}

/** A title of office and the role it implies ("Foreign Minister" → foreign). */
export interface Title {
  title: string;
  role: string;
}

/** The compiled gazetteer. */
export interface Gazetteer {
  /** Names as written (case matters: "US" is not "us"). */
  names: PhraseIndex<Surface>;
  actorNames: Set<string>;
  /** The actor names lower-cased. */
  actorKeys: Set<string>;
  organizations: Set<string>;
  /** Titles, any case ("Foreign Minister", "foreign minister"). */
  titles: PhraseIndex<Title>;
  /** Nouns for a role without a name ("the French leader", "top diplomat"). */
  roleWords: PhraseIndex<string>;
  /** Lower-cased words never part of a person's name. */
  nameStop: Set<string>;
}

const GOVERNMENT_SEAT = /\b(?:Kremlin|House|Palace|Street)\b/;

/** Compiles raw data into lookups. */
export function compileGazetteer(data: GazetteerData): Gazetteer {
  const surfaces = new Map<string, Surface>();
  const put = (form: string, s: Partial<Surface>): void => {
    const prev = surfaces.get(form) ?? { demonym: false, organization: false };
    const next = { ...prev };
    for (const [k, v] of Object.entries(s)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
    surfaces.set(form, next);
  };
  const placeNames = new Set(data.places);
  const capitalOf = new Map<string, string>();
  for (const a of data.actors) {
    // Bodies (alliances, councils) make a meeting multilateral; countries and armed groups are sides.
    const org = a.kind === 'organization';
    if (a.capital) capitalOf.set(a.name, a.capital);
    for (const alias of [a.name, ...a.aliases]) {
      // A country and its capital are places too ("talks in Moscow", "a visit to Ukraine").
      const bare = alias.startsWith('the ') ? alias.slice(4) : alias;
      const place = org
        ? undefined
        : alias === a.capital || alias === a.name || placeNames.has(bare)
          ? bare
          : undefined;
      put(alias, { actor: a.name, organization: org, place });
      if (alias.startsWith('the ')) put(bare, { actor: a.name, organization: org, place });
    }
    for (const d of a.demonyms ?? []) if (!surfaces.has(d)) put(d, { actor: a.name, demonym: true, organization: org });
    if (a.capital && !surfaces.has(a.capital)) put(a.capital, { place: a.capital });
  }
  // A seat of government that is not a city ("the Kremlin", "the White House") sits in the capital.
  for (const [form, s] of surfaces) {
    if (s.actor && !s.place && !s.demonym && !s.organization && GOVERNMENT_SEAT.test(form)) {
      const capital = capitalOf.get(s.actor);
      if (capital) surfaces.set(form, { ...s, place: capital });
    }
  }
  for (const p of data.places) if (!surfaces.has(p)) put(p, { place: p });
  for (const [alias, place] of Object.entries(data.placeAliases ?? {}))
    if (!alias.startsWith('$') && !surfaces.has(alias)) put(alias, { place });

  const titles = new PhraseIndex<Title>(data.titles.map((t) => [t.title, t]));
  const roleWords = new PhraseIndex<string>(
    Object.entries(data.roleWords).filter(([k]) => !k.startsWith('$')) as [string, string][],
  );
  const nameStop = new Set<string>(titlesData.nameStop.flatMap((w) => w.split(/\s+/)));
  // A name of one word never belongs to a person ("Moscow"), nor does a word of a body's name
  // ("Security", "Intelligence"); a word of a place's longer name may ("Solomon", "Marshall", "Salvador").
  // Acronyms ("UN", "EU") stop names only in capitals: "Kim Jong Un" keeps his "Un".
  for (const [form, s] of surfaces) {
    const keys = phraseKeys(form, true);
    if (keys.length > 1 && !s.organization) continue;
    for (const w of keys) if (!/^[A-Z0-9.]+$/.test(w) || w.length > 4) nameStop.add(w.toLowerCase());
  }
  for (const t of data.titles) for (const w of phraseKeys(t.title)) nameStop.add(w);
  for (const k of Object.keys(data.roleWords)) for (const w of phraseKeys(k)) nameStop.add(w);
  return {
    names: new PhraseIndex(surfaces, true),
    actorNames: new Set(data.actors.map((a) => a.name)),
    actorKeys: new Set(data.actors.map((a) => a.name.toLowerCase())),
    organizations: new Set(data.actors.filter((a) => a.kind === 'organization').map((a) => a.name)),
    titles,
    roleWords,
    nameStop,
  };
}

/** The project's default gazetteer, from the JSON files beside this module. */
export const defaultGazetteerData: GazetteerData = {
  actors: actorsData.actors,
  places: placesData.places,
  placeAliases: placesData.aliases as Record<string, string>,
  titles: titlesData.titles,
  roleWords: titlesData.roleWords as Record<string, string>,
};
