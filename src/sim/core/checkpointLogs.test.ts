import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logsShared, packLogs, unpackLogs } from './checkpointLogs';
import { createWorld } from '../bootstrap';
import { log } from './world';
import { cloneData } from './clone';
import { scenario } from '../testing/fixtures';
import type { ControllerLog } from './types';

const lineArb = fc.record({
  t: fc.double({ noNaN: true, min: 0, max: 1e9 }),
  controller: fc.constantFrom('cluster-autoscaler', 'karpenter', 'keda-operator', 'vpa-recommender'),
  level: fc.constantFrom<ControllerLog['level'][]>('INFO', 'DEBUG', 'WARN', 'ERROR'),
  // Any text but lone surrogates: klog lines, multi-line messages, Hangul, emoji (paired surrogates).
  message: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('', 'a\nb', 'I1102 02:59:59.000000       1 legacy.go:298] No candidates for scale down', '노드 ip-10-0-1-2 확장 🚀')),
});

describe("a checkpoint's log lines, packed", () => {
  it('unpack to the same lines: frozen, with the keys in the order log() writes them', () => {
    fc.assert(
      fc.property(fc.array(lineArb.map((l) => Object.freeze({ t: l.t, controller: l.controller, level: l.level, message: l.message })), { maxLength: 300 }), (lines) => {
        const back = unpackLogs(packLogs(lines)!);
        expect(back).toEqual(lines);
        for (const l of back) {
          expect(Object.isFrozen(l)).toBe(true);
          expect(Object.keys(l)).toEqual(['t', 'controller', 'level', 'message']);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('leaves text with a lone surrogate unpacked rather than change it', () => {
    expect(packLogs([{ t: 1, controller: 'karpenter', level: 'INFO', message: 'bad \uD800 half' }])).toBeUndefined();
  });

  it("are shared while the live ring still holds the checkpoint's newest line, and not after", () => {
    const live = createWorld(scenario(), []);
    for (let i = 0; i < 30; i++) log(live, 'cluster-autoscaler', `line ${i}`);
    const held = cloneData(live);
    expect(held.logs[29]).toBe(live.logs[29]);
    expect(logsShared(held, live)).toBe(true);
    // The ring drops its older half once it reaches twice LOG_RING lines.
    for (let i = 0; i < 10_000; i++) log(live, 'cluster-autoscaler', `more ${i}`);
    expect(logsShared(held, live)).toBe(false);
    // A world rebuilt by a seek holds other line objects, even at the same count.
    const other = cloneData(held);
    other.logs = other.logs.map((l) => Object.freeze({ ...l }));
    expect(logsShared(held, other)).toBe(false);
  });
});
