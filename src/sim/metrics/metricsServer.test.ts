import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import type { Pod } from '../core/types';
import { enqueueCommand } from '../commands/apply';
import { podList, removePod } from '../cluster/pods';
import { oomObservers } from '../load/workloadModel';
import { deployment, scenario } from '../testing/fixtures';
import { scrapeMetrics } from './metricsServer';

/**
 * The scrape walks podList (the pods map as a kept array) instead of the map's iterator; the array
 * must be the map's content in its order, and a kill that adds or removes pods must leave the rest
 * of the pass as the map's live iteration would have made it.
 */
describe('the metrics scrape over the kept pod list', () => {
  it("is the pods map's values in order through scale-ups and scale-downs, kept while none is added or removed", () => {
    const world = createWorld(scenario(), [deployment('web', 6, '100m', '64Mi'), deployment('api', 3, '100m', '64Mi')]);
    const replicas = [2, 9, 4, 12, 1];
    for (let round = 0; round < replicas.length; round++) {
      enqueueCommand(world, { atMs: world.timeMs, input: 'test', command: { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: replicas[round] } });
      for (let i = 0; i < 40; i++) {
        step(world);
        const list = podList(world);
        expect(list).toEqual([...world.pods.values()]);
        expect(list.every((p, k) => p === [...world.pods.values()][k])).toBe(true);
        expect(podList(world)).toBe(list);
      }
    }
  });

  it('after a kill that removes a pod not yet scraped, goes on over the live map: the removed pod is skipped, the rest scraped', () => {
    const world = createWorld(scenario(), [deployment('web', 6, '100m', '64Mi')]);
    for (let i = 0; i < 90; i++) step(world);
    const pods = [...world.pods.values()].filter((p) => p.deployment === 'web' && p.state === 'Ready');
    expect(pods.length).toBe(6);
    const [victim, , removed] = pods;
    victim.limit = { cpuMillis: victim.limit.cpuMillis, memoryMiB: 1 };
    const observer = (_w: unknown, pod: Pod): void => {
      if (pod === victim) removePod(world, removed);
    };
    oomObservers.push(observer);
    try {
      const before = removed.scrapeMs;
      world.timeMs += 15_000;
      scrapeMetrics(world);
      expect(victim.state).toBe('OOMKilled');
      expect(removed.scrapeMs).toBe(before);
      for (const p of pods) if (p !== victim && p !== removed) expect(p.scrapeMs).toBe(world.timeMs);
    } finally {
      oomObservers.splice(oomObservers.indexOf(observer), 1);
    }
  });
});
