import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EVENT_FIELDS, LOG_FIELDS, packRing, packUnsharedRings, restoreRings, ringShared, unpackRing, type PackedRings } from './checkpointRings';
import { createWorld } from '../bootstrap';
import { emitEvent, log } from './world';
import { cloneData } from './clone';
import { scenario } from '../testing/fixtures';
import type { ControllerLog, World } from './types';

const lineArb = fc.record({
  t: fc.double({ noNaN: true, min: 0, max: 1e9 }),
  controller: fc.constantFrom('cluster-autoscaler', 'karpenter', 'keda-operator', 'vpa-recommender'),
  level: fc.constantFrom<ControllerLog['level'][]>('INFO', 'DEBUG', 'WARN', 'ERROR'),
  // Any text but lone surrogates: klog lines, multi-line messages, Hangul, emoji (paired surrogates).
  message: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('', 'a\nb', 'I1102 02:59:59.000000       1 legacy.go:298] No candidates for scale down', '노드 ip-10-0-1-2 확장 🚀')),
});

describe("a checkpoint's log lines and events, packed", () => {
  it('unpack to the same lines: frozen, with the keys in the order log() writes them', () => {
    fc.assert(
      fc.property(fc.array(lineArb.map((l) => Object.freeze({ t: l.t, controller: l.controller, level: l.level, message: l.message })), { maxLength: 300 }), (lines) => {
        const back = unpackRing(packRing(lines, LOG_FIELDS)!, LOG_FIELDS);
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
    expect(packRing([{ t: 1, controller: 'karpenter', level: 'INFO', message: 'bad \uD800 half' }], LOG_FIELDS)).toBeUndefined();
  });

  it('leaves records of another shape unpacked rather than change them', () => {
    expect(packRing([{ t: 1, controller: 'karpenter', level: 'INFO', message: 'ok', extra: 1 }] as never[], LOG_FIELDS)).toBeUndefined();
    expect(packRing([{ t: '1', controller: 'karpenter', level: 'INFO', message: 'ok' }] as never[], LOG_FIELDS)).toBeUndefined();
  });

  it("are shared while the live ring still holds the checkpoint's newest line, and not after", () => {
    const live = createWorld(scenario(), []);
    for (let i = 0; i < 30; i++) log(live, 'cluster-autoscaler', `line ${i}`);
    const held = cloneData(live);
    expect(held.logs[29]).toBe(live.logs[29]);
    const shared = (a: World, b: World) => ringShared(a.logs, a.logCount, b.logs, b.logCount);
    expect(shared(held, live)).toBe(true);
    // The ring drops its older half once it reaches twice LOG_RING lines.
    for (let i = 0; i < 10_000; i++) log(live, 'cluster-autoscaler', `more ${i}`);
    expect(shared(held, live)).toBe(false);
    // A world rebuilt by a seek holds other line objects, even at the same count.
    const other = cloneData(held);
    other.logs = other.logs.map((l) => Object.freeze({ ...l }));
    expect(shared(held, other)).toBe(false);
  });
});

describe("a checkpoint's events, packed", () => {
  it('unpack to the events emitEvent wrote: the same values, frozen, keys in its order', () => {
    const world = createWorld(scenario(), []);
    for (let i = 0; i < 50; i++) {
      world.timeMs = i * 1000;
      emitEvent(world, { kind: 'Pod', name: `web-${i}`, type: i % 7 ? 'Normal' : 'Warning', reason: 'Scheduled', message: `Successfully assigned default/web-${i} to ip-10-0-${i}-1 노드`, source: i % 2 ? 'default-scheduler' : undefined });
    }
    const back = unpackRing(packRing(world.events, EVENT_FIELDS)!, EVENT_FIELDS);
    expect(back).toEqual(world.events);
    back.forEach((e, i) => {
      expect(Object.isFrozen(e)).toBe(true);
      expect(Object.keys(e)).toEqual(Object.keys(world.events[i]));
    });
  });
});

describe("a checkpoint's rings", () => {
  it('are packed once the live rings have dropped them, and restore as they were', () => {
    const live = createWorld(scenario(), []);
    const emit = (i: number) => emitEvent(live, { kind: 'Pod', name: `web-${i}`, type: 'Normal', reason: 'Created', message: `Created container web-${i}` });
    for (let i = 0; i < 40; i++) {
      emit(i);
      log(live, 'karpenter', `line ${i}`);
    }
    const held = cloneData(live);
    const rings: PackedRings = {};
    packUnsharedRings(held, live, rings);
    expect(rings).toEqual({});
    // Past twice the ring size, the live rings have dropped every record the checkpoint holds.
    for (let i = 40; i < 10_100; i++) emit(i);
    packUnsharedRings(held, live, rings);
    expect(rings.events).toBeTruthy();
    expect(rings.logs).toBeUndefined();
    expect(held.events).toEqual([]);
    for (let i = 0; i < 10_100; i++) log(live, 'karpenter', `more ${i}`);
    packUnsharedRings(held, live, rings);
    expect(rings.logs).toBeTruthy();

    const restored = cloneData(held);
    restoreRings(restored, rings);
    expect(restored.events.map((e) => e.name)).toEqual(Array.from({ length: 40 }, (_, i) => `web-${i}`));
    expect(restored.logs.map((l) => l.message)).toEqual(Array.from({ length: 40 }, (_, i) => `line ${i}`));
  });
});
