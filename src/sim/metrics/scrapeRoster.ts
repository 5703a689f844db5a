import type { LoadSpec, Pod, World } from '../core/types';
import { newOwnerRequestMemo, restingMemoryMiB } from '../load/workloadModel';

/**
 * What the scrape needs of each pod that only a change to a pod, a load or a Service can change:
 * whether it runs, its ledger slot, its memory limit and its working set at rest. Kept as columns
 * in world.pods' order while world.podsVersion stands still (~9 in 10 scrapes of a medium-ca
 * hour): a scrape then walks these columns and writes each pod's sample, instead of walking the
 * pod Map and working every pod's resting memory out again from its ReplicaSet's template (a
 * scrape at 3,800 pods: ~46 ns a pod before, ~23 after).
 *
 * podsVersion moves with every change to a pod (created, removed, bound, a new state, a new spec
 * or resources) and with every command, the only way loads, Services, Deployments and their
 * ReplicaSets change: everything a pod's resting memory is worked out from.
 *
 * Kept beside the world, not in it: a checkpoint or copy builds its own at its first scrape.
 */
export interface ScrapeRoster {
  podsVersion: number;
  count: number;
  pods: Pod[];
  kinds: Uint8Array;
  slots: Int32Array;
  limitMiB: Float64Array;
  /** The working set at rest; NaN where a leaking load makes it grow with time (worked out at each scrape). */
  restMiB: Float64Array;
}

/** A pod neither running nor terminating: the scrape clears its sample. */
export const STOPPED = 0;
/** Terminating: its last sample stays as it was. */
export const TERMINATING = 1;
/** Running or Ready: sampled. */
const RUNNING = 2;

const rosters = new WeakMap<World, ScrapeRoster>();

function emptyRoster(capacity: number): ScrapeRoster {
  return {
    podsVersion: -1,
    count: 0,
    pods: [],
    kinds: new Uint8Array(capacity),
    slots: new Int32Array(capacity),
    limitMiB: new Float64Array(capacity),
    restMiB: new Float64Array(capacity),
  };
}

/** Fills `roster` from the pods of the world, in their order. */
function fill(world: World, loads: ReadonlyMap<string, LoadSpec>, roster: ScrapeRoster): void {
  const { pods, kinds, slots, limitMiB, restMiB } = roster;
  // A ReplicaSet's pods mostly come one after another: its template's request is looked up once.
  const owners = newOwnerRequestMemo();
  let lastDeployment: string | undefined;
  let load: LoadSpec | undefined;
  let n = 0;
  for (const pod of world.pods.values()) {
    pods[n] = pod;
    slots[n] = pod.cpuSlot;
    const s = pod.state;
    if (s !== 'Running' && s !== 'Ready') {
      kinds[n++] = s === 'Terminating' ? TERMINATING : STOPPED;
      continue;
    }
    kinds[n] = RUNNING;
    if (pod.deployment !== lastDeployment || load === undefined) {
      lastDeployment = pod.deployment;
      load = pod.deployment ? loads.get(pod.deployment) : undefined;
    }
    limitMiB[n] = pod.limit.memoryMiB;
    restMiB[n] = (load?.memoryLeakMiBPerHour ?? 0) > 0 ? NaN : restingMemoryMiB(world, pod, load, owners);
    n++;
  }
  pods.length = n;
  roster.count = n;
}

/** The world's roster, rebuilt (in the columns of the last one, if they are long enough) when a pod, load or Service changed. */
export function scrapeRosterOf(world: World, loads: ReadonlyMap<string, LoadSpec>): ScrapeRoster {
  let roster = rosters.get(world);
  if (roster !== undefined && roster.podsVersion === world.podsVersion && reuseRosters) return roster;
  const size = world.pods.size;
  if (roster === undefined || roster.kinds.length < size) {
    roster = emptyRoster(Math.max(64, size + (size >> 2)));
    rosters.set(world, roster);
  }
  fill(world, loads, roster);
  roster.podsVersion = world.podsVersion;
  return roster;
}

/** A test's switch: build the roster at every scrape, to compare with one that is kept. */
let reuseRosters = true;
export function setScrapeRosterReuse(on: boolean): void {
  reuseRosters = on;
}
