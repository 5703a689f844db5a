import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../bootstrap';
import { applyCommand } from '../commands/apply';
import { step } from '../core/step';
import { packWorld, unpackWorld } from '../core/checkpoint';
import type { World } from '../core/types';
import { deployment, nodeGroup, scenario } from '../testing/fixtures';
import { countNodesOfGroup, nodeCountsByGroup } from './nodeGroups';

/** The kept counts against a walk over the nodes for every group. */
function expectCountsOfWalk(world: World): void {
  const counts = nodeCountsByGroup(world);
  for (const group of world.nodeGroups.values()) expect(counts.get(group.name) ?? 0).toBe(countNodesOfGroup(world, group));
}

const GROUPS = ['ng1', 'ng2'] as const;
const action = fc.oneof(
  fc.record({ type: fc.constant('desired' as const), group: fc.constantFrom(...GROUPS), desired: fc.nat(5) }),
  fc.record({ type: fc.constant('kill' as const), node: fc.nat(9) }),
  fc.record({ type: fc.constant('drain' as const), node: fc.nat(9) }),
  fc.record({ type: fc.constant('restore' as const) }),
);

describe('node counts per group, kept while no node changes', () => {
  it('agree with a walk over the nodes through scale-in and -out, kills, drains (with their scale-in), every tick and checkpoint restores', () => {
    const base = createWorld(
      scenario({ nodeGroups: [nodeGroup({ name: 'ng1', desiredCapacity: 2, maxSize: 5 }), nodeGroup({ name: 'ng2', desiredCapacity: 1, maxSize: 5 })] }),
      [deployment('web', 4, '100m', '64Mi')],
    );
    for (let i = 0; i < 60; i++) step(base);
    const packed = packWorld(base);
    fc.assert(
      fc.property(fc.array(fc.record({ act: action, ticks: fc.integer({ min: 1, max: 40 }) }), { maxLength: 10 }), (script) => {
        let w = unpackWorld(packed);
        expectCountsOfWalk(w);
        for (const { act, ticks } of script) {
          const nodes = [...w.nodes.values()];
          if (act.type === 'desired') applyCommand(w, { type: 'updateAsg', name: act.group, desiredCapacity: act.desired });
          else if (act.type === 'kill' && nodes.length > 0) applyCommand(w, { type: 'killNode', node: nodes[act.node % nodes.length].name });
          else if (act.type === 'drain' && nodes.length > 0) applyCommand(w, { type: 'drain', node: nodes[act.node % nodes.length].name, ignoreDaemonsets: true, deleteEmptyDirData: true, force: true });
          else if (act.type === 'restore') w = unpackWorld(packWorld(w));
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
