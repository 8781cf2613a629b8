/**
 * One api node's search index over every report: FlexSearch's inverted index of each report's
 * words (title, text, source, people and places), and beside it what the filters read (crises,
 * flags, verification, source, dateline day, people, places, arrival). Reports are numbered as
 * the node learns them; the words are indexed again only when the extraction changed (a flag or a
 * crisis only touches the filters). docs/search.md says why in-process and what it costs.
 */
import FlexSearch from 'flexsearch';
import { NewestHeap } from './newest.js';
import { wordsOf } from './words.js';

/** What the index keeps of a report (read from its hash: storage/reportStore.ts). */
export type IndexedReport = {
  id: string;
  title?: string;
  text: string;
  source?: string;
  dateline: string;
  receivedAtMs: number;
  people: string[];
  places: string[];
  /** Slugs; undefined before its first fold (then it is in no crisis' list, nor in "none"). */
  crises?: string[];
  flags: string[];
  verification: string;
  /** Changes when the words to index change (the extraction's fingerprint, or "queued"). */
  contentKey: string;
};

/** What the filters read of one report. */
export type IndexEntry = {
  id: string;
  receivedAtMs: number;
  /** The dateline's day as a number, e.g. 20220119. */
  day: number;
  source: string;
  crises?: string[];
  flags: string[];
  verification: string;
  people: string[][];
  places: string[][];
  contentKey: string;
};

/** YYYYMMDD of an ISO date or date-time (its first ten characters). */
export function dayNumber(isoDate: string): number {
  return Number(isoDate.slice(0, 10).replaceAll('-', '')) || 0;
}

export class ReportIndex {
  /**
   * The content given is already folded words joined by spaces (search/words.ts), so FlexSearch
   * splits it and changes nothing: a word matches exactly. Without `fastupdate` (which would
   * double the memory) removing a report from FlexSearch walks the whole index, so a removed or
   * re-worded report is left there under a number whose entry is gone (a tombstone), and the
   * follower builds the index afresh once tombstones pile up (search/indexFollower.ts).
   */
  private readonly words = new FlexSearch.Index({
    tokenize: 'strict',
    resolution: 1,
    encode: (content: string) => content.split(' '),
  });
  private readonly entries: (IndexEntry | undefined)[] = [];
  private readonly numbers = new Map<string, number>();
  /**
   * The latest arrival among numbers 0..n (reports are numbered roughly in arrival order): walking
   * numbers downwards, once every report kept is newer than this, none further down can enter.
   */
  private readonly latestUpTo: number[] = [];
  private dead = 0;

  get size(): number {
    return this.numbers.size;
  }

  /** Numbers whose report was removed or re-worded, still in FlexSearch. */
  get tombstones(): number {
    return this.dead;
  }

  /** Adds a report, or brings it up to date (its words only when they changed). */
  upsert(r: IndexedReport): void {
    const known = this.numbers.get(r.id);
    const reworded = known !== undefined && this.entries[known]?.contentKey !== r.contentKey;
    if (reworded) this.remove(r.id);
    const num = reworded || known === undefined ? this.entries.length : known;
    this.entries[num] = {
      id: r.id,
      receivedAtMs: r.receivedAtMs,
      day: dayNumber(r.dateline),
      source: (r.source ?? '').toLowerCase(),
      crises: r.crises,
      flags: r.flags,
      verification: r.verification,
      people: r.people.map(wordsOf),
      places: r.places.map(wordsOf),
      contentKey: r.contentKey,
    };
    if (known !== undefined && !reworded) return;
    this.numbers.set(r.id, num);
    this.latestUpTo[num] = Math.max(this.latestUpTo[num - 1] ?? -Infinity, r.receivedAtMs);
    // Folded words joined by spaces: FlexSearch splits them exactly as search/words.ts did.
    const content = wordsOf([r.title ?? '', r.source ?? '', r.people.join(' '), r.places.join(' '), r.text].join('\n'));
    this.words.add(num, content.join(' '));
  }

  remove(id: string): void {
    const num = this.numbers.get(id);
    if (num === undefined) return;
    this.entries[num] = undefined;
    this.numbers.delete(id);
    this.dead++;
  }

  has(id: string): boolean {
    return this.numbers.has(id);
  }

  /** The entries holding every word (all entries when `words` is empty). */
  matching(words: readonly string[]): IndexEntry[] {
    const nums = this.numbersMatching(words);
    const out: IndexEntry[] = [];
    for (let i = 0; i < nums.length; i++) {
      const e = this.entries[nums[i]];
      if (e) out.push(e);
    }
    return out;
  }

  /**
   * The newest `k` entries holding every word and passing `keep`, newest first; `more` when some
   * were left out. Reports are walked from the highest number down and the walk stops as soon as
   * no report further down can be newer than those kept: a page of a common word reads a few
   * hundred entries, not all of them.
   */
  newest(words: readonly string[], keep: (e: IndexEntry) => boolean, k: number): { top: IndexEntry[]; more: boolean } {
    const nums = this.numbersMatching(words);
    const heap = new NewestHeap<IndexEntry>(k);
    let more = false;
    for (let i = nums.length - 1; i >= 0; i--) {
      const num = nums[i];
      const oldest = heap.oldest;
      if (heap.full && oldest && this.latestUpTo[num] < oldest.receivedAtMs) {
        more = true;
        break;
      }
      const e = this.entries[num];
      if (!e || !keep(e)) continue;
      // Turned away, or kept in place of an older one: either way one is left out.
      const wasFull = heap.full;
      if (!heap.offer(e) || wasFull) more = true;
    }
    return { top: heap.sorted(), more };
  }

  /** Numbers of the reports holding every word, lowest first (every number when `words` is empty). */
  private numbersMatching(words: readonly string[]): ArrayLike<number> {
    if (words.length === 0) return Array.from(this.entries.keys());
    const nums = this.words.search(words.join(' '), { limit: Math.max(1, this.entries.length) }) as number[];
    // FlexSearch gives one word's reports in the order they were added; an intersection may not.
    for (let i = 1; i < nums.length; i++) if (nums[i] < nums[i - 1]) return Float64Array.from(nums).sort();
    return nums;
  }
}
