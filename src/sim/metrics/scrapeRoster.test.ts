import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../bootstrap';
import { applyCommand } from '../commands/apply';
import { packWorld, unpackWorld } from '../core/checkpoint';
import { step } from '../core/step';
import type { World } from '../core/types';
import { cloneWorld } from '../core/world';
import { settleCpu } from '../cluster/cpuLedgerPending';
import { sendNode } from '../lifecycle/apply';
import { IDLE_CPU_MILLIS, inflightMemoryByTarget } from '../load/loadModel';
import { readyIndex } from '../load/readyIndex';
import { killIfOverMemoryLimit, workingSetAtRestMiB } from '../load/workloadModel';
import { deployment, nodeGroup, rolloutCpuRequests, scenario } from '../testing/fixtures';
import { scrapeMetrics } from './metricsServer';
import { setScrapeRosterReuse } from './scrapeRoster';

/**
 * metrics-server's scrape keeps what it needs of each pod (state, slot, memory limit, resting
 * working set) from one scrape to the next while no pod changed. A world scraped from a kept
 * roster must sample exactly what a world that builds it afresh at every scrape samples.
 */

/**
 * web: its in-flight requests hold memory, and its limit is low enough that traffic spikes
 * OOM-kill pods; leaky: a load whose pods' working set grows with time; api: a memory base set
 * by its load; batch: no load.
 */
function baseWorld(): World {
  const world = createWorld(
    scenario({
      nodeGroups: [nodeGroup({ desiredCapacity: 3, minSize: 3 })],
      load: [
        { target: 'web', cpuPerRequestMillis: 30, memoryPerInflightMiB: 9.7, timeoutMs: 30_000, profile: [{ atMs: 0, rps: 30, rampMs: 0 }] },
        { target: 'leaky', cpuPerRequestMillis: 10, memoryPerInflightMiB: 0.5, timeoutMs: 30_000, memoryLeakMiBPerHour: 700, profile: [{ atMs: 0, rps: 4, rampMs: 0 }] },
        { target: 'api', cpuPerRequestMillis: 13, memoryPerInflightMiB: 0.3, timeoutMs: 30_000, memoryBaseMiB: 41.5, profile: [{ atMs: 0, rps: 9, rampMs: 0 }] },
      ],
    }),
    [
      deployment('web', 4, '100m', '64Mi', { containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '96Mi' } } }] }),
      deployment('leaky', 2, '50m', '64Mi', { containers: [{ name: 'leaky', image: 'app', resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '80Mi' } } }] }),
      deployment('api', 3, '100m', '128Mi'),
      deployment('batch', 2, '50m', '32Mi'),
    ],
  );
  for (let i = 0; i < 40; i++) step(world);
  return world;
}

const DEPLOYMENTS = ['web', 'leaky', 'api', 'batch'] as const;

