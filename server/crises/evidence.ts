/**
 * How strongly one report speaks of one crisis: the evidence found for it (a tally), its strength
 * in points, and the sentence the desk shows. A report belongs to a crisis when the strength
 * reaches THRESHOLD.
 *
 * Strong evidence reaches the threshold alone:
 * - one of the crisis' keywords, anywhere (a phrase that belongs to this crisis alone);
 * - a troop figure in the crisis: troops located at one of its places or its principal theatre
 *   (whoever's they are), or one side's troops located at another side;
 * - talks between two sides of the crisis (meeting participants, or people the report introduces
 *   as theirs).
 * Weaker evidence adds up:
 * - the sides: each side named weighs 2 when in the title or lead, 1 when only later, one more
 *   when named three times or more (at most 3). Two sides count together, but the stronger one by
 *   at most one point more than the weaker: a crisis strongly present by one side and named once
 *   in passing by the other is not yet there. One side alone gives at most 1 point, however often
 *   it is named: naming Russia, or Israel, is not a report on their war.
 * - the principal pair: when the crisis' headline force and its theatre are both named, one of
 *   them in the title or lead, one more point: a report led by Russia that names Ukraine is about
 *   their crisis, where a report led by Israel that names Iran once need not be about Israel–Iran
 *   (a crisis without a principal).
 * - the places: one in the title or lead gives 3; places named again or only later give 1
 *   together (a place of the crisis in the lead and named again is enough; one passing mention
 *   late in the text is not).
 */

/** Points a report needs to belong to a crisis. */
export const THRESHOLD = 4;
export const STRONG = THRESHOLD;
const LEAD_SIDE = 2;
const LATER_SIDE = 1;
const REPEATED = 3;
const MAX_SIDE = 3;
const SINGLE_SIDE = 1;
const LEAD_PLACE = 3;
const LATER_PLACES = 1;
const PRINCIPAL_PAIR = 1;
/** Names listed per kind in a reason. */
const LISTED = 3;

export interface Mention {
  lead: boolean;
  count: number;
}

/** The evidence found for one crisis in one report. */
export interface Tally {
  /** Sides named, by canonical actor name. */
  sides: Map<string, Mention>;
  places: Map<string, Mention>;
  keywords: Map<string, Mention>;
  /** The first troop figure in the crisis: whose troops (canonical actor) and where. */
  troops?: { actor?: string; where: string };
  /** The first talks between two sides. */
  talks?: [string, string];
}

export const emptyTally = (): Tally => ({ sides: new Map(), places: new Map(), keywords: new Map() });

/** Counts one mention of `name` in `into`. */
export function mention(into: Map<string, Mention>, name: string, lead: boolean): void {
  const m = into.get(name);
  if (m) {
    m.count++;
    if (lead) m.lead = true;
  } else into.set(name, { lead, count: 1 });
}

function sideWeight(m: Mention): number {
  return Math.min(MAX_SIDE, (m.lead ? LEAD_SIDE : LATER_SIDE) + (m.count >= REPEATED ? 1 : 0));
}

/** The points of the sides: the two best, the stronger capped at one above the weaker. */
export function sidePoints(sides: ReadonlyMap<string, Mention>): number {
  let s1 = 0;
  let s2 = 0;
  for (const m of sides.values()) {
    const s = sideWeight(m);
    if (s > s1) [s1, s2] = [s, s1];
    else if (s > s2) s2 = s;
  }
  return s2 > 0 ? Math.min(s1, s2 + 1) + s2 : Math.min(s1, SINGLE_SIDE);
}

/** The points of the places: one in the lead, and places named (again) after it. */
export function placePoints(places: ReadonlyMap<string, Mention>): number {
  let lead = false;
  let again = false;
  for (const m of places.values()) {
    if (m.lead) lead = true;
    if (!m.lead || m.count > 1) again = true;
  }
  return (lead ? LEAD_PLACE : 0) + (again ? LATER_PLACES : 0);
}

/** The principal pair's point: its force and theatre both named, one of them in the lead. */
export function principalPoints(t: Tally, principal: [string, string] | undefined): number {
  if (!principal) return 0;
  const force = t.sides.get(principal[0]);
  const theatre = t.sides.get(principal[1]) ?? t.places.get(principal[1]);
  return force && theatre && (force.lead || theatre.lead) ? PRINCIPAL_PAIR : 0;
}

/** How a crisis' names show in reasons, and its principal pair. */
export interface Naming {
  /** The principal's force and theatre, canonical, when the crisis has a principal. */
  principal?: [force: string, theatre: string];
  side: (canonical: string) => string;
  /** "Russian" for Russia; undefined when the gazetteer has none. */
  demonym: (canonical: string) => string | undefined;
}

/** "Russia (lead), Ukraine": lead mentions first, then the most named, at most LISTED names. */
function listed(m: ReadonlyMap<string, Mention>, show: (name: string) => string): string {
  // Sorting is stable: among equals the map's first-seen order stays.
  const names = [...m.entries()]
    .sort((a, b) => Number(b[1].lead) - Number(a[1].lead) || b[1].count - a[1].count)
    .map(([n, x]) => show(n) + (x.lead ? ' (lead)' : ''));
  const more = names.length - LISTED;
  return names.slice(0, LISTED).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/** The strength of the evidence and the sentence that says what matched. */
export function assess(t: Tally, naming: Naming): { points: number; reason: string } {
  const parts: string[] = [];
  let points = 0;
  if (t.troops) {
    points += STRONG;
    const whose = t.troops.actor ? (naming.demonym(t.troops.actor) ?? naming.side(t.troops.actor)) + ' ' : '';
    parts.push(`${whose}troops near ${t.troops.where} (troop figure)`);
  }
  if (t.talks) {
    points += STRONG;
    parts.push(`talks between ${naming.side(t.talks[0])} and ${naming.side(t.talks[1])}`);
  }
  const sides = sidePoints(t.sides) + principalPoints(t, naming.principal);
  if (sides > 0) {
    points += sides;
    parts.push(`${t.sides.size > 1 ? 'sides' : 'side'}: ${listed(t.sides, naming.side)}`);
  }
  const places = placePoints(t.places);
  if (places > 0) {
    points += places;
    parts.push(`${t.places.size > 1 ? 'places' : 'place'}: ${listed(t.places, (n) => n)}`);
  }
  if (t.keywords.size > 0) {
    points += STRONG;
    parts.push(`${t.keywords.size > 1 ? 'keywords' : 'keyword'}: ${listed(t.keywords, (n) => n)}`);
  }
  return { points, reason: parts.join('; ') };
}
