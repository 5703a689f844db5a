import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { deflatePods, packWorld, unpackWorld } from './checkpoint';
import { cloneWorld } from './world';
import { runUntil } from './step';
import { createPod, setCondition } from '../cluster/pods';
import { exampleWorld, runHash } from '../testing/exampleHashes';

// VPA in-place resizes replace pod specs; CA and Karpenter create and remove nodes and pods; KEDA
// scales to zero; php-apache's HPA reads every pod's Ready mirror and metric.
const EXAMPLES = ['vpa-hamster-inplace.yaml', 'ca-nginx-scaleout.yaml', 'keda-karpenter-cron.yaml', 'hpa-php-apache.yaml'];

describe('a packed checkpoint restores the world it was taken from', () => {
  for (const f of EXAMPLES) {
    it(`${f}: the same data as a deep copy, and the same run from there`, () => {
      const { world, durationMs } = exampleWorld(f);
      runUntil(world, durationMs / 2);
      const packed = packWorld(world);
      const restored = unpackWorld(packed);
      expect(isDeepStrictEqual(restored, cloneWorld(world))).toBe(true);
      // isDeepStrictEqual ignores the order of Map entries, which the engine does not: the HPA adds
      // samples in the owner index's order, the scheduler walks pods in the pods map's order.
      const order = (w: typeof world) => [[...w.pods.keys()], [...w.ownerIndex].map(([k, m]) => [k, ...m.keys()])];
      expect(order(restored)).toEqual(order(world));
      // A checkpoint is restored more than once (every seek to its gap): the first restore's run must
      // leave it untouched.
      expect(runHash(restored, durationMs)).toBe(runHash(unpackWorld(packed), durationMs));
      expect(runHash(unpackWorld(packed), durationMs)).toBe(runHash(world, durationMs));
    });
  }

  it('deflated for keeping long, restores the same world, as often as asked', () => {
    for (const f of EXAMPLES) {
      const { world, durationMs } = exampleWorld(f);
      runUntil(world, durationMs / 2);
      const packed = packWorld(world);
      const plain = unpackWorld(packed);
      deflatePods(packed);
      expect(packed.pods.numbers.length).toBe(0);
      expect(packed.pods.strings).toEqual([]);
      expect(packed.pods.objects).toEqual([]);
      const first = unpackWorld(packed);
      expect(isDeepStrictEqual(first, plain)).toBe(true);
      // Shared objects stay shared: a pod spec that is its ReplicaSet's template.
      const template = (w: typeof world) => [...w.pods.values()].map((p) => p.spec === w.replicaSets.get(p.ownerName)?.template);
      expect(template(first)).toEqual(template(plain));
      expect([...first.pods.keys()]).toEqual([...world.pods.keys()]);
      expect(runHash(first, durationMs)).toBe(runHash(unpackWorld(packed), durationMs));
      expect(runHash(unpackWorld(packed), durationMs)).toBe(runHash(world, durationMs));
    }
  });

  it('keeps which objects are shared: a pod spec that is its ReplicaSet template stays that template', () => {
    const { world, durationMs } = exampleWorld('ca-nginx-scaleout.yaml');
    runUntil(world, durationMs / 4);
    const restored = unpackWorld(packWorld(world));
    let checked = 0;
    for (const pod of world.pods.values()) {
      const rs = world.replicaSets.get(pod.ownerName);
      const again = restored.pods.get(pod.name)!;
      expect(again).not.toBe(pod);
      expect(again.spec === restored.replicaSets.get(pod.ownerName)?.template).toBe(pod.spec === rs?.template);
      expect(restored.ownerIndex.get(`${pod.ownerKind}/${pod.ownerName}`)?.get(pod.name) ?? again).toBe(again);
      if (pod.spec === rs?.template) checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('restores pods with the keys of a fresh pod, in the same order (one hidden class for the hot loops)', () => {
    const { world } = exampleWorld('hpa-php-apache.yaml');
    runUntil(world, 120_000);
    const fresh = createPod(world, { namespace: 'default', ownerKind: 'None', ownerName: '', deployment: '', template: [...world.pods.values()][0].spec });
    const restored = unpackWorld(packWorld(world));
    for (const pod of restored.pods.values()) expect(Object.keys(pod)).toEqual(Object.keys(fresh));
  });

  it('restores conditions with a reason or a message as well as the plain ones it keeps as numbers', () => {
    const { world } = exampleWorld('hpa-php-apache.yaml');
    runUntil(world, 120_000);
    const [plain, odd, none] = [...world.pods.values()];
    setCondition(odd, 'PodScheduled', 'False', world.timeMs, 'Unschedulable', '0/3 nodes are available: 3 Insufficient cpu.');
    setCondition(odd, 'Ready', 'False', world.timeMs, 'ContainersNotReady');
    none.conditions = [];
    expect(plain.conditions.length).toBe(4);
    const restored = unpackWorld(packWorld(world));
    for (const pod of [plain, odd, none]) expect(restored.pods.get(pod.name)!.conditions).toEqual(pod.conditions);
    expect(isDeepStrictEqual(restored, cloneWorld(world))).toBe(true);
  });

  it('refuses an owner index that names a pod the world does not hold, instead of restoring something else', () => {
    const { world } = exampleWorld('hpa-php-apache.yaml');
    runUntil(world, 60_000);
    const [key, owned] = [...world.ownerIndex].find(([, m]) => m.size > 0)!;
    const [name, pod] = [...owned][0];
    world.pods.delete(name);
    expect(() => packWorld(world)).toThrow(`ownerIndex ${key} holds ${name}`);
    world.pods.set(name, pod);
    expect(() => packWorld(world)).not.toThrow();
  });
});
