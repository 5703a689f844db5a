import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { step } from '../../core/step';
import { deployment, scenario } from '../../testing/fixtures';
import type { World } from '../../core/types';
import { createPod } from '../pods';

/**
 * The scheduler hands a pending pod the verdict of an earlier pod in the same pass that had the
 * same scheduling signature and fit nowhere (scheduler.ts schedulingSignature). These check the
 * signature is not coarser than what the filters read, and that every twin still gets its own
 * condition and event.
 */
function run(world: World, seconds: number): void {
  for (let i = 0; i < seconds; i++) step(world);
}
const podsOf = (world: World, name: string) => [...world.pods.values()].filter((p) => p.deployment === name);

describe('scheduler: verdicts shared between twin pods', () => {
  it('a pod with the same requests but no nodeSelector is not told the pinned pod verdict', () => {
    const world = createWorld(scenario(), [
      deployment('pinned', 4, '100m', '64Mi', { nodeSelector: { 'topology.kubernetes.io/zone': 'nowhere-1a' } }),
      deployment('free', 4, '100m', '64Mi'),
    ]);
    run(world, 60);
    const pinned = podsOf(world, 'pinned');
    const free = podsOf(world, 'free');
    expect(pinned.every((p) => p.state === 'Pending')).toBe(true);
    expect(new Set(pinned.map((p) => p.unschedulableMessage))).toEqual(
      new Set(["0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."]),
    );
    expect(free.every((p) => p.state === 'Ready')).toBe(true);
  });

  it('a pod with other labels is judged on its own when an existing pod repels the first one', () => {
    // One guard per node (they repel each other), and every guard repels pods labelled role=blocked:
    // blocked pods fit nowhere; plain pods, same requests but other labels, fit anywhere.
    const term = (matchLabels: Record<string, string>) => ({ labelSelector: { matchLabels }, topologyKey: 'kubernetes.io/hostname' });
    const guard = deployment('guard', 3, '100m', '64Mi', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'guard' }), term({ role: 'blocked' })] } } });
    const blocked = deployment('blocked', 2, '100m', '64Mi');
    const template = (blocked.spec as { template: { metadata: { labels: Record<string, string> } } }).template;
    template.metadata.labels = { app: 'blocked', role: 'blocked' };
    const world = createWorld(scenario(), [guard, blocked, deployment('plain', 2, '100m', '64Mi')]);
    run(world, 60);
    expect(podsOf(world, 'guard').every((p) => p.state === 'Ready')).toBe(true);
    expect(podsOf(world, 'blocked').map((p) => p.unschedulableMessage)).toEqual([
      "0/3 nodes are available: 3 node(s) didn't satisfy existing pods anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
      "0/3 nodes are available: 3 node(s) didn't satisfy existing pods anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    ]);
    expect(podsOf(world, 'plain').every((p) => p.state === 'Ready')).toBe(true);
  });

  it('every twin that fits nowhere gets the full message and its own FailedScheduling event', () => {
    const world = createWorld(scenario(), [deployment('big', 8, '1500m', '256Mi')]);
    run(world, 60);
    const pending = podsOf(world, 'big').filter((p) => p.state === 'Pending');
    expect(pending.length).toBe(5);
    const expected = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    for (const p of pending) {
      expect(p.unschedulableMessage).toBe(expected);
      expect(p.conditions.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' });
      expect(world.events.some((e) => e.reason === 'FailedScheduling' && e.name === p.name && e.message === expected)).toBe(true);
    }
  });

  it('a node that took a pod is judged again for its twins (no node takes more than fits)', () => {
    // t3.medium: 1,930m allocatable, 225m of system pods: three 500m pods per node, nine in all.
    const world = createWorld(scenario(), [deployment('web', 11, '500m', '64Mi')]);
    run(world, 60);
    const perNode = new Map<string, number>();
    for (const p of podsOf(world, 'web')) if (p.nodeName) perNode.set(p.nodeName, (perNode.get(p.nodeName) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([3, 3, 3]);
    for (const n of world.nodes.values()) expect(n.requested.cpuMillis).toBeLessThanOrEqual(n.allocatable.cpuMillis);
    expect(podsOf(world, 'web').filter((p) => p.state === 'Pending').length).toBe(2);
  });

  it('a pod whose request was replaced is not its spec twins\' twin (signatures kept per spec check the request)', () => {
    const world = createWorld(scenario(), [deployment('web', 2, '100m', '64Mi')]);
    run(world, 60);
    const [ready] = podsOf(world, 'web');
    expect(ready.state).toBe('Ready');
    // Two new pods of the same spec, labels and namespace; the second asks for more than a node
    // has, as a pod resized in place would (its request object replaced, the spec kept).
    const twin = createPod(world, { namespace: ready.namespace, ownerKind: 'None', ownerName: '', deployment: '', template: ready.spec });
    const big = createPod(world, { namespace: ready.namespace, ownerKind: 'None', ownerName: '', deployment: '', template: ready.spec });
    big.request = { ...big.request, cpuMillis: 64_000 };
    run(world, 5);
    expect(twin.state).not.toBe('Pending');
    expect(big.state).toBe('Pending');
    expect(big.unschedulableMessage).toContain('Insufficient cpu');
  });
});
