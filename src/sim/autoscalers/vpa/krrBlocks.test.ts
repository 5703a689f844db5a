import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockFrames, buildKrrBlock, KRR_BLOCK_SECONDS, type KrrBlockFrame } from './krrBlocks';
import { compactClosedWindows, krrSeries, sampleKrrHistory, emptyKrrHistory, KRR_STEP_MS, type KrrFrame, type KrrHistory } from './krrHistory';
import { cloneData } from '../../core/clone';
import type { World } from '../../core/types';

const POD_NAMES = ['web-a', 'web-b', 'web-c', 'api-a', 'api-b', 'api-c'];

/** Random frames at the 75 s step: pods come and go, values hold (runs) or jump, lists are shared. */
const framesArb = (exotic: boolean) =>
  fc
    .array(
      fc.record({
        present: fc.subarray(POD_NAMES),
        change: fc.boolean(),
        skip: fc.nat(3),
        cpu: exotic ? fc.oneof(fc.integer(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 2 ** 53 - 1, -(2 ** 52))) : fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
        mem: fc.integer({ min: 0, max: 2_000_000_000 }),
      }),
      { minLength: 1, maxLength: 200 },
    )
    .map((steps) => {
      const frames: KrrBlockFrame[] = [];
      let t = 0;
      let pods: KrrBlockFrame['pods'] | undefined;
      const values = new Map<string, [number, number]>();
      for (const s of steps) {
        t += 75 * (1 + s.skip);
        if (!pods || s.change) pods = { names: s.present, namespaces: s.present.map(() => 'default'), workloads: s.present.map((n) => n.split('-')[0]) };
        const cpu: number[] = [];
        const mem: number[] = [];
        pods.names.forEach((n, i) => {
          // Most pods repeat their last value; one in a few moves to the step's.
          const last = values.get(n);
          const v: [number, number] = last && (i + t / 75) % 3 !== 0 ? last : [s.cpu + i, s.mem + i];
          values.set(n, v);
          cpu.push(v[0]);
          mem.push(v[1]);
        });
        const f64 = exotic || cpu.some((v) => Math.abs(v) > 2 ** 31 - 1);
        frames.push({ t, pods, cpu: f64 ? Float64Array.from(cpu) : Int32Array.from(cpu), mem: Int32Array.from(mem) });
      }
      return frames;
    });

const seriesOf = (frames: KrrBlockFrame[], blocks: ReturnType<typeof buildKrrBlock>[] = []) =>
  [...krrSeries({ blocks, frames, lastSampleMs: 0 })];

describe('KRR history blocks (compacted 2-hour windows)', () => {
  it('decode to exactly the samples of their frames, pods in the same first-seen order', () => {
    fc.assert(
      fc.property(framesArb(false), fc.nat(), (frames, cut) => {
        const k = cut % (frames.length + 1);
        // Frames [0, k) compacted into a block, the rest left in the head.
        const compacted = seriesOf(frames.slice(k), k > 0 ? [buildKrrBlock(frames.slice(0, k))] : []);
        expect(compacted).toEqual(seriesOf(frames));
      }),
      { numRuns: 300 },
    );
  });

  it('keep frames they cannot encode exactly (NaN, ±Infinity, beyond 2^50) as they were', () => {
    fc.assert(
      fc.property(framesArb(true), (frames) => {
        const block = buildKrrBlock(frames);
        expect(seriesOf([], [block])).toEqual(seriesOf(frames));
        expect(blockFrames(block).map((f) => f.t)).toEqual(frames.map((f) => f.t));
      }),
      { numRuns: 100 },
    );
  });

  it('rebuilt as frames (to trim the window edge) give the same samples per pod', () => {
    fc.assert(
      fc.property(framesArb(false), (frames) => {
        const sorted = (s: ReturnType<typeof seriesOf>) => s.slice().sort((a, b) => (a[0] < b[0] ? -1 : 1));
        expect(sorted(seriesOf(blockFrames(buildKrrBlock(frames))))).toEqual(sorted(seriesOf(frames)));
      }),
      { numRuns: 100 },
    );
  });

  it('are frozen (checkpoints share them) and far smaller than the columns when usage holds steady', () => {
    const names = Array.from({ length: 500 }, (_, i) => `app-${i}`);
    const pods = { names, namespaces: names.map(() => 'default'), workloads: names.map(() => 'app') };
    const frames: KrrBlockFrame[] = Array.from({ length: 96 }, (_, f) => ({
      t: 75 * (f + 1),
      pods,
      // Usage holds for half an hour, then steps: four runs per pod in the window.
      cpu: Int32Array.from(names, (_, i) => 50_000 + Math.floor(f / 24) * 10_000 + i),
      mem: Int32Array.from(names, () => 76_865),
    }));
    const block = buildKrrBlock(frames);
    expect(Object.isFrozen(block)).toBe(true);
    expect(cloneData({ block }).block).toBe(block);
    const columns = frames.reduce((a, f) => a + f.cpu.byteLength + f.mem.byteLength, 0);
    expect('data' in block && block.data.byteLength).toBeLessThan(columns / 20);
  });
});

