import type { LoadSpec, Pod, PodMetric, World } from '../core/types';
import { metricsServerDown } from '../faults/state';
import { IDLE_CPU_MILLIS, inflightMemoryByTarget } from '../load/loadModel';
import { readyIndex } from '../load/readyIndex';
import { settleCpu } from '../cluster/cpuLedgerPending';
import { killIfOverMemoryLimit, workingSetAtRestMiB } from '../load/workloadModel';
import { STOPPED, TERMINATING, scrapeRosterOf, type ScrapeRoster } from './scrapeRoster';

/**
 * metrics-server scrapes every kubelet every 15 s (--metric-resolution) and reports each pod's CPU
 * as the rate of its cumulative usage counter between two scrapes. A pod therefore has no metric
 * until its second scrape after starting; controllers see usage only as of the last scrape.
 */
export const METRIC_RESOLUTION_MS = 15_000;

/**
 * A pod's sample, made by a constructor rather than a literal. V8 gives every plain object built
 * with these keys in this order one hidden class (literals, JSON.parse, the checkpoint's copies),
 * and in that one the fields are generic: each fractional figure written into a sample was a
 * fresh heap number, two per pod per scrape (~30 MB an hour in medium-ca, a tenth of what the
 * hour allocates). A constructor's objects have a hidden class of their own whose number fields
 * are overwritten in place. Its prototype is Object.prototype and it sets the same four keys in
 * the same order, so a sample is still a plain object to JSON, copies and deep-equality checks
 * (a class would give it a prototype of its own). A sample restored from a checkpoint stays a
 * literal and is written as before.
 */
function scrapedMetric(this: PodMetric, cpuMillis: number, memoryMiB: number, timestampMs: number, windowMs: number): void {
  this.cpuMillis = cpuMillis;
  this.memoryMiB = memoryMiB;
  this.timestampMs = timestampMs;
  this.windowMs = windowMs;
}
scrapedMetric.prototype = Object.prototype;
const ScrapedMetric = scrapedMetric as unknown as new (cpuMillis: number, memoryMiB: number, timestampMs: number, windowMs: number) => PodMetric;

export function scrapeMetrics(world: World): void {
  const now = world.timeMs;
  const { loads, targets, targetOfSlot } = readyIndex(world);
  // Each pod's working set (resting + leak + what its in-flight requests hold) is settled before
  // it can be OOM-killed or sampled, and one pod's kill changes nothing another pod's working set
  // depends on: one pass over the pods.
  const inflight = inflightMemoryByTarget(world, targets);
  // The counters are read below: the CPU the load model still owes them is added first.
  settleCpu(world);
  const pass: ScrapePass = {
    now,
    loads,
    targetOfSlot,
    indexedSlots: targetOfSlot.length,
    inflight,
    // While metrics-server is down nothing is scraped and the API serves nothing; once it is back
    // it needs two scrapes of a pod again before it reports that pod's CPU rate.
    down: metricsServerDown(world),
  };
  scrapeRosterPods(world, scrapeRosterOf(world, loads), pass);
  if (!pass.down) world.lastScrapeMs = now;
}

/** What one scrape reads besides the roster. */
interface ScrapePass {
  now: number;
  loads: ReadonlyMap<string, LoadSpec>;
  targetOfSlot: Int32Array;
  indexedSlots: number;
  inflight: Float64Array;
  down: boolean;
}

/** No sample: the pod has none, and the next scrape that sees it running starts a new window. */
function clearSample(world: World, pod: Pod, slot: number): void {
  pod.metric = null;
  world.podCpu.metricCpuMillis[slot] = NaN;
  world.podCpu.metricMemoryMiB[slot] = NaN;
  world.podCpu.scrapeMs[slot] = -1;
}

/**
 * Samples the roster's pods in order. An OOM kill changes the killed pod and nothing the others'
 * samples depend on (their state, template, limit, load): the pass goes on over the same roster,
 * and the kill's change to the pod makes the next scrape build a new one.
 */
function scrapeRosterPods(world: World, roster: ScrapeRoster, pass: ScrapePass): void {
  const { now, loads, targetOfSlot, indexedSlots, inflight, down } = pass;
  const { pods, kinds, slots, limitMiB, restMiB, count } = roster;
  const used = world.podCpu.used;
  const { metricCpuMillis, metricMemoryMiB, scrapeCpuMilliMs, scrapeMs } = world.podCpu;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i];
    if (kind === TERMINATING) continue;
    const pod = pods[i];
    const slot = slots[i];
    if (kind === STOPPED) {
      clearSample(world, pod, slot);
      pod.memoryMiB = 0;
      continue;
    }
    // A pod no load reaches adds 0 (its working set as it is at rest).
    const target = slot < indexedSlots ? targetOfSlot[slot] : -1;
    let rest = restMiB[i];
    // A leaking load's pods grow with the time since their container started.
    if (rest !== rest) rest = workingSetAtRestMiB(world, pod, pod.deployment ? loads.get(pod.deployment) : undefined, now);
    const memoryMiB = rest + (target < 0 ? 0 : inflight[target]);
    pod.memoryMiB = memoryMiB;
    // The kernel kills at the limit; metrics-server never reports a working set past it. A kill
    // runs the pod's lifecycle and the OOM observers. killIfOverMemoryLimit's own first test,
    // here: the rare call is then left out of line.
    const memoryLimit = limitMiB[i];
    if (memoryLimit > 0 && memoryMiB > memoryLimit && killIfOverMemoryLimit(world, pod)) continue;
    if (down) {
      clearSample(world, pod, slot);
      continue;
    }
    const last = scrapeMs[slot];
    const counter = used[slot];
    if (last >= 0 && now > last) {
      // Every running container idles at about 1m on top of the work the load gives it.
      const cpuMillis = IDLE_CPU_MILLIS + (counter - scrapeCpuMilliMs[slot]) / (now - last);
      const m = pod.metric;
      if (m) {
        m.cpuMillis = cpuMillis;
        m.memoryMiB = memoryMiB;
        m.windowMs = now - last;
        m.timestampMs = now;
      } else {
        pod.metric = new ScrapedMetric(cpuMillis, memoryMiB, now, now - last);
      }
      metricCpuMillis[slot] = cpuMillis;
      metricMemoryMiB[slot] = memoryMiB;
    }
    scrapeMs[slot] = now;
    scrapeCpuMilliMs[slot] = counter;
  }
}
