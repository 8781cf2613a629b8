/**
 * The corpus scorer, a faithful port of ../shared/corpus/score.py (rules in that
 * corpus' README). Pure: the caller reads files. Python semantics that matter for
 * identical output are reproduced on purpose: truthiness, `str()` of values,
 * tuple ordering in the greedy match, and `format(x, '.2f')` rounding.
 */

/** One corpus document as read from disk (only the fields the scorer uses). */
export interface CorpusDoc {
  /** File name, e.g. "000-seed.json". */
  file: string;
  doc: { id?: unknown; truth: Record<string, unknown>; [k: string]: unknown };
}

/** Per-file counts, in the order score.py prints them. */
export type FileRow = [
  id: string,
  troopTp: number,
  troopPred: number,
  troopTruth: number,
  matched: number,
  meetingPred: number,
  meetingTruth: number,
];

/** The scorer's result, shaped like score.py's. */
export interface ScoreResult {
  troops: { precision: number; recall: number; f1: number; tp: number; pred: number; truth: number };
  meetings: { precision: number; recall: number; f1: number; matched: number; pred: number; truth: number };
  attributes: { date: number; place: number; kind: number; status: number };
  direction: number;
  /** Routing to ROUTED_CRISIS, when predictions carry `crises`; null when none does. */
  routing: RoutingScore | null;
  files: FileRow[];
}

/** The crisis whose routing is scored: the sample scenario's, as in score.py. */
export const ROUTED_CRISIS = 'russia-ukraine';

/** Assignment of reports to ROUTED_CRISIS: right, wrongly in, wrongly out. */
export interface RoutingScore {
  crisis: string;
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

const ALIAS_GROUPS = [
  ['united states', 'us', 'u.s.', 'usa', 'america', 'washington', 'united states of america', 'the united states'],
  ['russia', 'russian federation', 'kremlin', 'moscow'],
  ['ukraine', 'kyiv', 'kiev'],
  ['united kingdom', 'uk', 'britain', 'great britain', 'u.k.'],
  ['european union', 'eu'],
  ['nato', 'north atlantic council', 'nato-russia council', 'north atlantic treaty organization'],
  ['osce', 'osce permanent council', 'organization for security and co-operation in europe'],
  ['un security council', 'united nations security council', 'security council', 'unsc'],
  [
    'zelensky',
    'zelenskiy',
    'zelenskyy',
    'selenskyj',
    'volodymyr zelensky',
    'volodymyr zelenskiy',
    'volodymyr zelenskyy',
  ],
];
const ALIASES = new Map<string, string>();
for (const g of ALIAS_GROUPS) for (const n of g) ALIASES.set(n, g[0]);
const COUNTRY_LIKE = new Set([
  ...ALIASES.keys(),
  'france',
  'germany',
  'belarus',
  'china',
  'poland',
  'nato',
  'osce',
  'european union',
]);

// Python's str.split() with no argument splits on runs of Unicode whitespace.
// eslint-disable-next-line no-control-regex -- Python counts the separators U+001C..U+001F as whitespace too.
const PY_WS = /[\s\u001c-\u001f\u0085]+/u;
const pySplit = (s: string): string[] => s.split(PY_WS).filter((w) => w.length > 0);

/** Python's `str(v)` for JSON values. */
export function pyStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNum(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`)
    .join(', ')}}`;
}

function pyRepr(v: unknown): string {
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return pyStr(v);
}

function pyNum(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  const s = String(n);
  return s.includes('e') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
}

/** Python truthiness of a JSON value. */
function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// isinstance(x, (int, float)) is true for Python's bool too (JSON true/false).
const isPyNumber = (v: unknown): v is number | boolean => typeof v === 'number' || typeof v === 'boolean';
const num = (v: number | boolean): number => (typeof v === 'boolean' ? Number(v) : v);

function stripChars(s: string, chars: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a])) a++;
  while (b > a && chars.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

/** The participant key of score.py's `key()`. */
export function participantKey(participant: unknown): string {
  let p = pySplit(pyStr(participant).toLowerCase().replace(/’/g, "'")).join(' ');
  if (p.startsWith('the ')) p = p.slice(4);
  const direct = ALIASES.get(p);
  if (direct !== undefined) return direct;
  if (COUNTRY_LIKE.has(p)) return p;
  const words = pySplit(p)
    .map((w) => stripChars(w, ','))
    .filter((w) => w.length > 0);
  const last = words.length > 0 ? words[words.length - 1] : p;
  const a = ALIASES.get(last);
  if (a) return a;
  const dotless = stripChars(last, '.');
  return ALIASES.get(dotless) ?? dotless;
}

function norm(v: unknown): string | null {
  return v === null || v === undefined ? null : pySplit(pyStr(v).toLowerCase()).join(' ');
}

/** Python's `==` on JSON values (numbers and bools compare by value). */
function pyEq(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (isPyNumber(a) && isPyNumber(b)) return num(a) === num(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEq(x, b[i]));
  if (isDict(a) && isDict(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && pyEq(a[k], b[k]));
  }
  return a === b;
}

const pairKey = (v: number, h: boolean): string => `${v}|${h}`;

type Cand = [date: boolean, kind: boolean, place: boolean, shared: number, i: number, j: number];

function cmpDesc(x: Cand, y: Cand): number {
  for (let k = 0; k < x.length; k++) {
    const a = Number(x[k]);
    const b = Number(y[k]);
    if (a !== b) return b - a;
  }
  return 0;
}

function f1(tp: number, pred: number, truth: number): [number, number, number] {
  const p = pred ? tp / pred : truth === 0 ? 1.0 : 0.0;
  const r = truth ? tp / truth : 1.0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0.0];
}

