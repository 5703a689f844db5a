import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { checkInvariants } from '../core/invariants';
import { runUntil } from '../core/step';
import type { LoadSpec, Pod, World } from '../core/types';
import { deployment, scenario } from '../testing/fixtures';
import { busyLoopCpuMillis, containerStartMs, forgetOwner, newOwnerRequestMemo, oomObservers, podBusyCpuMillis, workingSetAtRestMiB, type OomKill } from './workloadModel';

const sh = (script: string) => ({ command: ['/bin/sh'], args: ['-c', script] });

describe('busy loops read from the command line', () => {
  it('reads the VPA hamster loop as half a core', () => {
    expect(busyLoopCpuMillis(sh('while true; do timeout 0.5s yes >/dev/null; sleep 0.5s; done'))).toBe(500);
  });
  it('scales with the busy and idle times', () => {
    expect(busyLoopCpuMillis(sh('while true; do timeout 0.2s yes > /dev/null; sleep 0.8s; done'))).toBe(200);
    expect(busyLoopCpuMillis(sh('while true; do timeout 3 yes >/dev/null; sleep 1; done'))).toBe(750);
  });
  it('reads a flat-out loop as one core, and a sleeping or unknown command as nothing', () => {
    expect(busyLoopCpuMillis({ command: ['yes'], args: [] })).toBe(1000);
    expect(busyLoopCpuMillis(sh('while true; do :; done'))).toBe(1000);
    expect(busyLoopCpuMillis(sh('while sleep 0.01; do wget -q -O- http://php-apache; done'))).toBe(0);
    expect(busyLoopCpuMillis({ command: [], args: [] })).toBe(0);
    expect(busyLoopCpuMillis(sh('while true; do timeout 0s yes; sleep 0s; done'))).toBe(0);
  });
});

function hamsterWorld(load: Partial<LoadSpec> | null, limits?: Record<string, string>): World {
  const d = deployment('hamster', 2, '100m', '50Mi');
  const c = (d.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0];
  Object.assign(c, sh('while true; do timeout 0.5s yes >/dev/null; sleep 0.5s; done'));
  if (limits) c.resources = { requests: { cpu: '100m', memory: '50Mi' }, limits };
  const loads: LoadSpec[] = load ? [{ target: 'hamster', cpuPerRequestMillis: 0, memoryPerInflightMiB: 0, timeoutMs: 30_000, ...load }] : [];
  return createWorld(scenario({ load: loads }), [d]);
}

function hamsterPods(world: World): Pod[] {
  return [...world.pods.values()].filter((p) => p.deployment === 'hamster');
}

function runChecked(world: World, untilMs: number): void {
  runUntil(world, untilMs, (w) => expect(checkInvariants(w)).toEqual([]));
}

