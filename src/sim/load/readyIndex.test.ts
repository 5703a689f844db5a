import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../bootstrap';
import { applyCommand } from '../commands/apply';
import { packWorld, unpackWorld } from '../core/checkpoint';
import { step } from '../core/step';
import type { Pod, World } from '../core/types';
import { createPod } from '../cluster/pods';
import { enterPodState, sendNode, sendPod } from '../lifecycle/apply';
import { deployment, nodeGroup, scenario } from '../testing/fixtures';
import { freshReadyIndex, readyIndex, setReadyChangeFollowing, type ReadyIndex } from './readyIndex';

/**
 * The load model's index follows the pods whose readiness changed instead of walking every pod
 * again. Whatever happens, the index it keeps must be the one a rebuild of the world as it is
 * would make: the same pods in each target, in the same order, with the same caps and cap groups,
 * the same busy loops and the same slot-to-target column.
 */

/**
 * web: no CPU limit on nodes of two sizes (two caps, so two cap groups whose order follows the
 * pods'); api: a CPU limit; busy: a load whose pods also burn a busy loop; spin: a busy loop no
 * load reaches; idle: pods no load reaches.
 */
function baseWorld(): World {
  const world = createWorld(
    scenario({
      nodeGroups: [nodeGroup({ desiredCapacity: 2, minSize: 2 }), nodeGroup({ name: 'ng2', instanceTypes: ['m5.xlarge'], desiredCapacity: 2, minSize: 2 })],
      load: [
        { target: 'web', cpuPerRequestMillis: 20, memoryPerInflightMiB: 0.1, timeoutMs: 30_000, profile: [{ atMs: 0, rps: 40, rampMs: 0 }] },
        { target: 'api', cpuPerRequestMillis: 13, memoryPerInflightMiB: 0.1, timeoutMs: 30_000, profile: [{ atMs: 0, rps: 9, rampMs: 0 }] },
        { target: 'busy', cpuPerRequestMillis: 11, memoryPerInflightMiB: 0, timeoutMs: 30_000, cpuPerPodMillis: 37, profile: [{ atMs: 0, rps: 5, rampMs: 0 }] },
      ],
    }),
    [
      deployment('web', 5, '100m', '64Mi'),
      deployment('api', 3, '100m', '64Mi', { containers: [{ name: 'api', image: 'nginx', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '300m' } } }] }),
      deployment('busy', 2, '50m', '64Mi'),
      deployment('spin', 1, '50m', '32Mi', { containers: [{ name: 'spin', image: 'busybox', command: ['sh', '-c', 'while true; do :; done'], resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '200m' } } }] }),
      deployment('idle', 2, '50m', '32Mi'),
    ],
  );
  for (let i = 0; i < 45; i++) step(world);
  return world;
}

const DEPLOYMENTS = ['web', 'api', 'busy', 'spin', 'idle'] as const;

