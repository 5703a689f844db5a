import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/loadScenario';
import { advance, COSTLY_HEAD_MS, createSession, issueCommand, maxCheckpoints, replayWeightMs, seekNow, thinCheckpoints } from './session';
import { deployment, scenario } from './testing/fixtures';
import { sampleWorld } from './trace/trace';
import { LOG_RING } from './core/world';
import type { World } from './core/types';
import type { KrrHistory } from './autoscalers/vpa/krrHistory';
import { KRR_BLOCK_SECONDS } from './autoscalers/vpa/krrBlocks';

const snapshot = (s: ReturnType<typeof createSession>) => JSON.stringify(sampleWorld(s.world, true));

describe('session replay', () => {
  it('seeking back and forth reproduces the same world, commands included', () => {
    const s = createSession(scenario(), [deployment('web', 2, '200m', '128Mi')]);
    advance(s, 30_000);
    issueCommand(s, 'kubectl scale --replicas=8 deployment/web', { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 8 });
    advance(s, 150_000);
    const at180 = snapshot(s);
    const podsAt180 = s.world.pods.size;
    seekNow(s, 45_000);
    expect(s.world.timeMs).toBe(45_000);
    seekNow(s, 180_000);
    expect(s.world.pods.size).toBe(podsAt180);
    expect(snapshot(s)).toBe(at180);
  });

  it('a command issued after seeking back replaces the rest of the log', () => {
    const s = createSession(scenario(), [deployment('web', 2, '200m', '128Mi')]);
    advance(s, 20_000);
    issueCommand(s, 'scale 6', { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 6 });
    advance(s, 60_000);
    seekNow(s, 10_000);
    issueCommand(s, 'scale 3', { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 3 });
    expect(s.log.map((c) => c.input)).toEqual(['scale 3']);
    advance(s, 60_000);
    expect(s.world.deployments.get('web')!.replicas).toBe(3);
  });

  it('commands issued at the same paused instant all stay, applied in order', () => {
    const s = createSession(scenario(), [deployment('web', 2, '200m', '128Mi')]);
    advance(s, 20_000);
    issueCommand(s, 'scale 6', { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 6 });
    issueCommand(s, 'scale 4', { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 4 });
    expect(s.log.map((c) => c.input)).toEqual(['scale 6', 'scale 4']);
    advance(s, 1_000);
    expect(s.world.deployments.get('web')!.replicas).toBe(4);
    expect(s.world.commands.map((c) => c.input).slice(-2)).toEqual(['scale 6', 'scale 4']);
  });
});

