import { DEFAULT_START_TIME, type NodeGroupSpec, type QueueSpec, type ScenarioSpec } from '../sim/core/scenario';
import type { LoadSpec } from '../sim/core/types';
import type { TimedCommand } from '../sim/core/commands';
import { cpuToMillis, memoryToMiB } from '../sim/core/quantity';
import { parseDuration } from './duration';
import { DEFAULT_REGION } from './scenarioChecks';
import type { LoadDoc, NodeGroupDoc, QueueDoc, ScenarioDoc } from './scenarioSchema';
import { defaultZones } from './zones';

export const DEFAULT_SEED = 1;
export const DEFAULT_DURATION_MS = 30 * 60_000;
export const DEFAULT_TICK_MS = 1000;
export const DEFAULT_LOAD_TIMEOUT_MS = 30_000;
export const DEFAULT_CLUSTER_NAME = 'playground';

/** Durations were validated by the schema; this only unwraps them. */
function durationMs(v: string | number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const r = parseDuration(v);
  return r.ok ? r.ms : fallback;
}

function nodeGroupSpec(g: NodeGroupDoc, region: string): NodeGroupSpec {
  return {
    name: g.name,
    instanceTypes: g.instanceTypes ?? (g.instanceType !== undefined ? [g.instanceType] : []),
    capacityType: g.capacityType ?? 'on-demand',
    minSize: g.minSize,
    maxSize: g.maxSize,
    // CreateAutoScalingGroup's default: desired starts at the minimum.
    desiredCapacity: g.desiredCapacity ?? g.minSize,
    zones: g.zones ?? defaultZones(region),
    labels: g.labels ?? {},
    taints: g.taints ?? [],
    tags: g.tags ?? {},
  };
}

function loadSpec(l: LoadDoc): LoadSpec {
  const spec: LoadSpec = {
    target: l.target,
    // "40m" per request = 40 millicore-seconds = 40 ms of one CPU.
    cpuPerRequestMillis: cpuToMillis(l.cpuPerRequest),
    memoryPerInflightMiB: memoryToMiB(l.memoryPerRequest ?? '1Mi'),
    timeoutMs: durationMs(l.timeout, DEFAULT_LOAD_TIMEOUT_MS),
  };
  if (l.clients) spec.clients = { count: l.clients.count, thinkTimeMs: durationMs(l.clients.thinkTime, 0) };
  if (l.profile) spec.profile = l.profile.map((s) => ({ atMs: durationMs(s.at, 0), rps: s.rps, rampMs: durationMs(s.ramp, 0) }));
  if (l.cpuPerPod !== undefined) spec.cpuPerPodMillis = cpuToMillis(l.cpuPerPod);
  if (l.memoryBase !== undefined) spec.memoryBaseMiB = memoryToMiB(l.memoryBase);
  if (l.memoryLeakPerHour !== undefined) spec.memoryLeakMiBPerHour = memoryToMiB(l.memoryLeakPerHour);
  return spec;
}

function queueSpec(q: QueueDoc): QueueSpec {
  return {
    name: q.name,
    type: q.type ?? 'sqs',
    producer: q.producer.profile.map((s) => ({ atMs: durationMs(s.at, 0), ratePerSecond: s.rate, rampMs: durationMs(s.ramp, 0) })),
    consumer: {
      deployment: q.consumer.deployment,
      messagesPerSecondPerPod: q.consumer.ratePerPod,
      concurrencyPerPod: q.consumer.concurrencyPerPod ?? 1,
      cpuPerMessageMillis: q.consumer.cpuPerMessage !== undefined ? cpuToMillis(q.consumer.cpuPerMessage) : 0,
    },
    initialMessages: q.initialMessages ?? 0,
  };
}

/** The validated document with every default filled in, as the engine takes it. */
export function buildScenarioSpec(doc: ScenarioDoc, timeline: TimedCommand[]): ScenarioSpec {
  const s = doc.spec;
  const region = s.region ?? DEFAULT_REGION;
  const name = doc.metadata?.name ?? DEFAULT_CLUSTER_NAME;
  return {
    name,
    seed: s.seed ?? DEFAULT_SEED,
    durationMs: durationMs(s.duration, DEFAULT_DURATION_MS),
    region,
    clusterName: s.clusterName ?? name,
    startTime: s.startTime ?? DEFAULT_START_TIME,
    tickMs: DEFAULT_TICK_MS,
    eksDefaults: s.eksDefaults ?? true,
    nodeGroups: (s.nodeGroups ?? []).map((g) => nodeGroupSpec(g, region)),
    load: (s.load ?? []).map(loadSpec),
    timeline,
    ...(s.queues ? { queues: s.queues.map(queueSpec) } : {}),
  };
}
