import { createQueue } from './eventQueue';
import { cloneData } from './clone';
import { createRng } from './rng';
import type { ControllerLog, KubeEvent, World } from './types';

/**
 * How many recent events the world keeps for describe views; runners read new ones as they come.
 * A ring of 5,000–10,000 (halved when full, so pushes stay O(1)). Each event and log line is frozen
 * when written, as nothing changes it afterwards: checkpoints then share them instead of copying
 * them (cloneData shares frozen objects), so checkpoints whose rings overlap in time hold one copy
 * of what they have in common, and taking a checkpoint copies pointers, not thousands of objects.
 */
export const EVENT_RING = 5000;
export const LOG_RING = 5000;

export interface WorldOptions {
  seed: number;
  scenarioName: string;
  region: string;
  clusterName: string;
  startEpochMs: number;
  tickMs?: number;
}

export function createEmptyWorld(opts: WorldOptions): World {
  return {
    timeMs: 0,
    tickMs: opts.tickMs ?? 1000,
    seed: opts.seed,
    rng: createRng(opts.seed),
    scenarioName: opts.scenarioName,
    region: opts.region,
    clusterName: opts.clusterName,
    startEpochMs: opts.startEpochMs,
    nodes: new Map(),
    pods: new Map(),
    deployments: new Map(),
    replicaSets: new Map(),
    daemonSets: new Map(),
    services: new Map(),
    nodeGroups: new Map(),
    loads: new Map(),
    loadStates: new Map(),
    autoscalers: {},
    queue: createQueue(),
    events: [],
    eventCount: 0,
    logs: [],
    logCount: 0,
    commands: [],
    pendingCommands: [],
    pendingPods: new Set(),
    readyVersion: 0,
    podsVersion: 0,
    nextUid: 1,
    schedulerDirty: true,
    workloadsDirty: true,
    ownerIndex: new Map(),
    podCpu: { used: new Float64Array(1024), metricCpuMillis: new Float64Array(1024).fill(NaN), metricMemoryMiB: new Float64Array(1024).fill(NaN),
      scrapeCpuMilliMs: new Float64Array(1024),
      scrapeMs: new Float64Array(1024).fill(-1),
      free: [],
      next: 0,
    },
    lastScrapeMs: -1,
    notices: [],
    totals: { nodesLaunched: 0, nodesTerminated: 0, podsEvicted: 0 },
  };
}

/** Events emitted since the runner last saw `seenCount` of them. */
export function eventsSince(world: World, seenCount: number): KubeEvent[] {
  const firstKept = world.eventCount - world.events.length;
  return world.events.slice(Math.max(0, seenCount - firstKept));
}

export function logsSince(world: World, seenCount: number): ControllerLog[] {
  const firstKept = world.logCount - world.logs.length;
  return world.logs.slice(Math.max(0, seenCount - firstKept));
}

/**
 * A deep copy for checkpoints: the world is plain data (Maps, Sets, arrays, objects); frozen parts
 * (the KRR history's frames) are shared between copies, as they never change.
 */
export function cloneWorld(world: World): World {
  return cloneData(world);
}

export function nowSeconds(world: World): number {
  return world.timeMs / 1000;
}

export function emitEvent(
  world: World,
  e: Omit<KubeEvent, 't' | 'count' | 'namespace' | 'source'> & { namespace?: string; source?: string },
): void {
  world.eventCount++;
  if (world.events.length >= 2 * EVENT_RING) world.events.splice(0, EVENT_RING);
  world.events.push(Object.freeze({
    t: Math.floor(world.timeMs / 1000),
    namespace: e.namespace ?? 'default',
    source: e.source ?? '',
    count: 1,
    kind: e.kind,
    name: e.name,
    type: e.type,
    reason: e.reason,
    message: e.message,
  }));
}

export function log(world: World, controller: string, message: string, level: ControllerLog['level'] = 'INFO') {
  if (world.logs.length >= 2 * LOG_RING) world.logs.splice(0, LOG_RING);
  world.logCount++;
  world.logs.push(Object.freeze({ t: world.timeMs / 1000, controller, level, message }));
}

export function addNotice(world: World, notice: string): void {
  if (!world.notices.includes(notice)) world.notices.push(notice);
}