const action = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('ticks' as const), n: fc.integer({ min: 1, max: 40 }) }), weight: 4 },
  fc.record({ type: fc.constant('scale' as const), name: fc.constantFrom(...DEPLOYMENTS), replicas: fc.nat(6) }),
  fc.record({ type: fc.constant('traffic' as const), rps: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ type: fc.constant('rollout' as const), name: fc.constantFrom(...DEPLOYMENTS), cpu: fc.integer({ min: 60, max: 140 }) }),
  fc.record({ type: fc.constant('nodeDown' as const), k: fc.nat(2) }),
  fc.record({ type: fc.constant('checkpoint' as const) }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

function act(world: World, a: Action): World {
  switch (a.type) {
    case 'ticks':
      for (let i = 0; i < a.n; i++) step(world);
      return world;
    case 'scale':
      applyCommand(world, { type: 'scale', kind: 'deployment', name: a.name, namespace: 'default', replicas: a.replicas });
      return world;
    case 'traffic':
      applyCommand(world, { type: 'setLoad', target: 'web', rps: a.rps });
      return world;
    case 'rollout':
      rolloutCpuRequests(world, a.name, a.cpu);
      return world;
    case 'nodeDown': {
      const nodes = [...world.nodes.values()].filter((n) => n.state === 'Ready');
      if (nodes.length > 0) sendNode(world, nodes[a.k % nodes.length], 'FAULT');
      return world;
    }
    case 'checkpoint':
      return unpackWorld(packWorld(world));
  }
}

/** Every pod's sample and the ledger's metric columns, bit for bit (NaN is a column's "no metric"). */
function samples(world: World): unknown[] {
  const { metricCpuMillis, metricMemoryMiB, scrapeMs, scrapeCpuMilliMs } = world.podCpu;
  const out: unknown[] = [world.lastScrapeMs, world.eventCount];
  for (const p of world.pods.values()) {
    const s = p.cpuSlot;
    const m = p.metric;
    out.push(p.name, p.state, p.restarts, Object.is(p.memoryMiB, -0) ? 'minus0' : p.memoryMiB, m && [m.cpuMillis, m.memoryMiB, m.timestampMs, m.windowMs]);
    out.push([metricCpuMillis[s], metricMemoryMiB[s], scrapeMs[s], scrapeCpuMilliMs[s]].map((x) => (Number.isNaN(x) ? 'NaN' : x)));
  }
  return out;
}

/**
 * The scrape as metrics-server's documentation and the load model describe it, pod by pod over
 * the pod Map, with nothing kept: the oracle for what a roster's columns must give.
 */
function referenceScrape(world: World): void {
  const now = world.timeMs;
  const { loads, targets, targetOfSlot } = readyIndex(world);
  const inflight = inflightMemoryByTarget(world, targets);
  settleCpu(world);
  const { used, metricCpuMillis, metricMemoryMiB, scrapeCpuMilliMs, scrapeMs } = world.podCpu;
  for (const pod of world.pods.values()) {
    const slot = pod.cpuSlot;
    if (pod.state !== 'Running' && pod.state !== 'Ready') {
      // A terminating pod's last sample stays; any other pod has none.
      if (pod.state !== 'Terminating') {
        pod.metric = null;
        metricCpuMillis[slot] = NaN;
        metricMemoryMiB[slot] = NaN;
        scrapeMs[slot] = -1;
        pod.memoryMiB = 0;
      }
      continue;
    }
    const target = slot < targetOfSlot.length ? targetOfSlot[slot] : -1;
    const memoryMiB = workingSetAtRestMiB(world, pod, pod.deployment ? loads.get(pod.deployment) : undefined, now) + (target < 0 ? 0 : inflight[target]);
    pod.memoryMiB = memoryMiB;
    if (killIfOverMemoryLimit(world, pod)) continue;
    const last = scrapeMs[slot];
    if (last >= 0 && now > last) {
      const cpuMillis = IDLE_CPU_MILLIS + (used[slot] - scrapeCpuMilliMs[slot]) / (now - last);
      pod.metric = { cpuMillis, memoryMiB, timestampMs: now, windowMs: now - last };
      metricCpuMillis[slot] = cpuMillis;
      metricMemoryMiB[slot] = memoryMiB;
    }
    scrapeMs[slot] = now;
    scrapeCpuMilliMs[slot] = used[slot];
  }
  world.lastScrapeMs = now;
}

afterEach(() => setScrapeRosterReuse(true));

describe("metrics-server's kept roster", () => {
  it('samples what a roster built at every scrape samples, through OOM kills, leaks, scaling, rollouts, traffic, NotReady nodes and checkpoints', () => {
    const packed = packWorld(baseWorld());
    let kills = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 8 }), (script) => {
        let kept = unpackWorld(packed);
        let fresh = unpackWorld(packed);
        for (const a of script) {
          setScrapeRosterReuse(false);
          fresh = act(fresh, a);
          setScrapeRosterReuse(true);
          kept = act(kept, a);
          expect(samples(kept)).toEqual(samples(fresh));
        }
        kills += kept.events.filter((e) => e.reason === 'SystemOOM').length;
      }),
      {
        numRuns: 60,
        examples: [
          // A traffic spike OOM-kills web's pods in the middle of a scrape, then the leak kills leaky's.
          [[{ type: 'traffic', rps: 110 }, { type: 'ticks', n: 40 }, { type: 'ticks', n: 40 }, { type: 'traffic', rps: 5 }, { type: 'ticks', n: 40 }]],
          [[{ type: 'rollout', name: 'api', cpu: 120 }, { type: 'ticks', n: 40 }, { type: 'scale', name: 'batch', replicas: 5 }, { type: 'ticks', n: 30 }, { type: 'checkpoint' }, { type: 'ticks', n: 30 }]],
        ],
      },
    );
    // The kills happened: the property covered scrapes whose pass killed a pod.
    expect(kills).toBeGreaterThan(0);
  });

  it('samples each pod as the pod-by-pod oracle does: running, terminating and stopped pods, leaks and kills', () => {
    const packed = packWorld(baseWorld());
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 30 }), (script, seconds) => {
        let world = unpackWorld(packed);
        for (const a of script) world = act(world, a);
        // Two copies scraped once more, a little later: by the engine and by the oracle.
        const byEngine = cloneWorld(world);
        const byOracle = cloneWorld(world);
        byEngine.timeMs += seconds * 1000;
        byOracle.timeMs += seconds * 1000;
        scrapeMetrics(byEngine);
        referenceScrape(byOracle);
        expect(samples(byEngine)).toEqual(samples(byOracle));
      }),
      {
        numRuns: 60,
        examples: [
          // Pods terminating after a scale-down, at the scrape.
          [[{ type: 'ticks', n: 20 }, { type: 'scale', name: 'api', replicas: 0 }, { type: 'ticks', n: 1 }], 5],
          [[{ type: 'traffic', rps: 110 }, { type: 'ticks', n: 40 }], 15],
        ],
      },
    );
  });
});