describe('the workload model in the engine', () => {
  it('a busy-loop pod burns its loop: metrics-server reports 500m + 1m idle', () => {
    const world = hamsterWorld(null);
    runChecked(world, 60_000);
    for (const p of hamsterPods(world)) expect(p.metric?.cpuMillis).toBeCloseTo(501, 6);
  });

  it('every pod of a target burns the load\'s per-pod rate, up to 98% of its CPU limit', () => {
    // A sleeping container: only the load's requests use CPU. 2 pods, 10 req/s at 60m a request:
    // 300m a pod, under a 400m limit; 20 req/s would be 600m a pod, and the queue serves at most
    // 98% of the 400m (RHO_CAP) — stepLoad's shared-rate path (the rate below every cap) in both.
    const world = (rps: number) => {
      const d = deployment('web', 2, '100m', '50Mi');
      const c = (d.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0];
      Object.assign(c, sh('sleep 3600'), { resources: { requests: { cpu: '100m', memory: '50Mi' }, limits: { cpu: '400m' } } });
      const load: LoadSpec = { target: 'web', cpuPerRequestMillis: 60, memoryPerInflightMiB: 0, timeoutMs: 30_000, profile: [{ atMs: 0, rps, rampMs: 0 }] };
      return createWorld(scenario({ load: [load] }), [d]);
    };
    const pods = (w: World) => [...w.pods.values()].filter((p) => p.deployment === 'web');
    const under = world(10);
    runChecked(under, 90_000);
    expect(pods(under)).toHaveLength(2);
    for (const p of pods(under)) expect(p.metric?.cpuMillis).toBeCloseTo(301, 6);
    const over = world(20);
    runChecked(over, 90_000);
    for (const p of pods(over)) expect(p.metric?.cpuMillis).toBeCloseTo(0.98 * 400 + 1, 6);
  });

  it('the busy CPU is capped by the CPU limit, and a load may set it explicitly', () => {
    const capped = hamsterWorld(null, { cpu: '300m' });
    runChecked(capped, 60_000);
    for (const p of hamsterPods(capped)) expect(p.metric?.cpuMillis).toBeCloseTo(301, 6);
    const explicit = hamsterWorld({ cpuPerPodMillis: 120 });
    runChecked(explicit, 60_000);
    for (const p of hamsterPods(explicit)) expect(p.metric?.cpuMillis).toBeCloseTo(121, 6);
    expect(podBusyCpuMillis(hamsterPods(explicit)[0], explicit.loads.get('hamster'))).toBe(120);
  });

  it('resting memory is 60% of the template request (not of a VPA-raised pod request), or the load base', () => {
    const world = hamsterWorld(null);
    runChecked(world, 30_000);
    const pod = hamsterPods(world)[0];
    expect(pod.memoryMiB).toBeCloseTo(30, 9);
    pod.request = { ...pod.request, memoryMiB: 250 };
    expect(workingSetAtRestMiB(world, pod, undefined, world.timeMs)).toBeCloseTo(30, 9);
    expect(workingSetAtRestMiB(world, pod, { memoryBaseMiB: 80 } as LoadSpec, world.timeMs)).toBe(80);
  });

  it('the scrape reads each pod\'s own ReplicaSet template, however the pods of several ReplicaSets interleave', () => {
    // Three deployments of different memory requests; the pod list is then reordered so owners
    // alternate, and a second scrape must still give each pod 60% of its own template's request.
    const world = createWorld(scenario({}), [deployment('a', 3, '100m', '50Mi'), deployment('b', 3, '100m', '100Mi'), deployment('c', 2, '100m', '20Mi')]);
    runChecked(world, 30_000);
    const pods = [...world.pods.values()];
    const byOwner = (d: string) => pods.filter((p) => p.deployment === d);
    const [a, b, c] = [byOwner('a'), byOwner('b'), byOwner('c')];
    world.pods.clear();
    for (const p of [a[0], b[0], a[1], c[0], b[1], b[2], a[2], c[1]]) world.pods.set(p.name, p);
    for (const p of pods) if (!world.pods.has(p.name)) world.pods.set(p.name, p);
    for (const p of [...a, ...b, ...c]) p.memoryMiB = 0;
    runChecked(world, 45_000);
    const expected: Record<string, number> = { a: 30, b: 60, c: 12 };
    for (const p of [...a, ...b, ...c]) expect([p.deployment, p.memoryMiB]).toEqual([p.deployment, expect.closeTo(expected[p.deployment], 9)]);
  });

  it('a pod without its ReplicaSet falls back to its own request, and a forgotten pass asks the ReplicaSets again', () => {
    const world = createWorld(scenario({}), [deployment('a', 2, '100m', '50Mi'), deployment('b', 2, '100m', '100Mi')]);
    runChecked(world, 30_000);
    const pods = [...world.pods.values()].filter((p) => p.deployment !== '');
    const a = pods.filter((p) => p.deployment === 'a');
    const b = pods.filter((p) => p.deployment === 'b');
    const owners = newOwnerRequestMemo();
    const rest = (p: Pod) => workingSetAtRestMiB(world, p, undefined, world.timeMs, owners);
    expect([rest(a[0]), rest(b[0])]).toEqual([expect.closeTo(30, 9), expect.closeTo(60, 9)]);
    // Without its ReplicaSet a pod falls back to its own request, asked again or not.
    const rsOfB = world.replicaSets.get(b[0].ownerName)!;
    world.replicaSets.delete(b[0].ownerName);
    forgetOwner(owners);
    b[1].request = { ...b[1].request, memoryMiB: 200 };
    expect([rest(b[1]), rest(a[1]), rest(b[1])]).toEqual([expect.closeTo(120, 9), expect.closeTo(30, 9), expect.closeTo(120, 9)]);
    world.replicaSets.set(rsOfB.name, rsOfB);
    forgetOwner(owners);
    expect([rest(a[0]), rest(b[1])]).toEqual([expect.closeTo(30, 9), expect.closeTo(60, 9)]);
  });

  it('a leak grows with the time since the container started', () => {
    const world = hamsterWorld({ memoryBaseMiB: 100, memoryLeakMiBPerHour: 60 });
    runChecked(world, 600_000);
    const pod = hamsterPods(world)[0];
    const start = containerStartMs(pod, world.timeMs);
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThan(10_000);
    // Scraped at 600 s: 100 + 60 MiB/h × (600 s − start).
    expect(pod.memoryMiB).toBeCloseTo(100 + (60 * (600_000 - start)) / 3_600_000, 6);
  });

  it('past the memory limit the pod is OOMKilled, backs off 10 s, restarts with fresh memory, and observers hear of it', () => {
    const world = hamsterWorld({ memoryBaseMiB: 100, memoryLeakMiBPerHour: 600 }, { memory: '120Mi' });
    const kills: { pod: string; kill: OomKill }[] = [];
    const observer = (_w: World, pod: Pod, kill: OomKill) => kills.push({ pod: pod.name, kill });
    oomObservers.push(observer);
    try {
      // 20Mi of headroom at 600Mi/h: killed after about 2 minutes, at the first scrape past it.
      runChecked(world, 150_000);
    } finally {
      oomObservers.splice(oomObservers.indexOf(observer), 1);
    }
    expect(kills.length).toBe(2);
    for (const { kill } of kills) {
      expect(kill.workingSetMiB).toBeGreaterThan(120);
      expect(kill.limitMiB).toBe(120);
      expect(kill.runMs).toBeGreaterThanOrEqual(120_000);
      expect(kill.runMs).toBeLessThan(140_000);
    }
    const events = world.events.filter((e) => e.reason === 'SystemOOM');
    expect(events).toHaveLength(2);
    expect(events[0].message).toMatch(/^System OOM encountered, victim process: yes, pid: \d+$/);
    for (const p of hamsterPods(world)) {
      expect(p.restarts).toBe(1);
      expect(p.lastTerminationReason).toBe('OOMKilled');
      expect(p.state).toBe('Ready');
      expect(p.memoryMiB).toBeLessThan(110);
    }
  });

  it('no limit, no OOM however large the working set', () => {
    const world = hamsterWorld({ memoryBaseMiB: 100, memoryLeakMiBPerHour: 100_000 });
    runChecked(world, 120_000);
    for (const p of hamsterPods(world)) {
      expect(p.restarts).toBe(0);
      expect(p.memoryMiB).toBeGreaterThan(1000);
    }
  });
});
