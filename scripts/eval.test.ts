import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS, predict, readCorpus, reportLines } from './eval.js';
import { fmt2, formatReport, routingLine, summaryLine } from './eval/report.js';
import { participantKey, score, type CorpusDoc } from './eval/score.js';

const SCORE_PY = join(DEFAULT_CORPUS, 'score.py');
const hasPython = spawnSync('python3', ['--version']).status === 0;
const hasCorpus = existsSync(SCORE_PY);
const tmp = mkdtempSync(join(tmpdir(), 'crisis-eval-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function runPython(dir: string, preds: unknown): string[] {
  const file = join(tmp, `preds-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(preds));
  return execFileSync('python3', [SCORE_PY, dir, file], { encoding: 'utf8' }).trimEnd().split('\n');
}

// A tiny corpus in our own words: two reports about an invented border dispute.
const tiny: CorpusDoc[] = [
  {
    file: 'a.json',
    doc: {
      id: 'a',
      dateline: '2030-05-01',
      text: 'Made-up text one.',
      truth: {
        troop_counts: [
          { value: 5000, hypothetical: false },
          { value: 10000, hypothetical: true },
        ],
        meetings: [
          {
            participants: ['Anna Nowak', 'Igor Lutsk'],
            place: 'Vienna',
            date: '2030-05-03',
            kind: 'in-person',
            status: 'scheduled',
          },
          { participants: ['the U.S.', 'Kremlin'], place: null, date: null, kind: 'call', status: 'held' },
        ],
        tension: 'escalating',
      },
    },
  },
  {
    file: 'b.json',
    doc: {
      dateline: '2030-05-02',
      text: 'Made-up text two.',
      truth: {
        troop_counts: [],
        meetings: [{ participants: ['Anna Nowak'], place: 'Minsk', date: null, kind: 'unspecified', status: 'held' }],
        tension: 'de-escalating',
      },
    },
  },
];
const tinyPreds = {
  a: {
    troops: [
      { value: 5000, hypothetical: false },
      { value: 5000, hypothetical: false },
      { value: 7000, hypothetical: false },
    ],
    meetings: [
      {
        participants: ['Nowak', 'Lutsk'],
        place: 'Vienna, Austria',
        date: '2030-05-03',
        kind: 'in-person',
        status: 'held',
      },
      { participants: ['United States', 'Russia'], place: null, date: '2030-04-30', kind: 'call', status: 'held' },
      { participants: ['Igor Lutsk'], place: null, date: null, kind: 'call', status: 'held' },
    ],
    tension: { delta: 2 },
  },
  b: {
    troops: [],
    meetings: [{ participants: ['Ms Nowak'], place: 'minsk', date: null, kind: 'call', status: 'held' }],
    tension: { delta: 0 },
  },
};

describe('scorer on a hand-made corpus', () => {
  it('keys participants as the corpus rules say', () => {
    expect(participantKey('The U.S.')).toBe('united states');
    expect(participantKey('Kremlin')).toBe('russia');
    expect(participantKey('the Transatlantic Quad')).toBe('quad');
    expect(participantKey('Volodymyr Zelenskyy')).toBe('zelensky');
    expect(participantKey('Antony Blinken')).toBe('blinken');
    expect(participantKey('Germany')).toBe('germany');
  });
  it('counts distinct troop pairs, one-to-one meeting matches and direction', () => {
    const r = score(tiny, tinyPreds);
    expect(r.troops).toMatchObject({ tp: 1, pred: 2, truth: 2 });
    expect(r.meetings).toMatchObject({ matched: 3, pred: 4, truth: 3 });
    expect(r.attributes).toEqual({ date: 2 / 3, place: 1, kind: 1, status: 2 / 3 });
    expect(r.direction).toBe(0.5);
    expect(summaryLine(r)).toBe('troops F1 0.50 · meetings F1 0.86 · dates 0.67 · direction 0.50');
  });
  it('rounds like Python, ties to even', () => {
    expect(fmt2(0.125)).toBe('0.12');
    expect(fmt2(0.375)).toBe('0.38');
    expect(fmt2(0.625)).toBe('0.62');
    expect(fmt2(2 / 3)).toBe('0.67');
    expect(fmt2(1)).toBe('1.00');
  });
  it.skipIf(!hasPython || !hasCorpus)(
    'prints what score.py prints on the tiny corpus (needs python3 and ../shared/corpus)',
    () => {
      const dir = join(tmp, 'tiny');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const d of tiny) writeFileSync(join(dir, d.file), JSON.stringify(d.doc));
      expect(formatReport(score(readCorpus(dir), tinyPreds))).toEqual(runPython(dir, tinyPreds));
    },
  );
});

// Routing: truth and predictions carry crisis slugs (one file has none predicted, one a wrong one).
const routedDocs: CorpusDoc[] = ['r1', 'r2', 'r3', 'r4'].map((id, i) => ({
  file: `${id}.json`,
  doc: {
    id,
    text: 'Made-up text.',
    truth: { troop_counts: [], meetings: [], crises: i < 3 ? ['russia-ukraine'] : ['china-taiwan'] },
  },
}));
const routedPreds = {
  r1: { crises: ['russia-ukraine', 'korean-peninsula'] },
  r2: { crises: [] },
  r3: { troops: [] },
  r4: { crises: ['russia-ukraine'] },
};

describe('routing score', () => {
  it('counts reports rightly in, wrongly in and wrongly out of russia-ukraine, where predictions carry crises', () => {
    const r = score(routedDocs, routedPreds).routing;
    expect(r).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(routingLine(r!)).toBe('routing russia-ukraine: P 0.50 R 0.50 (1 right, 1 wrongly in, 1 wrongly out)');
  });
  it('prints no routing line when no prediction carries crises', () => {
    expect(score(tiny, tinyPreds).routing).toBeNull();
    expect(formatReport(score(tiny, tinyPreds)).some((l) => l.startsWith('routing'))).toBe(false);
  });
  it.skipIf(!hasPython || !hasCorpus)('prints the routing line score.py prints (needs python3)', () => {
    const dir = join(tmp, 'routed');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const d of routedDocs) writeFileSync(join(dir, d.file), JSON.stringify(d.doc));
    const ours = formatReport(score(readCorpus(dir), routedPreds));
    expect(ours).toEqual(runPython(dir, routedPreds));
    expect(ours[ours.length - 2]).toMatch(/^routing russia-ukraine: /);
  });
});

describe('the other crises apart', () => {
  it('prints the b* files on their own line right before the summary line, which stays last', () => {
    const docs: CorpusDoc[] = [
      ...tiny,
      { file: 'b9.json', doc: { id: 'b9', truth: { troop_counts: [{ value: 7000 }], meetings: [] } } },
    ];
    const preds = { ...tinyPreds, b9: { troops: [{ value: 7000, hypothetical: false }], meetings: [] } };
    const lines = reportLines(docs, preds);
    const full = formatReport(score(docs, preds));
    expect(lines[lines.length - 1]).toBe(full[full.length - 1]);
    expect(lines[lines.length - 2]).toBe(
      `other crises (2 b* files): ${summaryLine(
        score(
          docs.filter((d) => d.file.startsWith('b')),
          preds,
        ),
      )}`,
    );
    expect(lines.slice(0, -2)).toEqual(full.slice(0, -1));
  });
  it('prints no such line when there are no b* files', () => {
    expect(reportLines(tiny.slice(0, 1), tinyPreds)).toEqual(formatReport(score(tiny.slice(0, 1), tinyPreds)));
  });
});

describe('eval on the shared corpus', () => {
  it.skipIf(!hasPython || !hasCorpus)(
    'gives the same summary line as score.py (needs python3 and ../shared/corpus)',
    () => {
      const docs = readCorpus(DEFAULT_CORPUS);
      const preds = predict(docs);
      const ours = formatReport(score(docs, preds));
      const theirs = runPython(DEFAULT_CORPUS, preds);
      expect(ours[ours.length - 1]).toBe(theirs[theirs.length - 1]);
      expect(ours[ours.length - 2]).toMatch(/^routing russia-ukraine: P \d\.\d\d R \d\.\d\d /);
      expect(ours).toEqual(theirs);
    },
  );
});
