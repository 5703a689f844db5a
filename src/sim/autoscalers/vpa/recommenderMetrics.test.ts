import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario/loadScenario';
import { createWorld } from '../../bootstrap';
import { applyCommand } from '../../commands/apply';
import { runUntil } from '../../core/step';
import type { World } from '../../core/types';
import { podPhase } from '../../lifecycle/phase';
import { recommenderProcess } from './recommenderLog';

/**
 * LoadRealTimeMetrics (cluster_feeder.go) as the recommender's run sees it: every listed pod with
 * a metric is counted, and each aggregate state's last sample time moves to the newest sample of
 * its pods. The run reads the pods grouped per listing; these checks hold it to the pods themselves
 * while the listing is kept and after it is renewed (a scale-up, then a scale-down).
 */
function expectedAt(world: World): { podMetrics: number; containers: number; newest: Map<string, number> } {
  let podMetrics = 0;
  let containers = 0;
  const newest = new Map<string, number>();
  for (const p of world.pods.values()) {
    if (p.state === 'Gone' || podPhase(p) === 'Pending' || p.metric === null) continue;
    podMetrics++;
    containers += p.spec.containers.length;
    for (const c of p.spec.containers) {
      const key = `${p.namespace}\n${p.ownerKind}/${p.ownerName}\n${c.name}`;
      newest.set(key, Math.max(newest.get(key) ?? -1, p.metric.timestampMs));
    }
  }
  return { podMetrics, containers, newest };
}

describe('the recommender\'s real-time metrics, examples/vpa-hamster.yaml', () => {
  it('counts every listed pod with a metric and moves each aggregate state to its pods\' newest sample, through a kept and a renewed listing', () => {
    const loaded = loadScenario(readFileSync('examples/vpa-hamster.yaml', 'utf8'), 'vpa-hamster.yaml');
    if (!loaded.ok) throw new Error('vpa-hamster.yaml does not load');
    const world = createWorld(loaded.spec, loaded.manifests.map((m) => m.doc));
    // A scale-up, a rollout (a second template: other aggregate keys) and a scale-down.
    const keysSeen = new Set<number>();
    const replicas = [0, 0, 0, 14, 14, 14, 14, 14, 14, 3, 3, 3];
    for (let run = 1; run < replicas.length; run++) {
      if (replicas[run] !== replicas[run - 1]) applyCommand(world, { type: 'scale', kind: 'deployment', name: 'hamster', namespace: 'default', replicas: replicas[run] });
      if (run === 5) applyCommand(world, { type: 'rolloutRestart', kind: 'deployment', name: 'hamster', namespace: 'default' });
      // The run at each minute reads the metrics of the scrape 15 s before it (it comes first in the tick).
      runUntil(world, run * 60_000 - 1000);
      const expected = expectedAt(world);
      const before = new Map(Object.entries(recommenderProcess(world, false)?.aggregates ?? {}).map(([k, a]) => [k, a.lastSampleMs]));
      runUntil(world, run * 60_000);
      const lines = world.logs.filter((l) => l.controller === 'vpa-recommender' && l.t === run * 60).map((l) => l.message);
      expect(lines.find((l) => l.includes('podMetrics retrieved'))).toMatch(new RegExp(`podMetrics=${expected.podMetrics}$`));
      expect(lines.find((l) => l.includes('ContainerUsageSamples'))).toMatch(new RegExp(`sampleCount=${2 * expected.containers} containerCount=${expected.containers} `));
      const aggregates = recommenderProcess(world, false)!.aggregates;
      for (const [key, at] of expected.newest) {
        if (aggregates[key] === undefined) continue;
        expect(aggregates[key].lastSampleMs).toBe(Math.max(before.get(key) ?? -1, at));
      }
      expect(expected.podMetrics).toBeGreaterThan(0);
      keysSeen.add(expected.newest.size);
    }
    // Both templates' pods were sampled side by side at some run.
    expect(Math.max(...keysSeen)).toBeGreaterThan(1);
  });
});
