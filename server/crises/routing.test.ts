import { describe, expect, it } from 'vitest';
import type { Crisis } from '../../shared/crisis.js';
import { emptyExtraction, type Extraction, type MeetingMention, type TroopMention } from '../../shared/extraction.js';
import { compileRouting, LEAD_CHARS, MAX_TEXT_CHARS } from './routing.js';
import { sampleCrises } from './sampleCrises.js';

const router = compileRouting(sampleCrises());
const slugs = (text: string, facts: Extraction = emptyExtraction(), title?: string): string[] =>
  router.route({ text, title }, facts).map((r) => r.slug);
const reasonOf = (slug: string, text: string, facts: Extraction = emptyExtraction()): string | undefined =>
  router.route({ text }, facts).find((r) => r.slug === slug)?.reason;

/** Neutral sentences that push what follows out of the lead. */
const filler = (chars: number): string => {
  const s = 'The weather stayed mild, the markets were calm and the city council met to discuss the new bus lanes. ';
  return s.repeat(Math.ceil(chars / s.length));
};

const troop = (t: Partial<TroopMention>): TroopMention => ({
  value: 10_000,
  qualifier: 'about',
  hypothetical: false,
  evidence: { text: '', start: 0, end: 0 },
  ...t,
});
const meeting = (participants: string[]): MeetingMention => ({
  participants,
  place: null,
  date: null,
  kind: 'in-person',
  status: 'held',
  evidence: { text: '', start: 0, end: 0 },
});
const facts = (x: Partial<Extraction>): Extraction => ({ ...emptyExtraction(), ...x });

const crisis = (c: Partial<Crisis> & { slug: string }): Crisis => ({
  name: c.slug,
  actors: [],
  places: [],
  keywords: [],
  createdAt: '2030-01-01T00:00:00.000Z',
  ...c,
});

describe('naming a side is not enough', () => {
  it('a report on a drill around Taiwan that recalls Russia and Ukraine once, late, is not Ukraine’s', () => {
    const text =
      'China sent warships and fighter jets around Taiwan on Monday in a large exercise, Taiwan’s defence ministry said. ' +
      'Beijing called the drill a warning to forces seeking independence for the island. ' +
      filler(500) +
      'Some analysts in Taipei compared the pressure to the way Russia moved against Ukraine before its invasion.';
    expect(slugs(text)).toEqual(['china-taiwan']);
  });

  it('a report about Russia alone, however often named, belongs to no crisis', () => {
    const text =
      'Russia and Brazil signed a fertiliser deal in Moscow on Tuesday. Russian officials said the Kremlin expected ' +
      'exports to grow, and Russia’s trade minister praised the Russian and Brazilian negotiators.';
    expect(slugs(text)).toEqual([]);
  });

  it('talks between the United States and Russia on arms control that never name Ukraine stay out', () => {
    const text =
      'U.S. and Russian diplomats met in Vienna to discuss the future of nuclear arms control. Washington and Moscow ' +
      'said the talks on warhead limits would continue next month.';
    expect(slugs(text, facts({ meetings: [meeting(['United States', 'Russia'])] }))).toEqual([]);
  });

  it('a report on India and Pakistan over Kashmir is theirs alone, even when it names Russia and America', () => {
    const text =
      'India and Pakistan traded artillery fire across the Line of Control in Kashmir overnight, officials on both ' +
      'sides said. The United States urged restraint, and Russia offered to host talks between the two neighbours.';
    expect(slugs(text)).toEqual(['india-pakistan']);
  });

  it('a report led by Israel and Gaza that names Iran once later is not about Israel and Iran', () => {
    const text =
      'Israeli strikes hit Rafah and Khan Younis overnight as Israel pressed its offensive against Hamas in Gaza. ' +
      filler(450) +
      'Hamas, which receives weapons from Iran, said it would keep fighting.';
    expect(slugs(text)).toEqual(['israel-gaza']);
  });
});

describe('several crises at once', () => {
  it('North Korean troops sent to fight for Russia against Ukraine belong to both crises', () => {
    const text =
      'North Korean troops have arrived in Russia and are expected to fight against Ukraine within days, officials ' +
      'said. Ukrainian commanders reported the first clashes with the newcomers near the front.';
    const routed = router.route({ text }, emptyExtraction());
    expect(routed.map((r) => r.slug)).toEqual(['russia-ukraine', 'korean-peninsula']);
    expect(routed[1].reason).toContain('keyword: North Korean troops');
  });

  it('keeps the order in which the crises were given', () => {
    const r = compileRouting([...sampleCrises()].reverse());
    const text = 'North Korean troops joined Russia’s war on Ukraine, Ukrainian and Russian sources said.';
    expect(r.route({ text }, emptyExtraction()).map((x) => x.slug)).toEqual(['korean-peninsula', 'russia-ukraine']);
  });
});

