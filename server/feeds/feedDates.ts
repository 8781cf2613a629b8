/**
 * A feed item's date → a report dateline. The item's own UTC offset is kept, so the dateline's
 * calendar day is the day where it was filed (extraction reads "Friday" against that day).
 *
 * Read without Date.parse, whose answer for a date without a zone depends on the server's time
 * zone: a date without a zone is UTC. RFC 822 dates are read in other languages too ("Seg, 24
 * Set 2018 19:42:40 -0300"): the weekday is ignored and the month is looked up by name in
 * English, Portuguese, Spanish, French, German, Italian and Dutch.
 */

/** Zone names feeds use, in minutes east of UTC (RFC 822's and a few common ones). */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  MEZ: 60,
  MESZ: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  JST: 540,
  KST: 540,
  HKT: 480,
  SGT: 480,
  AEST: 600,
  AEDT: 660,
};

/** Month names and abbreviations, lower case without accents, in the languages above. */
const MONTHS: Record<string, number> = {};
const monthNames: string[][] = [
  [
    'jan',
    'january',
    'janeiro',
    'ene',
    'enero',
    'janv',
    'janvier',
    'januar',
    'gen',
    'gennaio',
    'januari',
    'jän',
    'jaen',
  ],
  ['feb', 'february', 'fev', 'fevereiro', 'febrero', 'fevr', 'fevrier', 'februar', 'febbraio', 'februari'],
  ['mar', 'march', 'marco', 'marzo', 'mars', 'marz', 'maerz', 'maart', 'mrt', 'maa'],
  ['apr', 'april', 'abr', 'abril', 'avr', 'avril', 'aprile'],
  ['may', 'mai', 'maio', 'mayo', 'mag', 'maggio', 'mei'],
  ['jun', 'june', 'junho', 'junio', 'juin', 'juni', 'giu', 'giugno'],
  ['jul', 'july', 'julho', 'julio', 'juil', 'juillet', 'juli', 'lug', 'luglio'],
  ['aug', 'august', 'ago', 'agosto', 'aou', 'aout', 'augustus'],
  ['sep', 'sept', 'september', 'set', 'setembro', 'septiembre', 'setiembre', 'septembre', 'settembre'],
  ['oct', 'october', 'out', 'outubro', 'octubre', 'octobre', 'okt', 'oktober', 'ott', 'ottobre'],
  ['nov', 'november', 'novembro', 'noviembre', 'novembre'],
  ['dec', 'december', 'dez', 'dezembro', 'dic', 'diciembre', 'decembre', 'dezember', 'dicembre'],
];
monthNames.forEach((names, i) => {
  for (const name of names) MONTHS[name] = i + 1;
});

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');

function monthOf(name: string): number | undefined {
  const key = fold(name);
  return MONTHS[key] ?? (key.length > 4 ? MONTHS[key.slice(0, 4)] : undefined) ?? MONTHS[key.slice(0, 3)];
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The dateline for a wall-clock time at an offset, or undefined when the fields are no real date. */
function datelineOf(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offset: number,
  fraction = '',
): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) return undefined; // 31 February
  if (Math.abs(offset) > 18 * 60) return undefined;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(Math.min(s, 59))}${fraction}${formatOffset(offset)}`;
}

function zoneMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0; // no zone: UTC
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  return ZONES[zone.toUpperCase()];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
/** [weekday,] day month year time [zone], the weekday and month in any of the languages above. */
const RFC822 =
  /^(?:[\p{L}.]+,?\s+)?(\d{1,2})\.?\s+([\p{L}.]{3,12})\s+(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}))?$/u;

/**
 * The dateline for a feed date (RSS `pubDate` in RFC 822, in English or another language; Atom
 * and `dc:date` in RFC 3339), or undefined when it is missing or unreadable. A date without a
 * zone is read as UTC.
 */
export function datelineFromFeedDate(raw: string | undefined): string | undefined {
  const value = raw?.trim().replace(/\s+/g, ' ');
  if (!value || value.length > 100) return undefined;
  const iso = ISO.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, fraction, zone] = iso;
    if (h === undefined) return datelineOf(+y, +mo, +d, 0, 0, 0, 0) ? `${y}-${mo}-${d}` : undefined;
    const offset = zoneMinutes(zone);
    if (offset === undefined) return undefined;
    return datelineOf(+y, +mo, +d, +h, +mi, Number(s ?? 0), offset, fraction ?? '');
  }
  const rfc = RFC822.exec(value);
  if (rfc) {
    const [, d, monthName, year, h, mi, s, zone] = rfc;
    const month = monthOf(monthName);
    const offset = zoneMinutes(zone);
    if (month === undefined || offset === undefined) return undefined;
    const y = year.length === 2 ? (Number(year) < 50 ? 2000 : 1900) + Number(year) : Number(year);
    return datelineOf(y, month, +d, +h, +mi, Number(s ?? 0), offset);
  }
  return undefined;
}
