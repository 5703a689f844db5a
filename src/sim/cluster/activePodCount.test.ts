import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../bootstrap';
import { applyCommand } from '../commands/apply';
import { step } from '../core/step';
import { packWorld, unpackWorld } from '../core/checkpoint';
import type { World } from '../core/types';
import { deployment, nodeGroup, scenario } from '../testing/fixtures';
import { podIsActive } from '../lifecycle/phase';
import { countActivePods, countReadyPods } from './activePodCount';
import { ownedPodIndex } from './pods';

/** Both counts of every ReplicaSet against a plain walk over its pods. */
function expectCountsOfWalk(world: World): void {
  for (const rs of world.replicaSets.values()) {
    const pods = [...(ownedPodIndex(world, 'ReplicaSet', rs.name)?.values() ?? [])];
    expect(countActivePods(world, 'ReplicaSet', rs.name, rs.deployment)).toBe(pods.filter(podIsActive).length);
    expect(countReadyPods(world, rs.name, rs.deployment)).toBe(pods.filter((p) => p.state === 'Ready').length);
  }
}

const action = fc.oneof(
  fc.record({ type: fc.constant('scale' as const), name: fc.constantFrom('web', 'api'), replicas: fc.nat(12) }),
  fc.record({ type: fc.constant('rollout' as const), name: fc.constantFrom('web', 'api') }),
  fc.record({ type: fc.constant('drain' as const), node: fc.nat(3) }),
  fc.record({ type: fc.constant('restore' as const) }),
);

describe('kept counts of active and Ready pods per ReplicaSet', () => {
  it('agree with a walk over the pods through scaling, rollouts, drains, every tick between and checkpoint restores', () => {
    const base = createWorld(scenario({ nodeGroups: [nodeGroup({ desiredCapacity: 3, maxSize: 3 })] }), [
      deployment('web', 4, '100m', '64Mi'),
      deployment('api', 3, '100m', '64Mi'),
    ]);
    for (let i = 0; i < 30; i++) step(base);
    const packed = packWorld(base);
    fc.assert(
      fc.property(fc.array(fc.record({ act: action, ticks: fc.integer({ min: 1, max: 25 }) }), { maxLength: 12 }), (script) => {
        let w = unpackWorld(packed);
        expectCountsOfWalk(w);
        for (const { act, ticks } of script) {
          if (act.type === 'scale') applyCommand(w, { type: 'scale', kind: 'deployment', name: act.name, namespace: 'default', replicas: act.replicas });
          else if (act.type === 'rollout') applyCommand(w, { type: 'rolloutRestart', kind: 'deployment', name: act.name, namespace: 'default' });
          else if (act.type === 'drain') {
            const nodes = [...w.nodes.values()];
            if (nodes.length > 0) applyCommand(w, { type: 'drain', node: nodes[act.node % nodes.length].name, ignoreDaemonsets: true, deleteEmptyDirData: true, force: true });
          } else w = unpackWorld(packWorld(w));
          expectCountsOfWalk(w);
          for (let i = 0; i < ticks; i++) {
            step(w);
            expectCountsOfWalk(w);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
