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
  const item: QueueEntry = { ...entry, seq: q.seq++ };
  const h = q.heap;
  h.push(item);
  let i = h.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(h[i], h[parent])) break;
    [h[i], h[parent]] = [h[parent], h[i]];
    i = parent;
  }
}

export function peekTime(q: EventQueue): number {
  return q.heap.length > 0 ? q.heap[0].atMs : Infinity;
}

export function popDue(q: EventQueue, nowMs: number): QueueEntry | undefined {
  const h = q.heap;
  if (h.length === 0 || h[0].atMs > nowMs) return undefined;
  const top = h[0];
  const last = h.pop()!;
  if (h.length > 0) {
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l], h[m])) m = l;
      if (r < h.length && before(h[r], h[m])) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
  return top;
}