describe('KRR history sampling', () => {
  /** A world of pods with metrics, enough for sampleKrrHistory (which reads only these fields). */
  function fakeWorld(): World {
    const metricCpuMillis = new Float64Array(8).fill(NaN);
    const metricMemoryMiB = new Float64Array(8).fill(NaN);
    return { timeMs: 0, pods: new Map(), podsVersion: 0, autoscalers: {}, podCpu: { metricCpuMillis, metricMemoryMiB } } as unknown as World;
  }

  /**
   * A Deployment pod in ledger slot `slot`, with its metric (null: none) where the scrape writes it:
   * on the pod and in the ledger's columns. A pod created or replaced bumps podsVersion, as
   * createPod does; a new metric alone does not.
   */
  function putPod(world: World, slot: number, name: string, metric: { cpuMillis: number; memoryMiB: number } | null, owner = { namespace: 'default', deployment: 'web' }): void {
    const pod = world.pods.get(name);
    if (pod?.cpuSlot !== slot) {
      world.pods.set(name, { name, ...owner, cpuSlot: slot, metric } as never);
      world.podsVersion++;
    }
    world.podCpu.metricCpuMillis[slot] = metric?.cpuMillis ?? NaN;
    world.podCpu.metricMemoryMiB[slot] = metric?.memoryMiB ?? NaN;
  }

  it('stores a frame as int32 thousandths, or as exact doubles when a value does not fit, skipping pods without a sample', () => {
    const world = fakeWorld();
    const history = emptyKrrHistory();
    world.timeMs = KRR_STEP_MS;
    putPod(world, 0, 'a', { cpuMillis: 12.3456, memoryMiB: 64.5 });
    putPod(world, 1, 'idle', null);
    putPod(world, 2, 'b', { cpuMillis: 7, memoryMiB: 64.5 });
    sampleKrrHistory(world, history);
    const small = history.frames[0];
    expect(small.pods.names).toEqual(['a', 'b']);
    expect(small.cpu).toBeInstanceOf(Int32Array);
    expect([...small.cpu]).toEqual([12346, 7000]);
    expect([...small.mem]).toEqual([64500, 64500]);
    world.timeMs = 2 * KRR_STEP_MS;
    putPod(world, 2, 'b', { cpuMillis: 3_000_000.5, memoryMiB: 64.5 });
    sampleKrrHistory(world, history);
    const big = history.frames[1];
    expect(big.cpu).toBeInstanceOf(Float64Array);
    expect([...big.cpu]).toEqual([12346, 3_000_000_500]);
    expect(big.mem).toBeInstanceOf(Int32Array);
    // Each column on its own: here memory is past int32 (below it), CPU is not.
    world.timeMs = 3 * KRR_STEP_MS;
    putPod(world, 2, 'b', { cpuMillis: 7, memoryMiB: -3_000_000 });
    sampleKrrHistory(world, history);
    const negative = history.frames[2];
    expect(negative.cpu).toBeInstanceOf(Int32Array);
    expect([...negative.cpu]).toEqual([12346, 7000]);
    expect(negative.mem).toBeInstanceOf(Float64Array);
    expect([...negative.mem]).toEqual([64500, -3_000_000_000]);
  });

  it('shares a frame\'s pods with the frame before exactly when the names are the same, and names each pod\'s namespace and Deployment', () => {
    const world = fakeWorld();
    const history = emptyKrrHistory();
    const usage = { cpuMillis: 10, memoryMiB: 64 };
    const sample = () => {
      world.timeMs += KRR_STEP_MS;
      sampleKrrHistory(world, history);
      return history.frames[history.frames.length - 1].pods;
    };
    putPod(world, 0, 'a', usage);
    putPod(world, 1, 'b', usage, { namespace: 'shop', deployment: 'cart' });
    putPod(world, 2, 'c', usage);
    const first = sample();
    expect(first).toEqual({ names: ['a', 'b', 'c'], namespaces: ['default', 'shop', 'default'], workloads: ['web', 'cart', 'web'] });
    expect(sample()).toBe(first);
    // b loses its metric (its pod object stays: podsVersion holds), then has one again.
    putPod(world, 1, 'b', null);
    const withoutB = sample();
    expect(withoutB).not.toBe(first);
    expect(withoutB).toEqual({ names: ['a', 'c'], namespaces: ['default', 'default'], workloads: ['web', 'web'] });
    putPod(world, 1, 'b', usage);
    const again = sample();
    expect(again).not.toBe(withoutB);
    expect(again).toEqual(first);
    expect(sample()).toBe(again);
    // A new listing (podsVersion moved) over the same names still shares them.
    world.podsVersion++;
    expect(sample()).toBe(again);
    // A pod replaced under another name, namespace and Deployment.
    world.pods.delete('c');
    putPod(world, 3, 'd', usage, { namespace: 'ops', deployment: 'batch' });
    world.podCpu.metricCpuMillis[2] = NaN;
    const replaced = sample();
    expect(replaced).toEqual({ names: ['a', 'b', 'd'], namespaces: ['default', 'shop', 'ops'], workloads: ['web', 'cart', 'batch'] });
    expect(sample()).toBe(replaced);
  });

  it('moves a 2-hour window into a block once the next window starts, trims at the 14-day edge, and keeps every sample it would have kept', () => {
    const world = fakeWorld();
    const history: KrrHistory = emptyKrrHistory();
    const reference: KrrFrame[] = [];
    const window = 336 * 3600;
    let lastPruneHour = -1;
    // 15 days and an hour at the 75 s step (the 14-day edge then cuts through the oldest block); pods churn every ~3 hours, usage steps every half hour.
    for (let step = 1; step <= ((15 * 86_400 + 3600) * 1000) / KRR_STEP_MS; step++) {
      world.timeMs = step * KRR_STEP_MS;
      const now = world.timeMs / 1000;
      const gen = Math.floor(now / 10_800);
      const names = [0, 1, 2, 3].map((i) => `web-${gen + (i % 2)}-${i}`);
      if (names.some((name) => !world.pods.has(name))) {
        world.pods.clear();
        world.podsVersion++;
      }
      names.forEach((name, i) => putPod(world, i, name, { cpuMillis: 50 + (Math.floor(now / 1800) % 4) * 25 + i, memoryMiB: 76.865 }));
      sampleKrrHistory(world, history);
      // Each frame holds the pods of its moment, also after a churn.
      expect(history.frames[history.frames.length - 1].pods.names).toEqual(names);
      // The reference keeps plain frames, pruned hourly as the history always was.
      const hour = Math.floor(now / 3600);
      if (hour !== lastPruneHour) {
        lastPruneHour = hour;
        while (reference.length > 0 && reference[0].t < now - window) reference.shift();
      }
      reference.push(history.frames[history.frames.length - 1]);
      expect(history.frames.every((f) => Math.floor(f.t / KRR_BLOCK_SECONDS) === Math.floor(now / KRR_BLOCK_SECONDS))).toBe(true);
    }
    const sorted = (m: ReturnType<typeof krrSeries>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(sorted(krrSeries(history))).toEqual(sorted(krrSeries({ frames: reference, lastSampleMs: 0 })));
    expect(history.blocks!.length).toBe(168);
    // Nothing to compact while the head holds one window.
    const before = history.blocks!.length;
    compactClosedWindows(history);
    expect(history.blocks!.length).toBe(before);
  });
});
