import type { World } from '../core/types';
import { metricsServerDown } from '../faults/state';
import { IDLE_CPU_MILLIS, inflightMemoryBySlot } from '../load/loadModel';
import { killIfOverMemoryLimit, workingSetAtRestMiB, workloadIndex } from '../load/workloadModel';

/**
 * metrics-server scrapes every kubelet every 15 s (--metric-resolution) and reports each pod's CPU
 * as the rate of its cumulative usage counter between two scrapes. A pod therefore has no metric
 * until its second scrape after starting; controllers see usage only as of the last scrape.
 */
export const METRIC_RESOLUTION_MS = 15_000;

export function scrapeMetrics(world: World): void {
  const now = world.timeMs;
  const loads = workloadIndex(world).loads;
  // One pass over the pods: each pod's working set (resting + leak + what its in-flight requests
  // hold) is settled before it can be OOM-killed or sampled, and one pod's kill changes nothing
  // another pod's working set depends on. A second pass would fetch every pod from memory again.
  const inflight = inflightMemoryBySlot(world);
  // While metrics-server is down nothing is scraped and the API serves nothing; once it is back it
  // needs two scrapes of a pod again before it reports that pod's CPU rate.
  const down = metricsServerDown(world);
  const used = world.podCpu.used;
  for (const pod of world.pods.values()) {
    const s = pod.state;
    if (s !== 'Running' && s !== 'Ready') {
      if (s !== 'Terminating') {
        pod.metric = null;
        pod.scrapeMs = -1;
        pod.memoryMiB = 0;
      }
      continue;
    }
    pod.memoryMiB = workingSetAtRestMiB(world, pod, pod.deployment ? loads.get(pod.deployment) : undefined, now) + inflight[pod.cpuSlot];
    // The kernel kills at the limit; metrics-server never reports a working set past it.
    if (killIfOverMemoryLimit(world, pod)) continue;
    if (down) {
      pod.metric = null;
      pod.scrapeMs = -1;
      continue;
    }
    if (pod.scrapeMs >= 0 && now > pod.scrapeMs) {
      // Every running container idles at about 1m on top of the work the load gives it.
      const cpuMillis = IDLE_CPU_MILLIS + (used[pod.cpuSlot] - pod.scrapeCpuMilliMs) / (now - pod.scrapeMs);
      const m = pod.metric;
      if (m) {
        m.cpuMillis = cpuMillis;
        m.memoryMiB = pod.memoryMiB;
        m.windowMs = now - pod.scrapeMs;
        m.timestampMs = now;
      } else {
        pod.metric = { cpuMillis, memoryMiB: pod.memoryMiB, timestampMs: now, windowMs: now - pod.scrapeMs };
      }
    }
    pod.scrapeMs = now;
    pod.scrapeCpuMilliMs = used[pod.cpuSlot];
  }
  if (!down) world.lastScrapeMs = now;
}
