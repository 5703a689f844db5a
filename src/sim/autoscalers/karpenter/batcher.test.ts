import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchCloseAt, firstBatch, isBatchClosed, openOrExtendBatch } from './batcher';

describe('batcher (karp-batch-window)', () => {
  it('closes 1s after the last pod', () => {
    expect(firstBatch([0, 0.5, 1.2])).toEqual({ windowCloseSeconds: 2.2, podsInBatch: 3 });
  });
  it('closes at 10s when pods keep coming', () => {
    const arrivals = [0, 0.9, 1.8, 2.7, 3.6, 4.5, 5.4, 6.3, 7.2, 8.1, 9.0, 9.9, 10.8];
    const b = firstBatch(arrivals);
    expect(b?.windowCloseSeconds).toBe(10);
    expect(b?.podsInBatch).toBe(12);
  });
  it('leaves a pod arriving exactly at the idle deadline for the next batch', () => {
    expect(firstBatch([0, 1])).toEqual({ windowCloseSeconds: 1, podsInBatch: 1 });
  });
  it('handles no pods and unsorted input', () => {
    expect(firstBatch([])).toBeUndefined();
    expect(firstBatch([0.5, 0])).toEqual({ windowCloseSeconds: 1.5, podsInBatch: 2 });
  });
  it('supports other settings', () => {
    expect(firstBatch([0, 2, 4], { idleSeconds: 3, maxSeconds: 5 })).toEqual({ windowCloseSeconds: 5, podsInBatch: 3 });
  });
  it('incremental window agrees with the replay', () => {
    let w = openOrExtendBatch(null, 3);
    w = openOrExtendBatch(w, 3.4);
    expect(batchCloseAt(w)).toBeCloseTo(4.4);
    expect(isBatchClosed(w, 4.3)).toBe(false);
    expect(isBatchClosed(w, 4.4)).toBe(true);
  });
  it('never exceeds the max window and always takes the first pod (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: 1, maxLength: 40 }), (arr) => {
        const b = firstBatch(arr);
        const first = Math.min(...arr);
        expect(b).toBeDefined();
        expect(b!.podsInBatch).toBeGreaterThanOrEqual(1);
        expect(b!.windowCloseSeconds).toBeLessThanOrEqual(first + 10 + 1e-9);
        expect(arr.filter((t) => t < b!.windowCloseSeconds).length).toBe(b!.podsInBatch);
      }),
    );
  });
});
