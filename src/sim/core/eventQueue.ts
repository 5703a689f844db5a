/**
 * The engine's timer queue: a binary min-heap ordered by (atMs, seq). Plain data, so a World
 * containing it survives structuredClone for checkpoints. Ties break by insertion order, which
 * keeps runs deterministic.
 */
export interface QueueEntry {
  atMs: number;
  seq: number;
  /** What fires: 'pod', 'node', or a controller / subsystem name. */
  kind: string;
  /** Which object: a pod or node name, or '' for subsystem ticks. */
  key: string;
  /** The object's epoch when scheduled; a mismatch at fire time means the timer was cancelled. */
  epoch: number;
  event: string;
}

export interface EventQueue {
  heap: QueueEntry[];
  seq: number;
}

export function createQueue(): EventQueue {
  return { heap: [], seq: 0 };
}

function before(a: QueueEntry, b: QueueEntry): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
}

export function schedule(q: EventQueue, entry: Omit<QueueEntry, 'seq'>): void {
  // A literal, not `{ ...entry, seq }`: V8 builds a spread followed by a new key on a slow path.
  const item: QueueEntry = { atMs: entry.atMs, seq: q.seq++, kind: entry.kind, key: entry.key, epoch: entry.epoch, event: entry.event };
  const h = q.heap;
  // Sift up by moving parents down into the hole, then place the item once.
  let i = h.length;
  h.push(item);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(item, h[parent])) break;
    h[i] = h[parent];
    i = parent;
  }
  h[i] = item;
}

export function peekTime(q: EventQueue): number {
  return q.heap.length > 0 ? q.heap[0].atMs : Infinity;
}

export function popDue(q: EventQueue, nowMs: number): QueueEntry | undefined {
  const h = q.heap;
  if (h.length === 0 || h[0].atMs > nowMs) return undefined;
  const top = h[0];
  const last = h.pop()!;
  const n = h.length;
  if (n > 0) {
    // Sift down: move the smaller child up into the hole until `last` fits there. The pop order
    // is fixed by (atMs, seq), a total order, however the heap is arranged.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && before(h[r], h[l]) ? r : l;
      if (!before(h[m], last)) break;
      h[i] = h[m];
      i = m;
    }
    h[i] = last;
  }
  return top;
}
