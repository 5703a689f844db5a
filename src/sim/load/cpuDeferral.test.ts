import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../bootstrap';
import { applyCommand } from '../commands/apply';
import { packWorld, unpackWorld } from '../core/checkpoint';
import type { QueueSpec } from '../core/scenario';
import { step } from '../core/step';
import type { Pod, World } from '../core/types';
import { cloneWorld } from '../core/world';
import { createPod, podCpuUsedMilliMs } from '../cluster/pods';
import { enterPodState, sendPod } from '../lifecycle/apply';
import { newQueueState, stepQueue, type QueueState } from '../autoscalers/keda/queueModel';
import { scrapeMetrics } from '../metrics/metricsServer';
import { deployment, nodeGroup, scenario } from '../testing/fixtures';
import { setCpuDeferral, stepLoad } from './loadModel';

/**
 * The load model owes its per-tick CPU to the ledger until someone reads or changes it
 * (cluster/cpuLedgerPending). Two copies of one world go through the same script, one with the
 * additions owed and one with them made at once; every counter in use must agree to the bit.
 */

/**
 * Web's traffic swings every few seconds across what its smallest pod can take (1,930m on the
 * small nodes, ~190 req/s over 5 pods), ramping between: its additions go from owed to made at
 * once and back, at rates of many fractional digits (the order of additions shows in the sums).
 */
const WEB_PROFILE = Array.from({ length: 80 }, (_, k) => ({ atMs: 40_000 + k * 6_000, rps: k % 2 === 0 ? 151.37371 : 247.91913, rampMs: 2_500 }));

/**
 * web: no CPU limit on nodes of two sizes, so its pods have two caps and heavy traffic takes the
 * capped path; api: closed-loop clients (fractional rates); worker: a load target that is also a
 * queue's consumer (two writers of one counter); busy: pods with a busy loop of their own inside a
 * target; spin: busy loops no load reaches.
 */
function baseWorld(): World {
  const world = createWorld(
    scenario({
      nodeGroups: [nodeGroup({ desiredCapacity: 2, minSize: 2 }), nodeGroup({ name: 'ng2', instanceTypes: ['m5.xlarge'], desiredCapacity: 2, minSize: 2 })],
      load: [
        { target: 'web', cpuPerRequestMillis: 49.7731, memoryPerInflightMiB: 0.1, timeoutMs: 30_000, profile: WEB_PROFILE },
        { target: 'api', cpuPerRequestMillis: 13, memoryPerInflightMiB: 0.1, timeoutMs: 30_000, clients: { count: 7, thinkTimeMs: 310 } },
        { target: 'worker', cpuPerRequestMillis: 7.31, memoryPerInflightMiB: 0, timeoutMs: 30_000, profile: [{ atMs: 0, rps: 3.3137, rampMs: 0 }] },
        { target: 'busy', cpuPerRequestMillis: 11.37, memoryPerInflightMiB: 0, timeoutMs: 30_000, cpuPerPodMillis: 37.3137, profile: [{ atMs: 0, rps: 5.713, rampMs: 0 }] },
      ],
    }),
    [
      deployment('web', 5, '100m', '64Mi'),
      deployment('api', 3, '100m', '64Mi', { containers: [{ name: 'api', image: 'nginx', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '300m' } } }] }),
      deployment('worker', 2, '100m', '64Mi'),
      deployment('busy', 2, '50m', '64Mi'),
      deployment('spin', 1, '50m', '32Mi', { containers: [{ name: 'spin', image: 'busybox', command: ['sh', '-c', 'while true; do :; done'], resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '200m' } } }] }),
    ],
  );
  for (let i = 0; i < 45; i++) step(world);
  return world;
}

const QUEUE: QueueSpec = {
  name: 'jobs',
  type: 'sqs',
  producer: [{ atMs: 0, ratePerSecond: 3.7, rampMs: 0 }],
  consumer: { deployment: 'worker', messagesPerSecondPerPod: 2.3, concurrencyPerPod: 1, cpuPerMessageMillis: 17.377 },
  initialMessages: 40,
};

const DEPLOYMENTS = ['web', 'api', 'worker', 'busy'] as const;

