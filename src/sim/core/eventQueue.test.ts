import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQueue, popDue, schedule, type QueueEntry } from './eventQueue';

/** Pops everything due at `nowMs`, in order. */
function drain(q: ReturnType<typeof createQueue>, nowMs: number): QueueEntry[] {
  const out: QueueEntry[] = [];
  for (let e = popDue(q, nowMs); e; e = popDue(q, nowMs)) out.push(e);
  return out;
}

describe('event queue', () => {
  it('pops in (atMs, insertion) order under any interleaving of schedules and pops', () => {
    // Each step schedules a few timers, then pops what is due at a moving clock: the pops must
    // come out exactly as a stable sort of the scheduled entries by time would give them.
    const stepArb = fc.record({ times: fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 12 }), advance: fc.integer({ min: 0, max: 10 }) });
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        const q = createQueue();
        const pending: { atMs: number; n: number }[] = [];
        let now = 0;
        let n = 0;
        const popped: number[] = [];
        const expected: number[] = [];
        for (const s of steps) {
          for (const t of s.times) {
            schedule(q, { atMs: now + t, kind: 'pod', key: String(n), epoch: 0, event: 'x' });
            pending.push({ atMs: now + t, n: n++ });
          }
          now += s.advance;
          for (const e of drain(q, now)) popped.push(Number(e.key));
          const due = pending.filter((p) => p.atMs <= now).sort((a, b) => a.atMs - b.atMs || a.n - b.n);
          for (const p of due) expected.push(p.n);
          pending.splice(0, pending.length, ...pending.filter((p) => p.atMs > now));
        }
        for (const e of drain(q, Infinity)) popped.push(Number(e.key));
        for (const p of pending.sort((a, b) => a.atMs - b.atMs || a.n - b.n)) expected.push(p.n);
        expect(popped).toEqual(expected);
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('keeps nothing due in the future', () => {
    const q = createQueue();
    schedule(q, { atMs: 10, kind: 'pod', key: 'a', epoch: 0, event: 'x' });
    expect(popDue(q, 9)).toBeUndefined();
    expect(popDue(q, 10)?.key).toBe('a');
  });
});
