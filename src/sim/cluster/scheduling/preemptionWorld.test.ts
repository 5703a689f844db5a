import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { step } from '../../core/step';
import type { ManifestDoc } from '../../core/commands';
import type { Pod, World } from '../../core/types';
import { deployment, scenario } from '../../testing/fixtures';
import { applyCommand } from '../../commands/apply';

/**
 * DefaultPreemption on the engine's world (no autoscaler): three t3.medium nodes each hold one
 * 1000m pod of class `low` (-1), so a 1000m pod of priority 0 or more fits nowhere. Cases after
 * default_preemption_test.go (TestPreempt: "preemption is not attempted with preemptionPolicy
 * Never", "nominated pods"...), run through the scheduler, the lifecycle and the events.
 */
const pc = (name: string, value: number): ManifestDoc => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value });
const view = (world: World, line: string): string => applyCommand(world, { type: 'view', line, args: line.split(' ') }).output;
const run = (world: World, seconds: number) => {
  for (let i = 0; i < seconds; i++) step(world);
};
const podsOf = (world: World, name: string): Pod[] => [...world.pods.values()].filter((p) => p.deployment === name && p.state !== 'Gone');

function filledCluster(): World {
  const world = createWorld(scenario(), [pc('low', -1), pc('high', 100), deployment('low', 3, '1000m', '64Mi', { priorityClassName: 'low' })]);
  run(world, 30);
  expect(podsOf(world, 'low').map((p) => p.state)).toEqual(['Ready', 'Ready', 'Ready']);
  return world;
}

describe('kube-scheduler preemption in the engine', () => {
  it('a pod that fits nowhere preempts one low pod, is nominated to its node, and schedules there once the victim is gone', () => {
    const world = filledCluster();
    applyCommand(world, { type: 'apply', manifests: [deployment('web', 1, '1000m', '64Mi')] });
    run(world, 1);
    const [web] = podsOf(world, 'web');
    const preempted = world.events.filter((e) => e.reason === 'Preempted');
    expect(preempted).toHaveLength(1);
    const victim = world.pods.get(preempted[0].name)!;
    expect(victim.state).toBe('Terminating');
    expect(victim.conditions.find((c) => c.type === 'DisruptionTarget')?.reason).toBe('PreemptionByScheduler');
    expect(preempted[0].message).toBe(`Preempted by pod ${/[0-9a-f-]{36}/.exec(preempted[0].message)![0]} on node ${victim.nodeName}`);
    expect(web.state).toBe('Pending');
    expect(web.nominatedNodeName).toBe(victim.nodeName);
    const out = view(world, 'kubectl get pods -o wide');
    expect(out.split('\n').find((l) => l.startsWith(web.name))).toContain(victim.nodeName);
    run(world, 10);
    expect(web.nodeName).toBe(victim.nodeName);
    expect(web.nominatedNodeName).toBeUndefined();
    expect(world.notices.some((n) => n.includes('preemption is not simulated'))).toBe(false);
  });

  it('preemptionPolicy Never: no victim, and the scheduler says why', () => {
    const world = filledCluster();
    applyCommand(world, { type: 'apply', manifests: [deployment('web', 1, '1000m', '64Mi', { preemptionPolicy: 'Never' })] });
    run(world, 10);
    expect(world.events.some((e) => e.reason === 'Preempted')).toBe(false);
    const [web] = podsOf(world, 'web');
    expect(web.state).toBe('Pending');
    expect(web.unschedulableMessage).toBe('0/3 nodes are available: 3 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
  });

  it('a lower-priority pod does not take the room freed for a nominated one', () => {
    const world = filledCluster();
    // high (100) goes first and preempts on one node; mid (0) sees high's claim there and preempts elsewhere.
    applyCommand(world, { type: 'apply', manifests: [deployment('top', 1, '1000m', '64Mi', { priorityClassName: 'high' }), deployment('mid', 1, '1000m', '64Mi')] });
    run(world, 1);
    const [top] = podsOf(world, 'top');
    const [mid] = podsOf(world, 'mid');
    expect(top.nominatedNodeName).toBeDefined();
    expect(mid.nominatedNodeName).toBeDefined();
    expect(mid.nominatedNodeName).not.toBe(top.nominatedNodeName);
    run(world, 10);
    expect(top.nodeName).toBe(top.nominatedNodeName ?? top.nodeName);
    expect(mid.nodeName).not.toBe(top.nodeName);
    expect([top.state, mid.state].every((s) => s !== 'Pending')).toBe(true);
  });

  it('kubectl get/describe priorityclass list the built-in classes and the scenario’s, and pods show their class', () => {
    const world = filledCluster();
    const get = view(world, 'kubectl get pc').split('\n');
    expect(get[0]).toMatch(/^NAME +VALUE +GLOBAL-DEFAULT +AGE +PREEMPTIONPOLICY$/);
    expect(get.slice(1).map((l) => l.split(/ +/)[0])).toEqual(['high', 'low', 'system-cluster-critical', 'system-node-critical']);
    expect(get.find((l) => l.startsWith('low'))).toMatch(/^low +-1 +false +\S+ +PreemptLowerPriority$/);
    const describe = view(world, 'kubectl describe priorityclass low');
    expect(describe).toMatch(/^Name: +low\nValue: +-1\nGlobalDefault: +false\nPreemptionPolicy: +PreemptLowerPriority/);
    const pod = podsOf(world, 'low')[0];
    expect(view(world, `kubectl describe pod ${pod.name}`)).toMatch(/\nPriority: +-1\nPriority Class Name: +low\n/);
  });

  it('applying a workload that names a class the cluster does not have is refused as admission refuses its pods', () => {
    const world = filledCluster();
    const r = applyCommand(world, { type: 'apply', manifests: [deployment('web', 1, '100m', '64Mi', { priorityClassName: 'nope' })] });
    expect(r.ok).toBe(false);
    expect(r.output).toContain('no PriorityClass with name nope was found');
  });
});