describe('strong evidence', () => {
  it('a keyword of a crisis is enough on its own, anywhere in the text', () => {
    const text = filler(800) + 'Diplomats said the Minsk agreements were still the basis of any settlement.';
    expect(slugs(text)).toEqual(['russia-ukraine']);
    expect(reasonOf('russia-ukraine', text)).toBe('keyword: Minsk agreements');
  });

  it('talks between two sides belong to the crisis, the sides known through their negotiators', () => {
    const text =
      'Delegations gathered at a lakeside hotel on Friday for a first round of talks. ' +
      filler(450) +
      'Ukrainian envoy Oleh Marchuk sat across from Russian deputy minister Pavel Dorin for three hours.';
    expect(slugs(text)).toEqual([]); // each side named once, late: not enough alone
    const withTalks = facts({ meetings: [meeting(['Oleh Marchuk', 'Pavel Dorin'])] });
    expect(slugs(text, withTalks)).toEqual(['russia-ukraine']);
    expect(reasonOf('russia-ukraine', text, withTalks)).toMatch(/^talks between Ukraine and Russia; /);
  });

  it('talks between two sides named as countries belong to the crisis', () => {
    const text = 'The two delegations met behind closed doors for four hours.';
    expect(slugs(text, facts({ meetings: [meeting(['Armenia', 'Azerbaijan', 'European Union'])] }))).toEqual([
      'armenia-azerbaijan',
    ]);
  });

  it('a troop figure of one side at the other side is enough: Russian troops near Ukraine', () => {
    const text = 'Satellite pictures showed new field hospitals and fuel depots.';
    const f = facts({ troops: [troop({ actor: 'Russia', location: 'the border with Ukraine' })] });
    expect(slugs(text, f)).toEqual(['russia-ukraine']);
    expect(reasonOf('russia-ukraine', text, f)).toBe('Russian troops near Ukraine (troop figure)');
  });

  it('a troop figure at a place of the crisis counts whoever’s troops they are', () => {
    const text = 'The soldiers were seen unloading from trains at night.';
    const f = facts({ troops: [troop({ actor: 'North Korea', location: 'the Kursk region' })] });
    expect(reasonOf('russia-ukraine', text, f)).toBe('North Korean troops near Kursk region (troop figure)');
  });

  it('a troop figure of a side far from the crisis is not enough', () => {
    const text = 'The contingent will stay until the spring, the ministry said.';
    expect(slugs(text, facts({ troops: [troop({ actor: 'Russia', location: 'Syria' })] }))).toEqual([]);
    expect(slugs(text, facts({ troops: [troop({ actor: 'Russia' })] }))).toEqual([]);
  });
});

describe('prominence', () => {
  it('one passing mention of a place, even in the lead, is not enough alone', () => {
    expect(slugs('A book fair opened in Kharkiv on Saturday.')).toEqual([]);
    expect(slugs('A book fair opened in Kharkiv on Saturday; Kharkiv’s mayor cut the ribbon.')).toEqual([
      'russia-ukraine',
    ]);
  });

  it('a place of the crisis in the lead weighs more than the same place late in the text', () => {
    const lead = 'Shelling hit Kharkiv overnight, Ukrainian officials said, damaging a power station.';
    expect(slugs(lead)).toEqual(['russia-ukraine']);
    const late = filler(LEAD_CHARS + 50) + lead;
    expect(slugs(late)).toEqual([]);
  });

  it('the title is part of the lead', () => {
    const body = filler(LEAD_CHARS + 50) + 'Ukrainian officials said repairs would take weeks.';
    expect(slugs(body)).toEqual([]);
    expect(slugs(body, emptyExtraction(), 'Shelling hits Kharkiv power station')).toEqual(['russia-ukraine']);
  });

  it('both sides named repeatedly count even far from the lead', () => {
    const body =
      'Russia and Ukraine exchanged accusations. Russia said drones had hit a depot; Ukraine denied it. ' +
      'Later Russia and Ukraine agreed to a short truce.';
    expect(slugs(filler(LEAD_CHARS + 50) + body)).toEqual(['russia-ukraine']);
  });

  it('a report led by the headline force that names its theatre once is about the crisis', () => {
    const text =
      'Russia rejected new demands from the West on Tuesday, the Kremlin said, as Russian diplomats prepared for talks. ' +
      filler(450) +
      'Western capitals want guarantees that Russia will not move against Ukraine.';
    expect(slugs(text)).toEqual(['russia-ukraine']);
    expect(reasonOf('russia-ukraine', text)).toBe('sides: Russia (lead), Ukraine');
  });
});

