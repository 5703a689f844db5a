import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { applyCommand } from '../../commands/apply';
import { runView } from '../../commands/views';
import { step } from '../../core/step';
import type { ManifestDoc } from '../../core/commands';
import type { World } from '../../core/types';
import { deployment, nodeGroup, scenario } from '../../testing/fixtures';
import { computePdbStatus, getPdb, pdbStatus } from './pdb';

/**
 * PodDisruptionBudget status as kubernetes/kubernetes pkg/controller/disruption/disruption.go
 * computes it (getExpectedPodCount, countHealthyPods, updatePdbStatus), and the Eviction API's
 * check (pkg/registry/core/pod/storage/eviction.go) on every drain path.
 */
describe('disruption controller status', () => {
  it('minAvailable as an integer: expected = selected pods, desired = the number', () => {
    expect(computePdbStatus({ minAvailable: 2 }, 3, 3, 0)).toEqual({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3 });
  });
  it('percentages use the controllers\' scale and round up', () => {
    expect(computePdbStatus({ minAvailable: '50%' }, 3, 3, 3)).toMatchObject({ desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3 });
    // maxUnavailable 30% of 5 → ceil(1.5) = 2 unavailable → desired 3.
    expect(computePdbStatus({ maxUnavailable: '30%' }, 5, 5, 5)).toMatchObject({ desiredHealthy: 3, disruptionsAllowed: 2 });
    expect(computePdbStatus({ maxUnavailable: 1 }, 2, 2, 2)).toMatchObject({ desiredHealthy: 1, disruptionsAllowed: 1 });
  });
  it('never negative, and zero while no pods are expected', () => {
    expect(computePdbStatus({ minAvailable: 3 }, 2, 2, 0).disruptionsAllowed).toBe(0);
    expect(computePdbStatus({ maxUnavailable: 1 }, 0, 0, 0).disruptionsAllowed).toBe(0);
  });
});

const pdb = (spec: Record<string, unknown>): ManifestDoc => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
});

function readyWorld(spec: Record<string, unknown>): World {
  const w = createWorld(scenario({ nodeGroups: [nodeGroup({ desiredCapacity: 3, maxSize: 3 })] }), [deployment('web', 2, '100m', '64Mi'), pdb(spec)]);
  for (let i = 0; i < 60; i++) step(w);
  return w;
}

describe('PodDisruptionBudget in the engine', () => {
  it('kubectl get pdb shows ALLOWED DISRUPTIONS; describe shows the status block', () => {
    const w = readyWorld({ minAvailable: 2 });
    expect(runView(w, ['kubectl', 'get', 'pdb']).output.split('\n')).toEqual([
      expect.stringMatching(/^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE$/),
      expect.stringMatching(/^web\s+2\s+N\/A\s+0\s+\S+$/),
    ]);
    const d = runView(w, ['kubectl', 'describe', 'pdb', 'web']).output;
    expect(d).toMatch(/Min available:\s+2/);
    expect(d).toMatch(/Selector:\s+app=web/);
    expect(d).toMatch(/ {4}Allowed disruptions:\s+0\n {4}Current:\s+2\n {4}Desired:\s+2\n {4}Total:\s+2/);
  });

  it('kubectl drain cannot evict past the budget: the node stays, the pod keeps running', () => {
    const w = readyWorld({ minAvailable: 2 });
    const pod = [...w.pods.values()].find((p) => p.deployment === 'web')!;
    const res = applyCommand(w, { type: 'drain', node: pod.nodeName, ignoreDaemonsets: true } as never);
    expect(res.output).toContain(`error when evicting pods/"${pod.name}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`);
    for (let i = 0; i < 30; i++) step(w);
    expect(w.pods.get(pod.name)?.state).toBe('Ready');
    expect(w.nodes.get(pod.nodeName)?.state).toBe('Draining');
  });

  it('maxUnavailable 1 lets the drain go one pod at a time', () => {
    const w = readyWorld({ maxUnavailable: 1 });
    expect(pdbStatus(w, getPdb(w, 'default', 'web')!).disruptionsAllowed).toBe(1);
    const pod = [...w.pods.values()].find((p) => p.deployment === 'web')!;
    const res = applyCommand(w, { type: 'drain', node: pod.nodeName, ignoreDaemonsets: true } as never);
    expect(res.output).toMatch(/drained$/);
    expect(w.pods.get(pod.name)?.state).toBe('Terminating');
    expect(pdbStatus(w, getPdb(w, 'default', 'web')!).disruptionsAllowed).toBe(0);
  });
});
