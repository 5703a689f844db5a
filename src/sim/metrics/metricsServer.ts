import type { Pod, World } from '../core/types';
import { podList, podMembershipChanges } from '../cluster/pods';
import { metricsServerDown } from '../faults/state';
import { IDLE_CPU_MILLIS, inflightMemoryBySlot } from '../load/loadModel';
import { forgetOwner, killIfOverMemoryLimit, newOwnerRequestMemo, workingSetAtRestMiB, workloadIndex, type OwnerRequestMemo } from '../load/workloadModel';
import type { LoadSpec } from '../core/types';

/**
 * metrics-server scrapes every kubelet every 15 s (--metric-resolution) and reports each pod's CPU
 * as the rate of its cumulative usage counter between two scrapes. A pod therefore has no metric
 * until its second scrape after starting; controllers see usage only as of the last scrape.
 */
export const METRIC_RESOLUTION_MS = 15_000;

interface ScrapePass {
  now: number;
  loads: Map<string, LoadSpec>;
  inflight: Float64Array;
  down: boolean;
  used: Float64Array;
  owners: OwnerRequestMemo;
  // The previous pod's deployment and load, and its ReplicaSet's memory request: consecutive pods
  // mostly share them, and `loads` and the ReplicaSets stand still until a pod is OOM-killed.
  lastDeployment: string | undefined;
  lastLoad: LoadSpec | undefined;
}

export function scrapeMetrics(world: World): void {
  // One pass over the pods: each pod's working set (resting + leak + what its in-flight requests
  // hold) is settled before it can be OOM-killed or sampled, and one pod's kill changes nothing
  // another pod's working set depends on. A second pass would fetch every pod from memory again.
  // While metrics-server is down nothing is scraped and the API serves nothing; once it is back it
  // needs two scrapes of a pod again before it reports that pod's CPU rate.
  const pass: ScrapePass = {
    now: world.timeMs,
    loads: workloadIndex(world).loads,
    inflight: inflightMemoryBySlot(world),
    down: metricsServerDown(world),
    used: world.podCpu.used,
    owners: newOwnerRequestMemo(),
    lastDeployment: undefined,
    lastLoad: undefined,
  };
  // The pods as an array (podList) rather than the map's iterator. The map's live order is what the
  // pass follows: should a kill ever add or remove a pod, the rest of the pass continues on the
  // map from the killed pod, as the map's own iteration would.
  const pods = podList(world);
  const changes = podMembershipChanges();
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    if (!scrapePod(world, pass, pod) || podMembershipChanges() === changes) continue;
    let seen = false;
    for (const rest of world.pods.values()) {
      if (seen) scrapePod(world, pass, rest);
      else seen = rest === pod;
    }
    if (!seen) throw new Error(`scrapeMetrics: ${pod.name} left the pod list when it was OOM-killed`);
    break;
  }
  if (!pass.down) world.lastScrapeMs = pass.now;
}

/** One pod's scrape; true when the pod was OOM-killed. */
function scrapePod(world: World, pass: ScrapePass, pod: Pod): boolean {
  const s = pod.state;
  if (s !== 'Running' && s !== 'Ready') {
    if (s !== 'Terminating') {
      pod.metric = null;
      pod.scrapeMs = -1;
      pod.memoryMiB = 0;
    }
    return false;
  }
  const now = pass.now;
  if (pod.deployment !== pass.lastDeployment || pass.lastLoad === undefined) {
    pass.lastDeployment = pod.deployment;
    pass.lastLoad = pod.deployment ? pass.loads.get(pod.deployment) : undefined;
  }
  pod.memoryMiB = workingSetAtRestMiB(world, pod, pass.lastLoad, now, pass.owners) + pass.inflight[pod.cpuSlot];
  // The kernel kills at the limit; metrics-server never reports a working set past it. A kill
  // runs the pod's lifecycle and the OOM observers: the ReplicaSets are asked afresh after one.
  if (killIfOverMemoryLimit(world, pod)) {
    forgetOwner(pass.owners);
    return true;
  }
  if (pass.down) {
    pod.metric = null;
    pod.scrapeMs = -1;
    return false;
  }
  const used = pass.used;
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
  return false;
}
