import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packKrrFrames, unpackKrrFrames } from './krrFrameCodec';
import type { KrrFrame, KrrFramePods } from './krrHistory';

const NAMES = ['web-a', 'web-b', 'web-c', 'api-a', 'api-b'];
const INT32 = { min: -2_147_483_647, max: 2_147_483_647 };

/** Frames as krrHistory writes them: frozen, int32 columns, consecutive frames sharing a pods object. */
const framesArb = fc
  .array(
    fc.record({
      present: fc.subarray(NAMES),
      newList: fc.boolean(),
      hold: fc.boolean(),
      cpu: fc.integer(INT32),
      mem: fc.integer(INT32),
    }),
    { minLength: 1, maxLength: 120 },
  )
  .map((steps) => {
    const frames: KrrFrame[] = [];
    let pods: KrrFramePods | undefined;
    steps.forEach((s, k) => {
      if (!pods || s.newList) pods = Object.freeze({ names: s.present, namespaces: s.present.map(() => 'default'), workloads: s.present.map((n) => n.split('-')[0]) });
      const prev = frames[k - 1];
      const cpu = new Int32Array(pods.names.length);
      const mem = new Int32Array(pods.names.length);
      for (let i = 0; i < cpu.length; i++) {
        // Held samples make runs; the rest jump anywhere in int32, extremes included.
        const keep = s.hold && prev?.pods === pods;
        cpu[i] = keep ? prev.cpu[i] : (s.cpu + i * 7919) | 0;
        mem[i] = keep ? prev.mem[i] : (s.mem - i * 104729) | 0;
      }
      frames.push(Object.freeze({ t: 75 * (k + 1), pods, cpu, mem }));
    });
    return frames;
  });

describe('a checkpoint KRR head, packed', () => {
  it('unpacks to the same frames: times, pods lists shared as before, int32 columns, frozen', () => {
    fc.assert(
      fc.property(framesArb, (frames) => {
        const packed = packKrrFrames(frames)!;
        const back = unpackKrrFrames(packed);
        expect(back).toEqual(frames);
        back.forEach((f, i) => {
          // Frames that shared a pods object share one again; others do not.
          if (i > 0) expect(f.pods === back[i - 1].pods).toBe(frames[i].pods === frames[i - 1].pods);
          expect(Object.isFrozen(f.pods) && Object.isFrozen(f.pods.names)).toBe(true);
          expect(f.cpu).toBeInstanceOf(Int32Array);
          expect(Object.isFrozen(f)).toBe(true);
          expect(Object.keys(f)).toEqual(['t', 'pods', 'cpu', 'mem']);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('holds steady samples in a few bytes each', () => {
    const pods = Object.freeze({ names: NAMES, namespaces: NAMES.map(() => 'default'), workloads: NAMES.map(() => 'web') });
    const frames = Array.from({ length: 96 }, (_, k) =>
      Object.freeze({ t: 75 * k, pods, cpu: Int32Array.from(NAMES, (_, i) => 250_000 + i), mem: Int32Array.from(NAMES, () => 128_000) }),
    );
    const packed = packKrrFrames(frames)!;
    // One run per pod: 96 frames × 5 pods × 8 bytes of columns become a few bytes per pod.
    expect(packed.dataLength).toBeLessThan(NAMES.length * 10);
    expect(unpackKrrFrames(packed)).toEqual(frames);
  });

  it('leaves a head holding Float64 columns (values past int32) as it is', () => {
    const pods = Object.freeze({ names: ['a'], namespaces: ['default'], workloads: ['a'] });
    const frames = [Object.freeze({ t: 75, pods, cpu: Float64Array.of(2 ** 40), mem: new Int32Array(1) })];
    expect(packKrrFrames(frames)).toBeUndefined();
  });
});
