import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../core/invariants';
import { cloneWorld } from '../../core/world';
import { runTrace } from '../../trace/runTrace';
import { runView } from '../../commands/views';
import { caExampleWorld, liveGroupNodes, runningPodsOf } from './engineFixtures';

describe('examples/ca-nginx-scaleout.yaml through the engine', () => {
  const { world, durationMs } = caExampleWorld();
  const groupSizes: { t: number; nodes: number; desired: number }[] = [];
  const problems: string[] = [];
  let allRunningAt = -1;
  const trace = runTrace(world, durationMs, {
    onTick: (w) => {
      const t = w.timeMs / 1000;
      for (const p of checkInvariants(w)) problems.push(`t=${t}: ${p}`);
      groupSizes.push({ t, nodes: liveGroupNodes(w), desired: w.nodeGroups.get('ng1')!.desiredCapacity });
      if (allRunningAt < 0 && runningPodsOf(w, 'nginx-to-scaleout') === 15) allRunningAt = t;
    },
  });
  const caEvents = trace.events.filter((e) => e.source === 'cluster-autoscaler');

  it('keeps every invariant on every tick', () => {
    expect(problems).toEqual([]);
  });

  it('grows the group 3 → 5 (never above 6) on the first scan after the pods go Pending', () => {
    const firstRaise = groupSizes.find((s) => s.desired > 3)!;
    expect(firstRaise.desired).toBe(5);
    expect(firstRaise.t).toBeGreaterThan(60);
    expect(firstRaise.t).toBeLessThanOrEqual(70);
    expect(Math.max(...groupSizes.map((s) => s.nodes))).toBe(5);
    expect(Math.max(...groupSizes.map((s) => s.desired))).toBeLessThanOrEqual(6);
  });

  it('runs all 15 pods once the new nodes are Ready (about 1-2 minutes after the scale-up)', () => {
    expect(allRunningAt).toBeGreaterThan(90);
    expect(allRunningAt).toBeLessThan(240);
  });

  it('tells each triggering pod which group grew, with the ASG name as EKS names it', () => {
    const triggered = caEvents.filter((e) => e.reason === 'TriggeredScaleUp');
    expect(triggered).toHaveLength(6);
    for (const e of triggered) expect(e.message).toMatch(/^pod triggered scale-up: \[\{eks-ng1-[0-9a-f-]{36} 3->5 \(max: 6\)\}\]$/);
  });

  it('removes the two extra nodes no sooner than 10 minutes after the delete, back to 3', () => {
    // actuator.go:176 when the deletion starts, delete_in_batch.go:225 once the node is gone (cluster-autoscaler 1.33).
    const removals = caEvents.filter((e) => e.reason === 'ScaleDownEmpty' && e.message.startsWith('Scale-down: removing empty node "'));
    expect(removals).toHaveLength(2);
    expect(caEvents.filter((e) => e.reason === 'ScaleDownEmpty' && / removed$/.test(e.message)).map((e) => e.message)).toEqual(
      removals.map((e) => `Scale-down: empty node ${/"(.+)"/.exec(e.message)![1]} removed`),
    );
    for (const e of removals) expect(e.t - 300).toBeGreaterThanOrEqual(600);
    const firstShrink = groupSizes.find((s) => s.t > 300 && s.desired < 5)!;
    expect(firstShrink.t - 300).toBeGreaterThanOrEqual(600);
    expect(firstShrink.t - 300).toBeLessThan(660);
    expect(groupSizes.at(-1)).toMatchObject({ nodes: 3, desired: 3 });
    const tainted = caEvents.filter((e) => e.kind === 'Node' && e.message === 'marked the node as toBeDeleted/unschedulable');
    expect(tainted).toHaveLength(2);
  });

  it('reports its machine and counters in every sample after it starts', () => {
    const entries = trace.samples.map((s) => s.autoscalers['ClusterAutoscaler/cluster-autoscaler']).filter((e) => e !== undefined);
    const states = new Set(entries.map((e) => e.state));
    expect(states).toEqual(new Set(['scanning', 'scaleUpInProgress', 'scaleDownCandidate', 'scalingDown']));
    expect(entries.at(-1)).toMatchObject({ state: 'scanning', scaleUps: 1, scaleDowns: 2 });
  });

  it('writes the status ConfigMap that kubectl shows', () => {
    const out = runView(world, ['kubectl', 'get', 'configmap', 'cluster-autoscaler-status', '--namespace=kube-system', '-o=yaml']);
    expect(out.ok).toBe(true);
    // The 1.30+ layout: api.ClusterAutoscalerStatus as YAML under data.status.
    expect(out.output).toMatch(/time: 2026-11-02 00:29:5\d \+0000 UTC/);
    expect(out.output).toContain('autoscalerStatus: Running');
    expect(out.output).toMatch(/cloudProviderTarget: 3\s+minSize: 3\s+maxSize: 6/);
  });

  it('is deterministic: the same seed gives the same trace, and a checkpoint replays identically', () => {
    const a = caExampleWorld();
    const b = caExampleWorld();
    const ta = runTrace(a.world, 700_000);
    expect(JSON.stringify(runTrace(caExampleWorld().world, 700_000))).toBe(JSON.stringify(ta));
    const tb = runTrace(b.world, 400_000);
    const checkpoint = cloneWorld(b.world);
    const rest = runTrace(checkpoint, 700_000);
    expect(JSON.stringify(runTrace(b.world, 700_000).samples.at(-1))).toBe(JSON.stringify(ta.samples.at(-1)));
    expect(JSON.stringify(rest.samples.at(-1))).toBe(JSON.stringify(ta.samples.at(-1)));
    expect(tb.samples.length).toBeGreaterThan(0);
  });
});
