import { describe, expect, it } from 'vitest';
import { advance, createSession } from './session';
import { deployment, nodeGroup, scenario } from './testing/fixtures';
import { KRR_STEP_MS, krrHistoryBytes, krrSimpleView, type KrrFrame, type KrrHistory } from './autoscalers/vpa/krrHistory';
import type { World } from './core/types';

const krrOf = (w: World) => (w.autoscalers.vpa as { krr?: KrrHistory } | undefined)?.krr ?? { frames: [], lastSampleMs: -1 };

/**
 * Issue #12 item 7 / #14: over a simulated day the heap must stop growing once the ring buffers
 * fill. What kept growing was the KRR history (a sample per pod every 75 s, kept for KRR's 14-day
 * window): 8 bytes per pod per step plus the pods' name lists. It is now compacted every 2 hours
 * (krrBlocks.ts), and the compacted blocks are shared by every checkpoint.
 */
describe('a long session’s memory', () => {
  it('the KRR history grows by a small fraction of its raw columns from hour 2 to hour 6; checkpoints share it and the events', () => {
    const pods = 30;
    const s = createSession(
      scenario({
        durationMs: 7 * 3600_000,
        nodeGroups: [nodeGroup({ instanceTypes: ['m5.xlarge'], minSize: 3, maxSize: 3, desiredCapacity: 3 })],
        // Traffic stepping every half hour, so usage changes and the series are not all one run.
        load: [
          {
            target: 'web',
            cpuPerRequestMillis: 20,
            memoryPerInflightMiB: 1,
            timeoutMs: 30_000,
            profile: Array.from({ length: 14 }, (_, i) => ({ atMs: i * 1800_000, rps: i % 2 === 0 ? 40 : 160, rampMs: 300_000 })),
          },
        ],
      }),
      [deployment('web', pods, '100m', '128Mi')],
    );
    // Step by step, keep every frame as written, to check the compacted history reports the same.
    const frames: KrrFrame[] = [];
    const run = (ms: number) => {
      for (let t = 0; t < ms; t += KRR_STEP_MS) {
        advance(s, KRR_STEP_MS);
        const head = krrOf(s.world).frames;
        if (head.length > 0 && head[head.length - 1] !== frames[frames.length - 1]) frames.push(head[head.length - 1]);
      }
    };
    run(2 * 3600_000);
    const at2 = krrHistoryBytes(krrOf(s.world));
    run(4 * 3600_000);
    const at6 = krrHistoryBytes(krrOf(s.world));
    // Raw int32 columns alone: cpu + mem, 4 bytes each, per pod per 75 s step, for 4 hours.
    const raw = pods * 8 * ((4 * 3600) / 75);
    expect(at6 - at2).toBeGreaterThan(0);
    expect(at6 - at2).toBeLessThan(raw / 3);
    // Every checkpoint holds the very same blocks (structural sharing), not copies.
    const blocks = krrOf(s.world).blocks!;
    expect(blocks.length).toBe(3);
    for (const c of s.checkpoints) {
      const theirs = krrOf(c.packed.rest).blocks ?? [];
      theirs.forEach((b, i) => expect(b).toBe(blocks[i]));
    }
    // Events and log lines are frozen when written: the newest checkpoint holds the live world's own objects.
    const last = s.checkpoints[s.checkpoints.length - 1].packed.rest;
    const firstKept = s.world.eventCount - s.world.events.length;
    const shared = last.events.filter((e, i) => last.eventCount - last.events.length + i >= firstKept);
    expect(shared.length).toBeGreaterThan(0);
    // Event number g (counting from the run's first) sits at g − firstKept in the live ring.
    shared.forEach((e, j) => expect(e).toBe(s.world.events[last.eventCount - shared.length + j - firstKept]));
    expect(last.logs.at(-1)).toBe(s.world.logs[last.logCount - 1 - (s.world.logCount - s.world.logs.length)]);
    // `krr simple` reads the same samples as from the uncompacted frames.
    const report = krrSimpleView(s.world);
    expect(report).toContain('web');
    const vpa = s.world.autoscalers.vpa as { krr: KrrHistory };
    vpa.krr = { frames, lastSampleMs: vpa.krr.lastSampleMs };
    expect(krrSimpleView(s.world)).toBe(report);
  }, 120_000);
});
