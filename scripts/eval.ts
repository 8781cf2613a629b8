/**
 * `npm run eval [-- DIR] [--check] [--predictions-out FILE]`: runs extract() on every
 * report of a corpus (default ../shared/corpus, beside the repository) and scores it
 * exactly as the corpus' score.py does. `--check` exits 1 when a measure is under
 * the CI threshold; `--predictions-out` writes {id: extraction} for score.py.
 * Before the summary line (the last, as score.py prints it) comes the same measures for
 * the `b*` files alone, the reports about other crises: the engine must not know one crisis.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRouting } from '../server/crises/routing.js';
import { sampleCrises } from '../server/crises/sampleCrises.js';
import { extract } from '../server/extract/index.js';
import { failures, formatReport, summaryLine } from './eval/report.js';
import { score, type CorpusDoc } from './eval/score.js';

/** Default corpus: ../shared/corpus relative to the repository root. */
export const DEFAULT_CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus');

/** Reads every *.json document of a corpus directory. */
export function readCorpus(dir: string): CorpusDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && statSync(join(dir, f)).isFile())
    .map((file) => ({ file, doc: JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusDoc['doc'] }));
}

/**
 * Runs extract() on each document: {corpus id: extraction}, ids as score.py derives them. Each
 * prediction also carries `crises`: the slugs the report is routed to among the sample crises.
 */
export function predict(docs: CorpusDoc[]): Record<string, unknown> {
  const router = compileRouting(sampleCrises());
  const preds: Record<string, unknown> = {};
  for (const { file, doc } of docs) {
    const id = typeof doc.id === 'string' && doc.id ? doc.id : file.slice(0, -5);
    const text = String(doc.text ?? '');
    const extraction = extract(text, String(doc.dateline ?? ''));
    preds[id] = { ...extraction, crises: router.route({ text }, extraction).map((r) => r.slug) };
  }
  return preds;
}

/** The files about other crises: their names start with "b". */
export const isOtherCrisis = (d: CorpusDoc): boolean => d.file.startsWith('b');

/**
 * What `npm run eval` prints: score.py's lines, with the other crises' measures on their own
 * line right before the summary line, which stays last and identical to score.py's.
 */
export function reportLines(docs: CorpusDoc[], preds: Record<string, unknown>): string[] {
  const lines = formatReport(score(docs, preds));
  const others = docs.filter(isOtherCrisis);
  if (others.length > 0 && others.length < docs.length) {
    const apart = summaryLine(score(others, preds));
    lines.splice(lines.length - 1, 0, `other crises (${others.length} b* files): ${apart}`);
  }
  return lines;
}

function main(argv: string[]): number {
  let dir = DEFAULT_CORPUS;
  let check = false;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') check = true;
    else if (a === '--predictions-out') out = argv[++i];
    else if (a.startsWith('--predictions-out=')) out = a.slice('--predictions-out='.length);
    else if (!a.startsWith('--')) dir = resolve(a);
  }
  const docs = readCorpus(dir);
  const preds = predict(docs);
  if (out) writeFileSync(out, JSON.stringify(preds, null, 1));
  const result = score(docs, preds);
  for (const line of reportLines(docs, preds)) console.log(line);
  if (check) {
    const failed = failures(result);
    for (const f of failed) console.error(`FAIL ${f}`);
    if (failed.length > 0) return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
