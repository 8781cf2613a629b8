/**
 * The newest `k` of many index entries, newest first (by arrival, then id, the order pages and
 * cursors follow), without sorting them all: a bounded heap, O(n log k).
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

export function newestK<T extends Ordered>(items: Iterable<T>, k: number): { top: T[]; total: number } {
  // heap[0] is the oldest kept: a newer item replaces it.
  const heap: T[] = [];
  let total = 0;
  const older = (i: number, j: number) => newerFirst(heap[i], heap[j]) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
  const down = (from: number) => {
    for (let i = from; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && older(l, m)) m = l;
      if (r < heap.length && older(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const item of items) {
    total++;
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!older(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (k > 0 && newerFirst(item, heap[0]) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return { top: heap.sort(newerFirst), total };
}
