import type { World } from '../core/types';

/**
 * metrics-server scrapes every kubelet every 15 s (--metric-resolution) and reports each pod's CPU
 * as the rate of its cumulative usage counter between two scrapes. A pod therefore has no metric
 * until its second scrape after starting; controllers see usage only as of the last scrape.
 */
export const METRIC_RESOLUTION_MS = 15_000;

export function scrapeMetrics(world: World): void {
  const now = world.timeMs;
  for (const pod of world.pods.values()) {
    const running = pod.state === 'Running' || pod.state === 'Ready';
    if (!running) {
      if (pod.state !== 'Terminating') {
        world.metrics.delete(pod.name);
        pod.scrapeMs = -1;
      }
      continue;
    }
    if (pod.scrapeMs >= 0 && now > pod.scrapeMs) {
      world.metrics.set(pod.name, {
        cpuMillis: (pod.cpuUsedMilliMs - pod.scrapeCpuMilliMs) / (now - pod.scrapeMs),
        memoryMiB: pod.memoryMiB,
        timestampMs: now,
        windowMs: now - pod.scrapeMs,
      });
    }
    pod.scrapeMs = now;
    pod.scrapeCpuMilliMs = pod.cpuUsedMilliMs;
  }
  world.lastScrapeMs = now;
}
