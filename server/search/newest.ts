/**
 * The newest `k` of many index entries, newest first (by arrival, then id, the order pages and
 * cursors follow), without sorting them all: a bounded heap, O(n log k), and O(n) when the
 * entries come roughly newest first (most are then older than every one kept: one comparison).
 */
export type Ordered = { receivedAtMs: number; id: string };

/** Negative when `a` comes first (is newer). */
export function newerFirst(a: Ordered, b: Ordered): number {
  if (a.receivedAtMs !== b.receivedAtMs) return b.receivedAtMs - a.receivedAtMs;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The cursor after an entry, and the position it names. */
export function cursorOf(e: Ordered): string {
  return `${e.receivedAtMs}_${e.id}`;
}
export function parseCursor(cursor: string): Ordered {
  const [ms, id] = cursor.split('_');
  return { receivedAtMs: Number(ms), id };
}

/** Whether `e` comes after the position (is older); an empty id means "before that instant". */
export function isAfter(e: Ordered, position: Ordered): boolean {
  return e.receivedAtMs < position.receivedAtMs || (e.receivedAtMs === position.receivedAtMs && e.id < position.id);
}

/** Keeps the newest `k` items offered. */
export class NewestHeap<T extends Ordered> {
  /** heap[0] is the oldest kept: a newer item replaces it. */
  private readonly heap: T[] = [];

  constructor(private readonly k: number) {}

  get full(): boolean {
    return this.heap.length >= this.k;
  }

  /** The oldest item kept (once full, anything older is turned away). */
  get oldest(): T | undefined {
    return this.heap[0];
  }

  /** Offers an item; false when it was turned away (older than all `k` kept). */
  offer(item: T): boolean {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (newerFirst(heap[i], heap[p]) <= 0) break;
        [heap[i], heap[p]] = [heap[p], heap[i]];
        i = p;
      }
      return true;
    }
    if (this.k === 0 || newerFirst(item, heap[0]) >= 0) return false;
    heap[0] = item;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && newerFirst(heap[l], heap[m]) > 0) m = l;
      if (r < heap.length && newerFirst(heap[r], heap[m]) > 0) m = r;
      if (m === i) return true;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }

  /** The items kept, newest first. */
  sorted(): T[] {
    return [...this.heap].sort(newerFirst);
  }
}

export function newestK<T extends Ordered>(items: Iterable<T>, k: number): T[] {
  const heap = new NewestHeap<T>(k);
  for (const item of items) heap.offer(item);
  return heap.sorted();
}
