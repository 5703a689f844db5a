import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../bootstrap';
import { step } from '../../../core/step';
import { applyCommand } from '../../../commands/apply';
import { deployment, scenario } from '../../../testing/fixtures';
import { isProvisionable } from './worldViews';

/** kubernetes-sigs/karpenter pkg/utils/pod/scheduling.go: IsProvisionable requires !IsPreempting (no nominatedNodeName). */
describe('Karpenter and pods waiting on preemption', () => {
  it('a pod nominated to a node is not provisionable; its unschedulable twin with no victims to take is', () => {
    const low = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'low' }, value: -1 };
    const world = createWorld(scenario(), [low, deployment('low', 3, '1000m', '64Mi', { priorityClassName: 'low' })]);
    for (let i = 0; i < 30; i++) step(world);
    applyCommand(world, { type: 'apply', manifests: [deployment('web', 4, '1000m', '64Mi')] });
    step(world);
    const web = [...world.pods.values()].filter((p) => p.deployment === 'web' && p.state === 'Pending');
    const nominated = web.filter((p) => p.nominatedNodeName);
    const waiting = web.filter((p) => !p.nominatedNodeName);
    expect(nominated).toHaveLength(3);
    expect(waiting).toHaveLength(1);
    expect(nominated.map(isProvisionable)).toEqual([false, false, false]);
    expect(isProvisionable(waiting[0])).toBe(true);
  });
});
