import { describe, expect, it } from 'vitest';
import { step } from '../core/step';
import { ownedPodIndex } from '../cluster/pods';
import { exampleWorld } from '../testing/exampleHashes';
import { utilizationTotals } from '../autoscalers/hpa/utilizationTotals';
import { DEFAULT_HPA_CONTROLLER_CONFIG } from '../autoscalers/hpa/types';
import { scrapedOwnerCpuTotals } from './ownerCpuTotals';

/*
 * The scrape's per-ReplicaSet sums stand for the HPA's own pass over the pods (controller.ts):
 * wherever they are offered (plain, and no stale pod still initializing), that pass over the
 * ReplicaSet's pods must reach the same figures with every pod ready and none ignored.
 */
describe('the scrape’s CPU sums per ReplicaSet', () => {
  it('match the HPA’s pass over the same pods whenever they are offered', () => {
    const { world } = exampleWorld('hpa-php-apache.yaml');
    const { cpuInitializationPeriodSeconds, initialReadinessDelaySeconds } = DEFAULT_HPA_CONTROLLER_CONFIG;
    let compared = 0;
    let declined = 0;
    for (let i = 0; i < 20 * 60; i++) {
      step(world);
      const byOwner = scrapedOwnerCpuTotals(world);
      if (byOwner === undefined) continue;
      const nowSeconds = world.timeMs / 1000;
      for (const [owner, sums] of byOwner) {
        const pods = [...(ownedPodIndex(world, 'ReplicaSet', owner)?.values() ?? [])];
        expect(sums.pods).toBe(pods.length);
        if (!sums.plain || sums.latestStaleScheduledMs / 1000 + cpuInitializationPeriodSeconds > nowSeconds) {
          declined++;
          continue;
        }
        const pass = utilizationTotals(pods, 'cpu', { cpuReadinessChecks: true, nowSeconds, cpuInitializationPeriodSeconds, initialReadinessDelaySeconds });
        expect(pass).toEqual({ readyPodCount: sums.pods, usageTotal: sums.sampleTotal, requestTotal: sums.requestTotal, ignored: [] });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(declined).toBeGreaterThan(0);
  });
});
