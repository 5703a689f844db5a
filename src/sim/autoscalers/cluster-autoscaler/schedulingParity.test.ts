import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { nodeGroup, scenario, deployment } from '../../testing/fixtures';
import { AUTO_DISCOVERY_TAGS, caDeployment, runChecked, runningPodsOf } from './engineFixtures';

/**
 * The CA simulates with the scheduler's own predicates (cluster-autoscaler FAQ "How does scale-up
 * work?"; simulator/scheduling/hinting_simulator.go runs the framework's Filter plugins), so a pod
 * with required node affinity grows the group whose template matches and nothing else.
 */
describe('CA and kube-scheduler share one filter', () => {
  const affinity = {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'node-type', operator: 'In', values: ['compute-a'] }] }],
        },
      },
    },
  };
  const world = () =>
    createWorld(
      scenario({
        nodeGroups: [
          nodeGroup({ name: 'general', desiredCapacity: 2, minSize: 2, maxSize: 4, labels: { 'node-type': 'general' }, tags: AUTO_DISCOVERY_TAGS }),
          nodeGroup({ name: 'compute-a', desiredCapacity: 1, minSize: 1, maxSize: 4, labels: { 'node-type': 'compute-a' }, tags: AUTO_DISCOVERY_TAGS }),
        ],
      }),
      [caDeployment(), deployment('pinned', 4, '800m', '256Mi', affinity)],
    );

  it('grows the group that satisfies required node affinity, and the pods run there', () => {
    const w = world();
    runChecked(w, 300);
    expect(w.nodeGroups.get('compute-a')!.desiredCapacity).toBeGreaterThan(1);
    expect(w.nodeGroups.get('general')!.desiredCapacity).toBe(2);
    expect(runningPodsOf(w, 'pinned')).toBe(4);
    for (const p of w.pods.values()) if (p.deployment === 'pinned') expect(w.nodes.get(p.nodeName)!.labels['node-type']).toBe('compute-a');
  });

  it('the scheduler names the affinity mismatch with counts while the pods wait', () => {
    const w = world();
    runChecked(w, 5);
    const pending = [...w.pods.values()].find((p) => p.deployment === 'pinned' && p.state === 'Pending');
    expect(pending?.unschedulableMessage).toMatch(/^0\/3 nodes are available: 1 Insufficient cpu, 2 node\(s\) didn't match Pod's node affinity\/selector\. preemption: 0\/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling\.$/);
  });
});