const action = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('ticks' as const), n: fc.integer({ min: 1, max: 20 }) }), weight: 3 },
  fc.record({ type: fc.constant('scale' as const), name: fc.constantFrom(...DEPLOYMENTS), replicas: fc.nat(7) }),
  { arbitrary: fc.record({ type: fc.constant('replace' as const), k: fc.nat(30) }), weight: 2 },
  fc.record({ type: fc.constant('oom' as const), k: fc.nat(30) }),
  { arbitrary: fc.record({ type: fc.constant('queue' as const) }), weight: 2 },
  fc.record({ type: fc.constant('scrape' as const) }),
  fc.record({ type: fc.constant('checkpoint' as const) }),
  fc.record({ type: fc.constant('clone' as const) }),
  fc.record({ type: fc.constant('observe' as const) }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

function readyPod(world: World, k: number): Pod | undefined {
  const ready = [...world.pods.values()].filter((p) => p.state === 'Ready' && (DEPLOYMENTS as readonly string[]).includes(p.deployment));
  return ready.length === 0 ? undefined : ready[k % ready.length];
}

/**
 * One action on one world (a checkpoint or a copy replaces it). `replace` deletes a Ready pod
 * outright and creates another in its place before any tick: the new pod takes the freed slot
 * while the old pod's CPU is still owed, and the Ready index still lists the old pod.
 */
function act(world: World, q: QueueState, a: Action): World {
  switch (a.type) {
    case 'ticks':
      for (let i = 0; i < a.n; i++) step(world);
      return world;
    case 'scale':
      applyCommand(world, { type: 'scale', kind: 'deployment', name: a.name, namespace: 'default', replicas: a.replicas });
      return world;
    case 'replace': {
      const pod = readyPod(world, a.k);
      if (pod === undefined) return world;
      sendPod(world, pod, 'DELETE');
      enterPodState(world, pod, 'Gone');
      const fresh = createPod(world, { namespace: pod.namespace, ownerKind: pod.ownerKind, ownerName: pod.ownerName, deployment: pod.deployment, template: pod.spec });
      expect(fresh.cpuSlot).toBe(pod.cpuSlot);
      return world;
    }
    case 'oom': {
      const pod = readyPod(world, a.k);
      if (pod !== undefined) sendPod(world, pod, 'OOM');
      return world;
    }
    case 'queue':
      stepQueue(world, q, 1000);
      return world;
    case 'scrape':
      scrapeMetrics(world);
      return world;
    case 'checkpoint':
      return unpackWorld(packWorld(world));
    case 'clone':
      return cloneWorld(world);
    case 'observe':
      return world;
  }
}

/** Every counter in use, and what the scrape took from them, as read by code outside the load model. */
function ledger(world: World): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const pod of world.pods.values()) {
    const cpu = podCpuUsedMilliMs(world, pod);
    const s = pod.cpuSlot;
    out.set(pod.name, [cpu, world.podCpu.scrapeCpuMilliMs[s], world.podCpu.metricCpuMillis[s], world.podCpu.used[s]]);
  }
  return out;
}

/** Bit for bit (toEqual would take 0 for -0; NaN is a column's "no metric"). */
function expectSameLedger(owedWorld: World, eagerWorld: World): void {
  const owed = ledger(owedWorld);
  const eager = ledger(eagerWorld);
  expect([...owed.keys()]).toEqual([...eager.keys()]);
  for (const [name, values] of eager) {
    const got = owed.get(name)!;
    for (let i = 0; i < values.length; i++) {
      if (!Object.is(got[i], values[i])) expect.fail(`${name}: column ${i} is ${got[i]} with owed CPU, ${values[i]} with immediate additions`);
    }
  }
}

afterEach(() => setCpuDeferral(true));

describe('CPU owed by the load model', () => {
  it('leaves every counter as immediate additions do, through scaling, slot reuse, readiness changes, the queue, scrapes, checkpoints and copies', () => {
    const packed = packWorld(baseWorld());
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 14 }), (script) => {
        let owedWorld = unpackWorld(packed);
        let eagerWorld = unpackWorld(packed);
        const owedQueue = newQueueState(QUEUE, owedWorld.timeMs);
        const eagerQueue = newQueueState(QUEUE, eagerWorld.timeMs);
        for (const a of script) {
          setCpuDeferral(false);
          eagerWorld = act(eagerWorld, eagerQueue, a);
          setCpuDeferral(true);
          owedWorld = act(owedWorld, owedQueue, a);
          if (a.type === 'observe') expectSameLedger(owedWorld, eagerWorld);
        }
        // A few more ticks, so what a script left behind shows in the counters.
        for (let i = 0; i < 3; i++) {
          setCpuDeferral(false);
          step(eagerWorld);
          setCpuDeferral(true);
          step(owedWorld);
        }
        expectSameLedger(owedWorld, eagerWorld);
      }),
      {
        numRuns: 100,
        // Each way to go wrong at least once, whatever the random scripts draw.
        examples: [
          [[{ type: 'ticks', n: 4 }, { type: 'replace', k: 5 }, { type: 'ticks', n: 2 }, { type: 'oom', k: 3 }, { type: 'ticks', n: 3 }]],
          [[{ type: 'ticks', n: 5 }, { type: 'queue' }, { type: 'ticks', n: 3 }, { type: 'queue' }, { type: 'ticks', n: 6 }, { type: 'queue' }, { type: 'observe' }]],
          [[{ type: 'ticks', n: 3 }, { type: 'checkpoint' }, { type: 'ticks', n: 3 }, { type: 'clone' }, { type: 'ticks', n: 2 }, { type: 'scrape' }]],
        ],
      },
    );
  });

  it('holds more ticks than a target keeps room for between two reads', () => {
    const packed = packWorld(baseWorld());
    const owedWorld = unpackWorld(packed);
    const eagerWorld = unpackWorld(packed);
    // stepLoad alone: no scrape settles in between, 70 ticks are owed at once.
    for (let i = 0; i < 70; i++) {
      setCpuDeferral(false);
      stepLoad(eagerWorld, 1000);
      setCpuDeferral(true);
      stepLoad(owedWorld, 1000);
    }
    expectSameLedger(owedWorld, eagerWorld);
  });
});
