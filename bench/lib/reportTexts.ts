/**
 * Deterministic, distinct news-like reports of about 3 KB for the benches: sentences built
 * from templates (written for this project) with varying figures, places, days and actors,
 * so extraction does the work a real wire story asks of it (dates, troop counts, meetings,
 * tension phrases). Report `i` of run `runId` is always the same text.
 */
import { rng } from '../../test/helpers/rng.js';

const ACTORS = [
  ['Russia', 'Ukraine'],
  ['the United States', 'Russia'],
  ['NATO', 'Russia'],
  ['Belarus', 'Ukraine'],
  ['Germany', 'Russia'],
];
const PEOPLE = [
  ['Secretary of State Antony Blinken', 'Foreign Minister Sergey Lavrov'],
  ['President Joe Biden', 'President Vladimir Putin'],
  ['Chancellor Olaf Scholz', 'President Volodymyr Zelensky'],
  ['Foreign Minister Annalena Baerbock', 'Foreign Minister Dmytro Kuleba'],
];
const PLACES = ['Geneva', 'Vienna', 'Brussels', 'Berlin', 'Kyiv', 'Moscow', 'Paris', 'Warsaw', 'Minsk', 'Helsinki'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

type Slots = {
  a: string;
  b: string;
  p: string;
  q: string;
  place: string;
  other: string;
  day: string;
  day2: string;
  n: number;
  m: number;
  k: number;
};

const TEMPLATES: ((s: Slots) => string)[] = [
  (s) =>
    `${s.p} will meet ${s.q} in ${s.place} on ${s.day}, officials said, in what diplomats described as a last attempt to find a way out of the standoff.`,
  (s) =>
    `Officials in Washington said ${s.a} has moved more than ${s.n.toLocaleString('en-US')} troops near the border with ${s.b}.`,
  (s) =>
    `A senior Western intelligence official said ${s.a} now has about ${s.m.toLocaleString('en-US')} soldiers massed along the frontier and warned the figure could double within weeks.`,
  (s) =>
    `${s.p} and ${s.q} spoke by phone on ${s.day2}, and both sides said the call was frank but did not produce a breakthrough.`,
  (s) =>
    `The Kremlin denied any plan to attack and accused the alliance of provocations, while ${s.b} warned of a possible invasion.`,
  (s) =>
    `Talks held in ${s.other} on January ${s.k} faltered after neither side moved on its core demands, according to people familiar with the discussions.`,
  (s) =>
    `Ministers are expected to gather in ${s.place} later this week; the meeting could be postponed if the military build-up continues.`,
  (s) =>
    `${s.b} said it would not accept any deal made without it, and called on partners to prepare sanctions that would bite at once.`,
  (s) =>
    `Satellite images reviewed by analysts showed armoured units, field hospitals and fuel depots about ${s.k * 10} kilometres from the border.`,
  (s) =>
    `Diplomats cautioned that they do not expect any breakthroughs, though a second round of talks in ${s.place} has not been ruled out.`,
  (s) =>
    `The alliance said it would send an additional ${(s.k * 100).toLocaleString('en-US')} troops to its eastern members and placed forces on standby.`,
  (_s) =>
    `Markets fell on the news, and energy prices rose as traders weighed the risk that gas supplies through the pipeline could be cut.`,
  (s) =>
    `${s.q} said the demands were not an ultimatum but warned that ${s.a} would respond with military-technical measures if they were ignored.`,
  (s) =>
    `Envoys held a video call on ${s.day2} to coordinate their positions before the ${s.place} meeting, a spokesperson said.`,
  (_s) =>
    `Residents of the border region described columns of trucks moving at night and said shops had run short of bread and fuel.`,
  (_s) =>
    `A cease-fire along the line of contact was violated several times overnight, monitors reported, with shelling near two villages.`,
];

export type BenchReport = { text: string; dateline: string; title: string; source: string };

/** Report `i` of a run, about `targetChars` long (default 3 KB). Distinct for every (runId, i). */
export function benchReport(runId: string, i: number, targetChars = 3000): BenchReport {
  const rnd = rng(i * 7919 + runId.length * 104729 + [...runId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0));
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const [a, b] = pick(ACTORS);
  const [p, q] = pick(PEOPLE);
  const slots: Slots = {
    a,
    b,
    p,
    q,
    place: pick(PLACES),
    other: pick(PLACES),
    day: pick(DAYS),
    day2: pick(DAYS),
    n: 90_000 + Math.floor(rnd() * 40) * 1_000,
    m: 100_000 + Math.floor(rnd() * 80) * 1_000,
    k: 3 + Math.floor(rnd() * 20),
  };
  // Filed from a place of the bench stack's crisis, so every dispatch is folded into it.
  const parts = [`Dispatch ${i} of bench run ${runId}, filed from Kyiv.`];
  let length = parts[0].length;
  let t = Math.floor(rnd() * TEMPLATES.length);
  while (length < targetChars) {
    const sentence = TEMPLATES[t % TEMPLATES.length](slots);
    parts.push(sentence);
    length += sentence.length + 1;
    t += 1 + Math.floor(rnd() * 3);
  }
  const day = 10 + (i % 19);
  return {
    text: parts.join(' ').slice(0, targetChars + 200),
    dateline: `2022-01-${String(day).padStart(2, '0')}`,
    title: `Bench dispatch ${i}`,
    source: 'Crisis Desk bench',
  };
}

/**
 * A short report that should produce no tension, troop or meeting change: only `report.added`,
 * on the stream of the crisis the bench stack follows (its places put it there).
 */
export function quietReport(runId: string, i: number): BenchReport {
  return {
    text: `Bench note ${i} of run ${runId} from Kyiv: the weather in Kyiv and Lviv was mild and the museums were open as usual.`,
    dateline: '2022-01-20',
    title: `Bench note ${i}`,
    source: 'Crisis Desk bench',
  };
}