const action = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('ticks' as const), n: fc.integer({ min: 1, max: 12 }) }), weight: 4 },
  { arbitrary: fc.record({ type: fc.constant('scale' as const), name: fc.constantFrom(...DEPLOYMENTS), replicas: fc.nat(7) }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant('replace' as const), k: fc.nat(30) }), weight: 2 },
  fc.record({ type: fc.constant('oom' as const), k: fc.nat(30) }),
  fc.record({ type: fc.constant('nodeDown' as const), k: fc.nat(3) }),
  fc.record({ type: fc.constant('nodeUp' as const) }),
  fc.record({ type: fc.constant('checkpoint' as const) }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

function readyPod(world: World, k: number): Pod | undefined {
  const ready = [...world.pods.values()].filter((p) => p.state === 'Ready');
  return ready.length === 0 ? undefined : ready[k % ready.length];
}

/** One action; a checkpoint's restore replaces the world (its index starts with a full build). */
function act(world: World, a: Action): World {
  switch (a.type) {
    case 'ticks':
      for (let i = 0; i < a.n; i++) step(world);
      return world;
    case 'scale':
      applyCommand(world, { type: 'scale', kind: 'deployment', name: a.name, namespace: 'default', replicas: a.replicas });
      return world;
    case 'replace': {
      // Out of Ready and gone, and a new pod in its ledger slot, before the index is next read.
      const pod = readyPod(world, a.k);
      if (pod === undefined) return world;
      sendPod(world, pod, 'DELETE');
      enterPodState(world, pod, 'Gone');
      createPod(world, { namespace: pod.namespace, ownerKind: pod.ownerKind, ownerName: pod.ownerName, deployment: pod.deployment, template: pod.spec });
      return world;
    }
    case 'oom': {
      const pod = readyPod(world, a.k);
      if (pod !== undefined) sendPod(world, pod, 'OOM');
      return world;
    }
    case 'nodeDown': {
      const nodes = [...world.nodes.values()].filter((n) => n.state === 'Ready');
      if (nodes.length > 0) sendNode(world, nodes[a.k % nodes.length], 'FAULT');
      return world;
    }
    case 'nodeUp':
      for (const n of world.nodes.values()) if (n.state === 'NotReady') sendNode(world, n, 'RECOVER');
      return world;
    case 'checkpoint':
      return unpackWorld(packWorld(world));
  }
}

/** What the load model and the scrape read from an index, as plain data. */
function contents(index: ReadyIndex) {
  return {
    targets: index.targets.map((t) => ({
      target: t.load.target,
      size: t.size,
      caps: [...t.caps],
      slots: [...t.slots],
      uids: [...t.uids],
      groups: t.groups.map((g) => ({ ...g })),
      busyInside: t.busyInside,
    })),
    busy: { pods: index.busy.pods.map((p) => p.name), rates: [...index.busy.rates] },
    targetOfSlot: [...index.targetOfSlot],
  };
}

afterEach(() => setReadyChangeFollowing(true));

describe("the load model's Ready index", () => {
  it('follows readiness changes to the index a rebuild makes, through scaling, slot reuse, OOM kills, NotReady nodes and checkpoints', () => {
    const packed = packWorld(baseWorld());
    let followed = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 12 }), (script) => {
        let world = unpackWorld(packed);
        for (const a of script) {
          const before = readyIndex(world);
          const beforeVersion = before.version;
          world = act(world, a);
          const kept = readyIndex(world);
          if (kept === before && kept.version !== beforeVersion) followed++;
          expect(contents(kept)).toEqual(contents(freshReadyIndex(world)));
        }
      }),
      {
        numRuns: 120,
        examples: [
          // Two replacements in one interval: the second newcomer takes a slot freed after the first.
          [[{ type: 'replace', k: 1 }, { type: 'replace', k: 4 }, { type: 'ticks', n: 12 }, { type: 'ticks', n: 12 }]],
          // Pods of a NotReady node change readiness while the node stays down.
          [[{ type: 'nodeDown', k: 0 }, { type: 'ticks', n: 2 }, { type: 'replace', k: 2 }, { type: 'oom', k: 0 }, { type: 'ticks', n: 12 }, { type: 'nodeUp' }, { type: 'ticks', n: 9 }]],
          [[{ type: 'scale', name: 'busy', replicas: 6 }, { type: 'ticks', n: 12 }, { type: 'ticks', n: 12 }, { type: 'scale', name: 'busy', replicas: 1 }, { type: 'ticks', n: 4 }]],
          [[{ type: 'scale', name: 'web', replicas: 7 }, { type: 'ticks', n: 12 }, { type: 'ticks', n: 12 }, { type: 'checkpoint' }, { type: 'oom', k: 3 }, { type: 'ticks', n: 6 }]],
        ],
      },
    );
    // Most changes were followed, not rebuilt: the property is about the path that follows them.
    expect(followed).toBeGreaterThan(100);
  });

  it('is rebuilt, not followed, when a change other than a pod readiness bumps readyVersion', () => {
    const world = baseWorld();
    const first = readyIndex(world);
    const pod = readyPod(world, 0)!;
    sendPod(world, pod, 'OOM');
    // A node's readiness bumps the version too, with no pod noted for it.
    sendNode(world, [...world.nodes.values()][0], 'FAULT');
    const next = readyIndex(world);
    expect(next).not.toBe(first);
    expect(contents(next)).toEqual(contents(freshReadyIndex(world)));
  });

  it('follows a newcomer whose ledger slot lies past the column the last build made', () => {
    const world = baseWorld();
    const first = readyIndex(world);
    const columnLength = first.targetOfSlot.length;
    // A thousand pods no node will take (they stay Pending, so their readiness never changes)
    // take the ledger past its first 1,024 slots (it doubles); web's new pods then get slots
    // beyond the column, and their readiness is followed.
    applyCommand(world, { type: 'apply', manifests: [deployment('parked', columnLength, '10m', '8Mi', { nodeSelector: { pool: 'none' } })] });
    for (let i = 0; i < 20 && world.pods.size < columnLength; i++) step(world);
    applyCommand(world, { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 7 });
    step(world);
    const newcomers = [...world.pods.values()].filter((p) => p.deployment === 'web' && p.state !== 'Ready');
    expect(newcomers.length).toBe(2);
    expect(Math.min(...newcomers.map((p) => p.cpuSlot))).toBeGreaterThanOrEqual(columnLength);
    for (let i = 0; i < 30 && newcomers.some((p) => p.state !== 'Ready'); i++) step(world);
    expect(newcomers.every((p) => p.state === 'Ready')).toBe(true);
    const next = readyIndex(world);
    expect(next).toBe(first);
    expect(next.targetOfSlot.length).toBe(world.podCpu.used.length);
    expect(contents(next)).toEqual(contents(freshReadyIndex(world)));
  });

  it('gives the same index with following switched off', () => {
    const world = baseWorld();
    setReadyChangeFollowing(false);
    const first = readyIndex(world);
    sendPod(world, readyPod(world, 2)!, 'OOM');
    const next = readyIndex(world);
    expect(next).not.toBe(first);
    expect(contents(next)).toEqual(contents(freshReadyIndex(world)));
  });
});
