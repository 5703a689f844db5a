import { describe, expect, it } from 'vitest';
import { advance, createSession, issueCommand, maxCheckpoints, seekNow, thinCheckpoints } from './session';
import { deployment, scenario } from './testing/fixtures';
import { sampleWorld } from './trace/trace';

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
    const gaps = list.slice(1).map((c, i) => c.timeMs - list[i].timeMs);
    // Evenly spread: no gap more than twice the mean (100 min / 9 gaps).
    expect(Math.max(...gaps)).toBeLessThanOrEqual((2 * 6_000_000) / 9);
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

  it('budgets checkpoints by pods held', () => {
    expect(maxCheckpoints(100)).toBe(180);
    expect(maxCheckpoints(1000)).toBe(170);
    expect(maxCheckpoints(5000)).toBe(34);
    expect(maxCheckpoints(30000)).toBe(6);
    expect(maxCheckpoints(100_000)).toBe(6);
  });
});
