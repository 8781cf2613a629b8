/**
 * The gazetteer compiled from data: actors (countries, bodies) with aliases and
 * demonyms, places, titles. Everything crisis-specific lives in the JSON files;
 * `compileGazetteer` accepts other data so a different crisis needs no code change.
 */
import actorsData from './gazetteer/actors.json' with { type: 'json' };
import placesData from './gazetteer/places.json' with { type: 'json' };
import titlesData from './titles.json' with { type: 'json' };

/** One actor entry as written in gazetteer/actors.json. */
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
  titles: { title: string; role: string }[];
  roleWords: Record<string, string>;
}

/** What a surface form in the text can stand for. */
export interface Surface {
  /** Canonical actor, when the form names or qualifies one. */
  actor?: string;
  /** Canonical place, when the form can be a location (capitals, cities, countries). */
  place?: string;
  demonym: boolean;
  organization: boolean;
}

/** The compiled gazetteer used by extract(). */
export interface Gazetteer {
  surfaces: Map<string, Surface>;
  /** Surface forms by their first word, longest first: lookup is one Map hit per word of text. */
  byFirstWord: Map<string, string[]>;
  /**
   * A word of text (a maximal run of WORD_CHARS) that is a key of byFirstWord: the regex skips the
   * other words (most of them) far faster than a lookup of each could.
   */
  candidateWord: RegExp;
  actorKind: Map<string, string>;
  capitalOf: Map<string, string>;
  titles: { title: string; role: string }[];
  /** A lower-cased title → the role of the first of `titles` so written (what a find() over them gives). */
  roleOfTitle: Map<string, string>;
  titleRe: RegExp;
  roleWords: Map<string, string>;
  /** Lower-cased words that are never part of a person's name. */
  nameStop: Set<string>;
}

/** A word of text: the unit of gazetteer lookup. */
export const WORD_CHARS = 'A-Za-z0-9\\u00C0-\\u024F';
const FIRST_WORD = new RegExp(`^[${WORD_CHARS}]+`);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const COMMON_CAPITALISED = `the a an and or but of in on at to for from by with as after before during amid amidst
  about over under into near this that these those it its he she they we i you his her their our my your there here
  when while where what which who why how if then than not no yes also earlier later now today tomorrow yesterday
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  department state house base air force press news palace format agreements agreement peninsula group contact
  trilateral transatlantic week ministerial dialogue strategic stability session extraordinary political joint
  defense defence federation republic union united nations kingdom states eastern western northern southern central
  photo tweet share source world watch posted updated council committee ministry office affairs foreign national
  security adviser advisor deputy chief staff senior official officials government administration parliament army
  navy military intelligence service agency minister secretary president prime chancellor spokesman spokeswoman
  general commander ambassador envoy chairman mr ms mrs dr sir lord md dc am pm gmt utc ap afp reuters cnn abc
  bbc nbc cbs fox epa efe sputnik tass interfax credit getty images video live breaking update opinion analysis
  minsk normandy crimean donbas communist party democratic democrats republican republicans tory labour
  conservative liberal green greens left right north south east west new old great little big high low first
  second third last next former acting interim white black red blue green diplomacy diplomatic statement readout
  leader leaders king queen pope church institute university center centre summit meeting talks conference
  according following during despite both all some many several other another each every such`;

/** Compiles raw data into the lookup structures extract() uses. */
export function compileGazetteer(data: GazetteerData): Gazetteer {
  const surfaces = new Map<string, Surface>();
  const actorKind = new Map<string, string>();
  const capitalOf = new Map<string, string>();
  const put = (form: string, s: Partial<Surface>): void => {
    const prev = surfaces.get(form) ?? { demonym: false, organization: false };
    surfaces.set(form, { ...prev, ...Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) });
  };
  for (const a of data.actors) {
    // Bodies (alliances, councils) make a meeting multilateral; countries and armed groups are sides.
    const org = a.kind === 'organization';
    actorKind.set(a.name, a.kind);
    if (a.capital) capitalOf.set(a.name, a.capital);
    for (const alias of [a.name, ...a.aliases]) {
      // A capital or the country itself can be a place ("in Moscow", "to Ukraine"); a seat of
      // government that is not a city ("the Kremlin") locates at the capital.
      const place = org ? undefined : alias === a.capital || alias === a.name ? alias : undefined;
      put(alias, { actor: a.name, organization: org, place });
      if (alias.startsWith('the ')) put(alias.slice(4), { actor: a.name, organization: org });
    }
    for (const d of a.demonyms ?? []) if (!surfaces.has(d)) put(d, { actor: a.name, demonym: true, organization: org });
    if (a.capital && !surfaces.has(a.capital)) put(a.capital, { place: a.capital });
  }
  // Seats of government that are not cities ("the Kremlin", "the White House") sit in the capital.
  for (const [form, s] of surfaces) {
    if (s.actor && !s.place && !s.demonym && !s.organization && /\b(Kremlin|House|Palace|Street)\b/.test(form)) {
      const cap = capitalOf.get(s.actor);
      if (cap) surfaces.set(form, { ...s, place: cap });
    }
  }
  for (const p of data.places) if (!surfaces.has(p)) put(p, { place: p });
  const byFirstWord = new Map<string, string[]>();
  for (const form of [...surfaces.keys()].sort((a, b) => b.length - a.length)) {
    const first = FIRST_WORD.exec(form)?.[0];
    if (!first) continue;
    const list = byFirstWord.get(first) ?? [];
    list.push(form);
    byFirstWord.set(first, list);
  }
  const firstWords = [...byFirstWord.keys()].sort((x, y) => y.length - x.length).map(escape);
  const candidateWord = new RegExp(`(?<![${WORD_CHARS}])(?:${firstWords.join('|')})(?![${WORD_CHARS}])`, 'g');
  const titles = [...data.titles].sort((a, b) => b.title.length - a.title.length);
  const roleOfTitle = new Map<string, string>();
  for (const t of titles) if (!roleOfTitle.has(t.title.toLowerCase())) roleOfTitle.set(t.title.toLowerCase(), t.role);
  const titleRe = new RegExp(`(?<![\\p{L}])(?:${titles.map((t) => escape(t.title)).join('|')})(?![\\p{L}])`, 'giu');
  const nameStop = new Set(COMMON_CAPITALISED.split(/\s+/).filter(Boolean));
  // Acronyms ("UN", "EU") stop names only in capitals: "Kim Jong Un" keeps his "Un" (name tokens are never all capitals).
  for (const form of surfaces.keys())
    for (const w of form.split(/[\s-]+/)) if (!/^[A-Z0-9.]+$/.test(w) || w.length > 4) nameStop.add(w.toLowerCase());
  for (const t of data.titles) for (const w of t.title.split(/\s+/)) nameStop.add(w.toLowerCase().replace(/\.$/, ''));
  const roleWords = new Map(Object.entries(data.roleWords).filter(([k]) => !k.startsWith('$')));
  return {
    surfaces,
    byFirstWord,
    candidateWord,
    actorKind,
    capitalOf,
    titles,
    roleOfTitle,
    titleRe,
    roleWords,
    nameStop,
  };
}

/** The project's default gazetteer, from the JSON files beside this module. */
export const defaultGazetteerData: GazetteerData = {
  actors: actorsData.actors,
  places: placesData.places,
  titles: titlesData.titles,
  roleWords: titlesData.roleWords as Record<string, string>,
};
