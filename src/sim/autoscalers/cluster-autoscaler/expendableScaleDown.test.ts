import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { deployment, nodeGroup, scenario } from '../../testing/fixtures';
import { AUTO_DISCOVERY_TAGS, caDeployment, liveGroupNodes, runChecked } from './engineFixtures';

/**
 * static_autoscaler.go RunOnce builds the CA's snapshot from core/utils/expendable.go
 * FilterOutExpendablePods(scheduled pods): a pod below --expendable-pods-priority-cutoff (-10) holds
 * no room and is not a pod to move, so it keeps no node ("they can be killed without any
 * consideration during scale down", the flag's help).
 */
function world(value: number) {
  const pc = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'batch' }, value };
  // One 1500m batch pod a node: 78% of a t3.medium's CPU, well above the 0.5 scale-down threshold.
  return createWorld(scenario({ durationMs: 3_600_000, nodeGroups: [nodeGroup({ desiredCapacity: 4, tags: AUTO_DISCOVERY_TAGS })] }), [
    caDeployment(),
    pc,
    deployment('batch', 4, '1500m', '64Mi', { priorityClassName: 'batch' }),
  ]);
}

describe('CA scale-down and expendable pods', () => {
  it('a node whose only workload is an expendable pod is removed (group 4 → 3)', () => {
    const w = world(-20);
    runChecked(w, 20 * 60);
    expect(liveGroupNodes(w)).toBe(3);
  });

  it('the same pods at priority -1 (not expendable) keep every node', () => {
    const w = world(-1);
    runChecked(w, 20 * 60);
    expect(liveGroupNodes(w)).toBe(4);
  });
});
