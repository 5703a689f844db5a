import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { World } from '../../core/types';
import { firstVpaObject, VPA_STATE_KEY, vpaObjects, type VpaObjectState } from './worldState';

/** A world holding only VPA objects under the given keys; each object is tagged with a number. */
function worldWith(entries: [string, number][]): World {
  const objects: Record<string, VpaObjectState> = {};
  for (const [k, tag] of entries) objects[k] = { tag } as unknown as VpaObjectState;
  return { autoscalers: { [VPA_STATE_KEY]: { objects, ooms: {} } } } as unknown as World;
}

describe('firstVpaObject', () => {
  it('answers as vpaObjects(world).find(matches): the first match in name order', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a', 'b', 'default/x', 'kube-system/y', '10', '9', 'Z', 'z'));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, fc.nat(5)), { selector: ([k]) => k, maxLength: 12 }), fc.nat(5), (entries, wanted) => {
        const world = worldWith(entries);
        const matches = (o: VpaObjectState) => (o as unknown as { tag: number }).tag === wanted;
        expect(firstVpaObject(world, matches)).toBe(vpaObjects(world).find(matches));
      }),
      { numRuns: 500 },
    );
  });

  it('finds nothing in a world without VPA state', () => {
    expect(firstVpaObject({ autoscalers: {} } as unknown as World, () => true)).toBeUndefined();
  });
});
