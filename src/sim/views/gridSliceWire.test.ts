import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod, World } from '../core/types';
import type { GridPod } from './gridSlice';
import { decodeGridSlice, encodeGridSlice, type GridSliceWire } from './gridSliceWire';

const word = fc.string({ maxLength: 12 });
const podArb: fc.Arbitrary<GridPod> = fc.record({
  name: word,
  namespace: fc.constantFrom('default', 'kube-system', 'shop'),
  ownerKind: fc.constantFrom<Pod['ownerKind']>('ReplicaSet', 'DaemonSet', 'None'),
  ownerName: word,
  deployment: fc.oneof(fc.constant(''), word),
  nodeName: fc.oneof(fc.constant(''), word),
  state: fc.constantFrom<Pod['state']>('Pending', 'Scheduled', 'ContainerCreating', 'Running', 'Ready', 'Terminating', 'Gone'),
  metric: fc.option(fc.record({ cpuMillis: fc.double(), memoryMiB: fc.double(), timestampMs: fc.double(), windowMs: fc.double() }), { nil: null }),
  labels: fc.dictionary(fc.constantFrom('app', 'tier', 'pod-template-hash', '한글'), word, { maxKeys: 3 }),
});

/** Only what encodeGridSlice reads of a world. */
function worldOf(pods: GridPod[]): World {
  return { timeMs: 42_000, nodes: new Map(), deployments: new Map(), pods: new Map(pods.map((p) => [p.name, p])) } as unknown as World;
}

describe('gridSliceWire', () => {
  it('decodes, after a structured clone, to the pods it encoded: every field, in order (fast-check)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(podArb, { selector: (p) => p.name, maxLength: 40 }), (pods) => {
        const world = worldOf(pods);
        const decoded = decodeGridSlice(deserialize(serialize(encodeGridSlice(world))) as GridSliceWire);
        expect([...decoded.pods.entries()]).toEqual([...world.pods.entries()]);
        expect(decoded.timeMs).toBe(42_000);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps each distinct string and label set once', () => {
    const pod = (i: number): GridPod => ({
      name: `web-${i}`,
      namespace: 'default',
      ownerKind: 'ReplicaSet',
      ownerName: 'web-7d9',
      deployment: 'web',
      nodeName: `ip-10-0-0-${i % 2}.ec2.internal`,
      state: 'Ready',
      metric: null,
      labels: { app: 'web' },
    });
    const wire = encodeGridSlice(worldOf(Array.from({ length: 100 }, (_, i) => pod(i))));
    expect(wire.strings.sort()).toEqual(['Ready', 'ReplicaSet', 'default', 'ip-10-0-0-0.ec2.internal', 'ip-10-0-0-1.ec2.internal', 'web', 'web-7d9'].sort());
    expect(wire.labelSets).toEqual([{ app: 'web' }]);
  });
});