describe('rules and names', () => {
  it('a crisis with no rules gathers nothing', () => {
    const r = compileRouting([crisis({ slug: 'empty' }), crisis({ slug: 'baltic', places: ['Narva'] })]);
    expect(r.slugs).toEqual(['baltic']);
    const text = 'Border guards in Narva reported a quiet night. The Narva crossing stayed open.';
    expect(r.route({ text }, emptyExtraction())).toEqual([{ slug: 'baltic', reason: 'place: Narva (lead)' }]);
    expect(compileRouting([]).route({ text: 'Anything at all.' }, emptyExtraction())).toEqual([]);
  });

  it('takes the aliases and demonyms of a side from the gazetteer', () => {
    const r = compileRouting([crisis({ slug: 'caucasus', actors: ['Armenia', 'Azerbaijan'] })]);
    const text =
      'Yerevan accused Baku of shelling border villages; Azerbaijani officials denied it, Armenian media said.';
    expect(r.route({ text }, emptyExtraction())).toEqual([
      { slug: 'caucasus', reason: 'sides: Armenia (lead), Azerbaijan (lead)' },
    ]);
  });

  it('an actor the gazetteer does not know is matched by its own name', () => {
    const r = compileRouting([crisis({ slug: 'sahel', actors: ['Mali', 'Wagner Group'] })]);
    const text = 'Mali said fighters of the Wagner Group had left two bases in the north.';
    expect(r.route({ text }, emptyExtraction()).map((x) => x.slug)).toEqual(['sahel']);
  });

  it('a capitalised name must be capitalised in the text, a short acronym written as such', () => {
    const r = compileRouting([crisis({ slug: 'strait', actors: ['Turkey', 'Greece'], keywords: ['US base'] })]);
    const text = 'Greece and the turkey farmers of us all met to talk about feed prices.';
    expect(r.route({ text }, emptyExtraction())).toEqual([]);
  });

  it('the extraction’s places and bodies count when the text scan missed them', () => {
    const r = compileRouting([crisis({ slug: 'gulf', actors: ['Iran', 'Israel'], places: ['Natanz'] })]);
    const f = facts({ entities: { people: [], places: ['Natanz'], organizations: [] } });
    // Israel in the lead, Natanz only from the extraction (a later mention): 1 + 1 is not enough...
    expect(r.route({ text: 'Israel said it was watching closely.' }, f)).toEqual([]);
    // ...but with Iran in the lead too it is.
    expect(r.route({ text: 'Israel and Iran traded threats.' }, f)[0].reason).toBe(
      'sides: Israel (lead), Iran (lead); place: Natanz',
    );
  });
});

describe('bounds', () => {
  it('a 100,000-character hostile text gives a bounded result and a short reason', () => {
    const unit = 'Russia Ukraine Donbas Kyiv Minsk agreements North Korean troops Gaza Kashmir Taiwan China India ';
    const text = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const routed = router.route({ text, title: text }, emptyExtraction());
    expect(routed.length).toBeLessThanOrEqual(router.slugs.length);
    for (const r of routed) expect(r.reason.length).toBeLessThan(300);
  });

  it('a text of words that all start phrases but never finish them is read once', () => {
    const text = 'North South Gaza Line of '.repeat(20_000);
    expect(router.route({ text }, emptyExtraction()).map((r) => r.slug)).toEqual(['israel-gaza']);
  });

  it('reads a text only up to MAX_TEXT_CHARS', () => {
    const text = 'x '.repeat(MAX_TEXT_CHARS / 2) + 'The Minsk agreements were discussed.';
    expect(slugs(text)).toEqual([]);
  });

  it('survives extractions with many facts and odd values', () => {
    const many = facts({
      troops: Array.from({ length: 5_000 }, () => troop({ actor: 'Russia', location: 'x'.repeat(10_000) })),
      meetings: Array.from({ length: 5_000 }, () => meeting(['A'.repeat(10_000), 'Pavel Dorin'])),
    });
    expect(router.route({ text: 'Pavel Dorin spoke. '.repeat(5_000) }, many)).toEqual([]);
  });
});