/** Scores predictions ({corpus id: extraction}) against corpus documents, sorted by file name as score.py does. */
export function score(docs: CorpusDoc[], preds: Record<string, unknown>): ScoreResult {
  let tTp = 0,
    tPred = 0,
    tTruth = 0,
    mMatch = 0,
    mPred = 0,
    mTruth = 0,
    dirOk = 0,
    dirN = 0;
  const attr: Record<'date' | 'place' | 'kind' | 'status', [number, number]> = {
    date: [0, 0],
    place: [0, 0],
    kind: [0, 0],
    status: [0, 0],
  };
  const files: FileRow[] = [];
  const sorted = docs
    .filter((d) => d.file.endsWith('.json'))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { file, doc } of sorted) {
    const cid = corpusId(file, doc);
    const ex = predictionOf(preds, cid);
    const truth = doc.truth;
    const tp = new Set<string>();
    for (const t of (truth.troop_counts as Record<string, unknown>[] | undefined) ?? [])
      tp.add(pairKey(Number(t.value), truthy(t.hypothetical ?? false)));
    const pp = new Set<string>();
    const exTroops = truthy(ex.troops) && Array.isArray(ex.troops) ? ex.troops : [];
    for (const t of exTroops)
      if (isDict(t) && isPyNumber(t.value)) pp.add(pairKey(num(t.value), truthy(t.hypothetical ?? false)));
    const inter = [...tp].filter((x) => pp.has(x)).length;
    tTp += inter;
    tPred += pp.size;
    tTruth += tp.size;
    // meetings
    const tm = (truth.meetings as Record<string, unknown>[] | undefined) ?? [];
    const exMeetings = truthy(ex.meetings) && Array.isArray(ex.meetings) ? ex.meetings : [];
    const pm = exMeetings.filter((m): m is Record<string, unknown> => isDict(m) && Array.isArray(m.participants));
    mPred += pm.length;
    mTruth += tm.length;
    const cands: Cand[] = [];
    tm.forEach((t, i) => {
      const tk = new Set(((t.participants as unknown[] | undefined) ?? []).map(participantKey));
      const need = Math.min(2, tk.size);
      pm.forEach((p, j) => {
        const pk = new Set((p.participants as unknown[]).map(participantKey));
        const shared = [...tk].filter((k) => pk.has(k)).length;
        if (shared >= need && need > 0) {
          cands.push([pyEq(p.date, t.date), pyEq(p.kind, t.kind), norm(p.place) === norm(t.place), shared, i, j]);
        }
      });
    });
    cands.sort(cmpDesc);
    const usedT = new Set<number>();
    const usedP = new Set<number>();
    let matched = 0;
    for (const c of cands) {
      const i = c[4];
      const j = c[5];
      if (usedT.has(i) || usedP.has(j)) continue;
      usedT.add(i);
      usedP.add(j);
      matched++;
      const t = tm[i];
      const p = pm[j];
      for (const a of ['date', 'place', 'kind', 'status'] as const) {
        const tv = norm(t[a]);
        const pv = norm(p[a]);
        if (a === 'kind' && (tv === 'unspecified' || tv === null)) continue;
        const ok = tv === pv || (a === 'place' && truthy(tv) && truthy(pv) && (pv!.includes(tv!) || tv!.includes(pv!)));
        attr[a][0] += Number(ok);
        attr[a][1] += 1;
      }
    }
    mMatch += matched;
    const want = truth.tension;
    const delta = isDict(ex.tension) ? ex.tension.delta : undefined;
    if (want === 'escalating' || want === 'de-escalating') {
      dirN += 1;
      if (isPyNumber(delta) && num(delta) > 0 === (want === 'escalating') && num(delta) !== 0) dirOk += 1;
    }
    files.push([cid, inter, pp.size, tp.size, matched, pm.length, tm.length]);
  }
  const [tp_, tr_, tf] = f1(tTp, tPred, tTruth);
  const [mp_, mr_, mf] = f1(mMatch, mPred, mTruth);
  const share = (v: [number, number]): number => (v[1] ? v[0] / v[1] : 0.0);
  return {
    troops: { precision: tp_, recall: tr_, f1: tf, tp: tTp, pred: tPred, truth: tTruth },
    meetings: { precision: mp_, recall: mr_, f1: mf, matched: mMatch, pred: mPred, truth: mTruth },
    attributes: {
      date: share(attr.date),
      place: share(attr.place),
      kind: share(attr.kind),
      status: share(attr.status),
    },
    direction: dirN ? dirOk / dirN : 0.0,
    routing: scoreRouting(sorted, preds),
    files,
  };
}

