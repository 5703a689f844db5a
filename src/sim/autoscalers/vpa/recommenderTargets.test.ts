import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadScenario } from '../../../scenario/loadScenario';
import { createWorld } from '../../bootstrap';
import { applyCommand } from '../../commands/apply';
import { packWorld, unpackWorld } from '../../core/checkpoint';
import { step } from '../../core/step';
import type { World } from '../../core/types';
import { faultsOf } from '../../faults/state';
import { podPhase } from '../../lifecycle/phase';
import { targetPods } from './recommenderLoop';
import { containerFeed, LISTED, RUNNING, targetListing } from './recommenderTargets';
import { vpaModule } from './index';
import { vpaObjects } from './worldState';

function hamster(): World {
  const loaded = loadScenario(readFileSync('examples/vpa-hamster.yaml', 'utf8'), 'vpa-hamster.yaml');
  if (!loaded.ok) throw new Error('vpa-hamster.yaml does not load');
  return createWorld(loaded.spec, loaded.manifests.map((m) => m.doc));
}

/** The kept listing of every VPA against its target's pods as they are now, and the ledger's metric columns against the pods' metrics. */
function expectListingOfPods(world: World): void {
  for (const o of vpaObjects(world)) {
    const ref = o.vpa.spec.targetRef;
    const listing = targetListing(world, ref.kind, ref.name, o.vpa.metadata.namespace ?? 'default');
    const pods = targetPods(world, o.vpa);
    expect(listing.pods).toEqual(pods);
    expect([...listing.slots]).toEqual(pods.map((p) => p.cpuSlot));
    expect(listing.names).toEqual(pods.map((p) => p.name));
    const flags = pods.map((p) => (podPhase(p) !== 'Pending' ? LISTED : 0) | (p.state === 'Running' || p.state === 'Ready' ? RUNNING : 0));
    expect([...listing.flags]).toEqual(flags);
    pods.forEach((p, i) => {
      if (flags[i] & LISTED) expect(listing.feeds[listing.feedOf[i]]).toBe(containerFeed(p.spec.containers));
    });
  }
  for (const p of world.pods.values()) {
    const cpu = world.podCpu.metricCpuMillis[p.cpuSlot];
    expect(Number.isNaN(cpu)).toBe(p.metric === null);
    if (p.metric) expect(world.podCpu.scrapeMs[p.cpuSlot]).toBe(p.metric.timestampMs);
  }
}

/**
 * What a recommender run must leave, from the pods as they are when it starts: each Running or
 * Ready target pod with a metric newer than the last one fed gives each of its containers one
 * sample and its time; the names of pods no longer in the world are dropped.
 */
function expectedFeed(world: World): Map<string, { times: Map<string, number>; samples: Map<string, number> }> {
  const out = new Map<string, { times: Map<string, number>; samples: Map<string, number> }>();
  for (const o of vpaObjects(world)) {
    const times = new Map(Object.entries(o.lastSampleMs));
    const samples = new Map(Object.entries(o.containers).map(([name, s]) => [name, s.totalSamplesCount]));
    for (const p of targetPods(world, o.vpa)) {
      if (podPhase(p) === 'Pending') continue;
      for (const c of p.spec.containers) if (!samples.has(c.name)) samples.set(c.name, 0);
      const m = p.metric;
      if (!m || (p.state !== 'Running' && p.state !== 'Ready') || (times.get(p.name) ?? -1) >= m.timestampMs) continue;
      times.set(p.name, m.timestampMs);
      for (const c of p.spec.containers) samples.set(c.name, samples.get(c.name)! + 1);
    }
    for (const name of times.keys()) if (!world.pods.has(name)) times.delete(name);
    out.set(o.vpa.metadata.name, { times, samples });
  }
  return out;
}

function expectFed(world: World, expected: ReturnType<typeof expectedFeed>): void {
  for (const o of vpaObjects(world)) {
    const e = expected.get(o.vpa.metadata.name)!;
    expect(new Map(Object.entries(o.lastSampleMs))).toEqual(e.times);
    expect(new Map(Object.entries(o.containers).map(([name, s]) => [name, s.totalSamplesCount]))).toEqual(e.samples);
  }
}

const action = fc.oneof(
  fc.record({ type: fc.constant('scale' as const), replicas: fc.nat(8) }),
  fc.record({ type: fc.constant('rollout' as const) }),
  fc.record({ type: fc.constant('drain' as const), node: fc.nat(3) }),
  fc.record({ type: fc.constant('metricsDown' as const), seconds: fc.integer({ min: 10, max: 90 }) }),
  fc.record({ type: fc.constant('restore' as const) }),
);

describe("the recommender's kept listing of a VPA's target pods", () => {
  it('agrees with the pods, and each run feeds what they say, through scaling, rollouts, drains, a metrics-server outage and checkpoint restores', () => {
    // Each run is held to the pods as it finds them (other loops may move pods earlier in its tick).
    const recommender = vpaModule.controllers.find((c) => c.name === 'vpa-recommender')!;
    const saved = Object.getOwnPropertyDescriptor(recommender, 'run')!;
    const run = recommender.run.bind(recommender);
    let runs = 0;
    recommender.run = (world) => {
      const expected = expectedFeed(world);
      run(world);
      expectFed(world, expected);
      runs++;
    };
    try {
      checkThroughScripts();
    } finally {
      Object.defineProperty(recommender, 'run', saved);
    }
    expect(runs).toBeGreaterThan(25);
  });
});

function checkThroughScripts(): void {
  const base = hamster();
  for (let i = 0; i < 90; i++) step(base);
  const packed = packWorld(base);
  fc.assert(
    fc.property(fc.array(fc.record({ act: action, ticks: fc.integer({ min: 1, max: 130 }) }), { minLength: 1, maxLength: 6 }), (script) => {
      let w = unpackWorld(packed);
      for (const { act, ticks } of script) {
        if (act.type === 'scale') applyCommand(w, { type: 'scale', kind: 'deployment', name: 'hamster', namespace: 'default', replicas: act.replicas });
        else if (act.type === 'rollout') applyCommand(w, { type: 'rolloutRestart', kind: 'deployment', name: 'hamster', namespace: 'default' });
        else if (act.type === 'drain') {
          const nodes = [...w.nodes.values()];
          if (nodes.length > 0) applyCommand(w, { type: 'drain', node: nodes[act.node % nodes.length].name, ignoreDaemonsets: true, deleteEmptyDirData: true, force: true });
        } else if (act.type === 'metricsDown') Object.assign(faultsOf(w), { metricsServerDownFromMs: w.timeMs, metricsServerDownUntilMs: w.timeMs + act.seconds * 1000 });
        else w = unpackWorld(packWorld(w));
        for (let i = 0; i < ticks; i++) {
          step(w);
          expectListingOfPods(w);
        }
      }
    }),
    { numRuns: 25 },
  );
}
