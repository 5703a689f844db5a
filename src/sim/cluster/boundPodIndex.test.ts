import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../bootstrap';
import { applyCommand } from '../commands/apply';
import { step } from '../core/step';
import { packWorld, unpackWorld } from '../core/checkpoint';
import type { ManifestDoc } from '../core/commands';
import type { World } from '../core/types';
import { deployment, nodeGroup, scenario } from '../testing/fixtures';
import { anyBoundAntiAffinity, lowestBoundPriority } from './boundPodIndex';

const priorityClass = (name: string, value: number): ManifestDoc => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value });
const spread = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'guard' } }, topologyKey: 'kubernetes.io/hostname' }] } };

/** What the scheduler used to find by walking every pod. */
function expectIndexOfWalk(world: World): void {
  const bound = [...world.pods.values()].filter((p) => p.nodeName !== '');
  expect(lowestBoundPriority(world)).toBe(Math.min(Infinity, ...bound.map((p) => p.spec.priority)));
  expect(anyBoundAntiAffinity(world)).toBe(bound.some((p) => p.spec.podAntiAffinity !== undefined && p.spec.podAntiAffinity !== null));
}

const DEPLOYMENTS = ['low', 'high', 'guard'] as const;
const action = fc.oneof(
  fc.record({ type: fc.constant('scale' as const), name: fc.constantFrom(...DEPLOYMENTS), replicas: fc.nat(8) }),
  fc.record({ type: fc.constant('drain' as const), node: fc.nat(3) }),
  fc.record({ type: fc.constant('restore' as const) }),
);

describe('the bound pods\' lowest priority and anti-affinity, kept', () => {
  it('agree with a walk over every pod through scaling, preemption, drains, every tick and checkpoint restores', () => {
    // Two small nodes: high-priority pods preempt low ones, guards repel each other.
    const base = createWorld(scenario({ nodeGroups: [nodeGroup({ desiredCapacity: 2, maxSize: 2 })] }), [
      priorityClass('low', -5),
      priorityClass('high', 1000),
      deployment('low', 3, '600m', '64Mi', { priorityClassName: 'low' }),
      deployment('high', 0, '600m', '64Mi', { priorityClassName: 'high' }),
      deployment('guard', 0, '100m', '64Mi', { affinity: spread }),
    ]);
    for (let i = 0; i < 30; i++) step(base);
    const packed = packWorld(base);
    let sawAnti = false;
    let sawLow = false;
    fc.assert(
      fc.property(fc.array(fc.record({ act: action, ticks: fc.integer({ min: 1, max: 30 }) }), { maxLength: 10 }), (script) => {
        let w = unpackWorld(packed);
        expectIndexOfWalk(w);
        for (const { act, ticks } of script) {
          if (act.type === 'scale') applyCommand(w, { type: 'scale', kind: 'deployment', name: act.name, namespace: 'default', replicas: act.replicas });
          else if (act.type === 'drain') {
            const nodes = [...w.nodes.values()];
            if (nodes.length > 0) applyCommand(w, { type: 'drain', node: nodes[act.node % nodes.length].name, ignoreDaemonsets: true, deleteEmptyDirData: true, force: true });
          } else w = unpackWorld(packWorld(w));
          for (let i = 0; i < ticks; i++) {
            step(w);
            expectIndexOfWalk(w);
            sawAnti ||= anyBoundAntiAffinity(w);
            sawLow ||= lowestBoundPriority(w) === -5;
          }
        }
      }),
      { numRuns: 40 },
    );
    expect(sawAnti && sawLow).toBe(true);
  });
});
