import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import { packWorld, unpackWorld } from '../core/checkpoint';
import type { World } from '../core/types';
import { deployment, nodeGroup, scenario } from '../testing/fixtures';
import { sendNode } from './apply';
import { anyNodeDraining } from './nodeChanges';

const EVENTS = ['CORDON', 'DRAIN', 'DRAINED', 'UNCORDON', 'TERMINATE', 'FAULT', 'RECOVER'] as const;

function walk(world: World): boolean {
  return [...world.nodes.values()].some((n) => n.state === 'Draining');
}

describe('the count of draining nodes', () => {
  it('agrees with a walk over the nodes through any node events, steps and checkpoint restores', () => {
    const base = createWorld(scenario({ nodeGroups: [nodeGroup({ desiredCapacity: 3, maxSize: 3 })] }), [deployment('web', 4, '100m', '64Mi')]);
    for (let i = 0; i < 60; i++) step(base);
    const packed = packWorld(base);
    fc.assert(
      fc.property(
        fc.array(fc.record({ node: fc.nat(5), event: fc.constantFrom(...EVENTS), steps: fc.nat(40), restore: fc.boolean() }), { maxLength: 25 }),
        (actions) => {
          let w = unpackWorld(packed);
          expect(anyNodeDraining(w)).toBe(false);
          for (const a of actions) {
            const nodes = [...w.nodes.values()];
            if (nodes.length > 0) sendNode(w, nodes[a.node % nodes.length], a.event);
            expect(anyNodeDraining(w)).toBe(walk(w));
            for (let i = 0; i < a.steps; i++) step(w);
            expect(anyNodeDraining(w)).toBe(walk(w));
            if (a.restore) {
              w = unpackWorld(packWorld(w));
              expect(anyNodeDraining(w)).toBe(walk(w));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