describe('checkpoint thinning', () => {
  it('keeps the first and the newest and spreads the rest evenly', () => {
    let list = [{ timeMs: 0 }];
    for (let t = 1; t <= 100; t++) list = thinCheckpoints([...list, { timeMs: t * 60_000 }], 10);
    expect(list).toHaveLength(10);
    expect(list[0].timeMs).toBe(0);
    expect(list.at(-1)!.timeMs).toBe(6_000_000);
    const gaps = list.slice(1).map((c, i) => replayWeightMs(list[i].timeMs, c.timeMs));
    // Evenly spread by replay cost: no gap more than twice the mean over 9 gaps.
    expect(Math.max(...gaps)).toBeLessThanOrEqual((2 * replayWeightMs(0, 6_000_000)) / 9);
  });

  it('never drops the recent ones: every minute of the last quarter hour stays, the rest spread', () => {
    let list = [{ timeMs: 0 }];
    for (let t = 1; t <= 300; t++) list = thinCheckpoints([...list, { timeMs: t * 60_000 }], 30, (t - 15) * 60_000);
    expect(list).toHaveLength(30);
    const recent = list.filter((c) => c.timeMs >= 285 * 60_000).map((c) => c.timeMs / 60_000);
    expect(recent).toEqual(Array.from({ length: 16 }, (_, i) => 285 + i));
    const older = list.filter((c) => c.timeMs < 285 * 60_000);
    const gaps = older.slice(1).map((c, i) => c.timeMs - older[i].timeMs);
    expect(Math.max(...gaps)).toBeLessThanOrEqual((2 * 285 * 60_000) / (older.length - 1));
    // More recent checkpoints than the budget: nothing is dropped rather than a recent one.
    expect(thinCheckpoints([0, 1, 2, 3].map((m) => ({ timeMs: m * 60_000 })), 2, 0)).toHaveLength(4);
  });

  it("keeps the run's costly first half hour about three times as dense as the rest", () => {
    let list = [{ timeMs: 0 }];
    for (let t = 1; t <= 240; t++) list = thinCheckpoints([...list, { timeMs: t * 60_000 }], 20);
    const gaps = list.slice(1).map((c, i) => [list[i].timeMs, c.timeMs] as const);
    const headGaps = gaps.filter(([, to]) => to <= COSTLY_HEAD_MS).map(([from, to]) => to - from);
    const laterGaps = gaps.filter(([from]) => from >= COSTLY_HEAD_MS).map(([from, to]) => to - from);
    expect(headGaps.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...headGaps) * 2).toBeLessThanOrEqual(Math.min(...laterGaps));
    // Weighed by replay cost, no gap stands out: the largest is at most twice the mean.
    const weights = gaps.map(([from, to]) => replayWeightMs(from, to));
    expect(Math.max(...weights)).toBeLessThanOrEqual((2 * replayWeightMs(0, 240 * 60_000)) / gaps.length);
  });

  it('a long seek leaves a checkpoint before its target, so seeking nearby again replays minutes, not the gap', () => {
    const s = createSession(scenario(), [deployment('web', 3, '200m', '128Mi')]);
    advance(s, 10 * 60_000);
    issueCommand(s, 'scale 6', { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 6 });
    advance(s, 30 * 60_000);
    const late = snapshot(s);
    // As in a long run whose checkpoints were thinned: one checkpoint at the start, one at the end.
    s.checkpoints = [s.checkpoints[0], s.checkpoints[s.checkpoints.length - 1]];
    seekNow(s, 25 * 60_000 + 30_000);
    const scrubbed = snapshot(s);
    // Ten minutes before the target, to the minute.
    expect(s.checkpoints.map((c) => c.timeMs)).toEqual([0, 16 * 60_000, 40 * 60_000]);
    // The next seek nearby starts from it, and lands on the same world a replay from 0 gives.
    seekNow(s, 18 * 60_000 + 10_000);
    expect(s.world.timeMs).toBe(18 * 60_000 + 10_000);
    seekNow(s, 25 * 60_000 + 30_000);
    expect(snapshot(s)).toBe(scrubbed);
    // The same moment replayed from the start is the same world.
    s.checkpoints = [s.checkpoints[0]];
    seekNow(s, 0);
    seekNow(s, 25 * 60_000 + 30_000);
    expect(snapshot(s)).toBe(scrubbed);
    // A short seek (under five minutes of replay) leaves none.
    const before = s.checkpoints.map((c) => c.timeMs);
    expect(before).toEqual([0, 16 * 60_000]);
    seekNow(s, 25 * 60_000 + 50_000);
    expect(s.checkpoints.map((c) => c.timeMs)).toEqual(before);
    seekNow(s, 40 * 60_000);
    expect(snapshot(s)).toBe(late);
  });

  it('packs a checkpoint\'s KRR head once its window is compacted, and a seek there restores it exactly', () => {
    const krrOf = (w: World) => (w.autoscalers.vpa as { krr: KrrHistory } | undefined)?.krr;
    const s = createSession(scenario(), [deployment('web', 3, '200m', '128Mi')]);
    // Past the first 2-hour window: the live history compacts it, and the checkpoints taken in it
    // are then its frames' only holders.
    advance(s, KRR_BLOCK_SECONDS * 1000 + 20 * 60_000);
    // (The history starts with the first 75-s step: the earliest checkpoints have none.)
    const old = s.checkpoints.filter((c) => krrOf(c.packed.rest) && c.timeMs < KRR_BLOCK_SECONDS * 1000);
    expect(old.length).toBeGreaterThan(0);
    for (const c of old) {
      expect(c.krrHead).toBeDefined();
      expect(krrOf(c.packed.rest)!.frames).toEqual([]);
    }
    // Those of the open window still share the live frames.
    const current = s.checkpoints.filter((c) => c.timeMs > KRR_BLOCK_SECONDS * 1000 + 75_000);
    expect(current.length).toBeGreaterThan(0);
    for (const c of current) expect(c.krrHead).toBeUndefined();

    const at = old[old.length - 1].timeMs + 30_000;
    const fresh = createSession(scenario(), [deployment('web', 3, '200m', '128Mi')]);
    advance(fresh, at);
    seekNow(s, at);
    expect(krrOf(s.world)!.frames.length).toBeGreaterThan(10);
    expect(krrOf(s.world)).toEqual(krrOf(fresh.world));
    expect(snapshot(s)).toBe(snapshot(fresh));
    // And on past the window's end, both compact it into the same block.
    advance(s, 3600_000);
    advance(fresh, 3600_000);
    expect(krrOf(s.world)).toEqual(krrOf(fresh.world));
  });

  it('shrinks checkpoints past the recent quarter hour, and a seek there restores the world exactly', () => {
    const open = () => {
      const path = 'examples/ca-nginx-scaleout.yaml';
      const loaded = loadScenario(readFileSync(path, 'utf8'), path);
      if (!loaded.ok) throw new Error('example does not load');
      return createSession(loaded.spec, loaded.manifests.map((m) => m.doc));
    };
    const s = open();
    // The Cluster Autoscaler at --v=4 logs ~45 lines a minute here: in four and a half hours the
    // ring has dropped lines more than once, so old checkpoints' lines are theirs alone.
    advance(s, 270 * 60_000);
    expect(s.world.logCount).toBeGreaterThan(2 * LOG_RING);
    const old = s.checkpoints.filter((c) => c.timeMs < s.world.timeMs - 15 * 60_000);
    const recent = s.checkpoints.filter((c) => c.timeMs >= s.world.timeMs - 15 * 60_000);
    expect(old.every((c) => c.packed.pods.deflated)).toBe(true);
    expect(recent.some((c) => c.packed.pods.deflated)).toBe(false);
    const packedLogs = old.filter((c) => c.rings.logs);
    expect(packedLogs.length).toBeGreaterThan(3);
    for (const c of packedLogs) expect(c.packed.rest.logs).toEqual([]);

    const at = packedLogs[packedLogs.length - 1].timeMs + 20_000;
    const fresh = open();
    advance(fresh, at);
    seekNow(s, at);
    expect(s.world.logs.length).toBeGreaterThan(100);
    expect(s.world.logs).toEqual(fresh.world.logs);
    expect(s.world.events).toEqual(fresh.world.events);
    expect(isDeepStrictEqual(s.world, fresh.world)).toBe(true);
    expect(snapshot(s)).toBe(snapshot(fresh));
    advance(s, 10 * 60_000);
    advance(fresh, 10 * 60_000);
    expect(snapshot(s)).toBe(snapshot(fresh));
  });

  it('budgets checkpoints by pods held', () => {
    expect(maxCheckpoints(100)).toBe(180);
    expect(maxCheckpoints(1000)).toBe(180);
    expect(maxCheckpoints(4000)).toBe(125);
    expect(maxCheckpoints(5000)).toBe(100);
    expect(maxCheckpoints(30000)).toBe(16);
    expect(maxCheckpoints(100_000)).toBe(6);
  });
});