/** A document's corpus id, as score.py derives it. */
function corpusId(file: string, doc: CorpusDoc['doc']): string {
  return truthy(doc.id) ? pyStr(doc.id) : file.slice(0, -5);
}

/** The prediction for an id (`preds.get(cid) or {}`). */
function predictionOf(preds: Record<string, unknown>, cid: string): Record<string, unknown> {
  const exRaw = Object.prototype.hasOwnProperty.call(preds, cid) ? preds[cid] : undefined;
  return truthy(exRaw) && isDict(exRaw) ? exRaw : {};
}

/** Python's `x in container` for a JSON container (a falsy one counts as empty). */
function pyIn(x: string, container: unknown): boolean {
  if (!truthy(container)) return false;
  if (typeof container === 'string') return container.includes(x);
  if (Array.isArray(container)) return container.some((y) => y === x);
  return isDict(container) && Object.prototype.hasOwnProperty.call(container, x);
}

/**
 * Routing to ROUTED_CRISIS over the files whose prediction carries a `crises` list: a file is
 * rightly in when both truth and prediction name the crisis. Null when no prediction has `crises`.
 */
export function scoreRouting(docs: CorpusDoc[], preds: Record<string, unknown>): RoutingScore | null {
  let seen = false;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { file, doc } of docs) {
    if (!file.endsWith('.json')) continue;
    const ex = predictionOf(preds, corpusId(file, doc));
    if (!Array.isArray(ex.crises)) continue;
    seen = true;
    const wantIn = pyIn(ROUTED_CRISIS, doc.truth.crises);
    const gotIn = pyIn(ROUTED_CRISIS, ex.crises);
    if (wantIn && gotIn) tp++;
    else if (gotIn) fp++;
    else if (wantIn) fn++;
  }
  if (!seen) return null;
  return {
    crisis: ROUTED_CRISIS,
    precision: tp + fp ? tp / (tp + fp) : 1.0,
    recall: tp + fn ? tp / (tp + fn) : 1.0,
    tp,
    fp,
    fn,
  };
}
