import { deflateSync, inflateSync } from 'fflate';
import { cloneDataSharing } from './clone';
import { settleCpu } from '../cluster/cpuLedgerPending';
import type { Pod, PodCondition, World } from './types';

/**
 * A checkpoint of a world, packed. Pods are most of a world (6,600 pods took 14 of a checkpoint's
 * 15 MB as objects: each pod, its condition objects and its metric), so they are kept as columns:
 * their numbers and plain conditions in one Float64Array, their strings and shared objects in flat
 * arrays (6,600 pods: 3.1 MB with the rest of the world). Everything
 * else is a cloneData copy, as before, sharing frozen parts (events, logs, KRR frames) with the
 * live world.
 *
 * A checkpoint is only ever restored (unpackWorld), never read in place, so its form is free.
 * A smaller checkpoint means more of them in the same memory, and a seek replays a shorter gap.
 */
export interface PackedWorld {
  /** The world with empty `pods` and `ownerIndex` maps, deep-copied. */
  rest: World;
  pods: PackedPods;
  /** ownerIndex in its insertion order: owner keys, and each owner's pods as indices into `pods`. */
  owners: { keys: string[]; members: Int32Array; offsets: Int32Array };
}

interface PackedPods {
  count: number;
  /** STRINGS_PER_POD per pod, in the order packPods writes them. */
  strings: unknown[];
  /** NUMBERS_PER_POD per pod. */
  numbers: Float64Array;
  /** spec, request, limit, labels: copied once per checkpoint however many pods share them. */
  objects: unknown[];
  /**
   * Conditions that do not fit in `numbers` (a reason or message, or more than four), in pod order:
   * the count, then type, status, reason, message, lastTransitionMs of each.
   */
  conditions: unknown[];
  /** Set by deflatePods, which then empties `numbers`, `strings` and `objects`. */
  deflated?: { numbers: Uint8Array; strings: Tabled; objects: Tabled };
}

const STRINGS_PER_POD = 11;
/** The pod's numbers, its metric (presence + 4), then its conditions (count + 4 × (code, time)). */
const NUMBERS_PER_POD = 25;
const OBJECTS_PER_POD = 4;
const CONDITIONS_AT = 16;
const MAX_PACKED_CONDITIONS = 4;
/** A condition's type and status as one number: type index × 2 + (status True ? 1 : 0). */
const CONDITION_TYPES: readonly PodCondition['type'][] = ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'];

/**
 * Most pods' conditions are the four types with a status and a time and no reason or message:
 * those go into `numbers` (72 bytes a pod instead of ~200 as a list). Returns false for the others.
 */
function packConditions(list: readonly PodCondition[], numbers: Float64Array, at: number): boolean {
  if (list.length > MAX_PACKED_CONDITIONS) return false;
  for (const c of list) if (c.reason !== undefined || c.message !== undefined || !CONDITION_TYPES.includes(c.type)) return false;
  numbers[at] = list.length;
  for (let j = 0; j < list.length; j++) {
    numbers[at + 1 + 2 * j] = CONDITION_TYPES.indexOf(list[j].type) * 2 + (list[j].status === 'True' ? 1 : 0);
    numbers[at + 2 + 2 * j] = list[j].lastTransitionMs;
  }
  return true;
}

export function packWorld(world: World): PackedWorld {
  // A restored world must hold every CPU addition made so far, owed ones too.
  settleCpu(world);
  const seen = new Map<object, unknown>();
  const rest = cloneDataSharing({ ...world, pods: new Map(), ownerIndex: new Map() }, seen);
  const index = new Map<Pod, number>();
  const pods = packPods(world.pods, seen, index);
  const keys: string[] = [];
  const offsets = new Int32Array(world.ownerIndex.size + 1);
  let total = 0;
  for (const owned of world.ownerIndex.values()) total += owned.size;
  const members = new Int32Array(total);
  let k = 0;
  let m = 0;
  for (const [key, owned] of world.ownerIndex) {
    keys.push(key);
    offsets[k++] = m;
    for (const [name, pod] of owned) {
      const i = index.get(pod);
      // The index holds the very pods of world.pods under their own names; anything else would not
      // survive the round trip, so it is refused rather than restored differently.
      if (i === undefined || name !== pod.name) throw new Error(`packWorld: ownerIndex ${key} holds ${name}, which is not a pod of the world`);
      members[m++] = i;
    }
  }
  offsets[k] = m;
  return { rest, pods, owners: { keys, members, offsets } };
}

function packPods(live: Map<string, Pod>, seen: Map<object, unknown>, index: Map<Pod, number>): PackedPods {
  const count = live.size;
  const strings = new Array<unknown>(count * STRINGS_PER_POD);
  const numbers = new Float64Array(count * NUMBERS_PER_POD);
  const objects = new Array<unknown>(count * OBJECTS_PER_POD);
  const conditions: unknown[] = [];
  let i = 0;
  for (const [name, p] of live) {
    if (name !== p.name) throw new Error(`packWorld: pod ${p.name} is kept under the name ${name}`);
    index.set(p, i);
    let s = i * STRINGS_PER_POD;
    strings[s++] = p.name;
    strings[s++] = p.namespace;
    strings[s++] = p.ownerKind;
    strings[s++] = p.ownerName;
    strings[s++] = p.deployment;
    strings[s++] = p.nodeName;
    strings[s++] = p.ip;
    strings[s++] = p.state;
    strings[s++] = p.readyConditionStatus;
    strings[s++] = p.lastTerminationReason;
    strings[s] = p.unschedulableMessage;
    let n = i * NUMBERS_PER_POD;
    numbers[n++] = p.uid;
    numbers[n++] = p.readyConditionSinceMs;
    numbers[n++] = p.epoch;
    numbers[n++] = p.createdMs;
    numbers[n++] = p.scheduledMs;
    numbers[n++] = p.startedMs;
    numbers[n++] = p.readySinceMs;
    numbers[n++] = p.deletionMs;
    numbers[n++] = p.restarts;
    numbers[n++] = p.cpuSlot;
    numbers[n++] = p.memoryMiB;
    const m = p.metric;
    numbers[n++] = m === null ? 0 : 1;
    if (m !== null) {
      numbers[n++] = m.cpuMillis;
      numbers[n++] = m.memoryMiB;
      numbers[n++] = m.timestampMs;
      numbers[n] = m.windowMs;
    }
    let o = i * OBJECTS_PER_POD;
    objects[o++] = cloneDataSharing(p.spec, seen);
    objects[o++] = cloneDataSharing(p.request, seen);
    objects[o++] = cloneDataSharing(p.limit, seen);
    objects[o] = cloneDataSharing(p.labels, seen);
    if (!packConditions(p.conditions, numbers, i * NUMBERS_PER_POD + CONDITIONS_AT)) {
      numbers[i * NUMBERS_PER_POD + CONDITIONS_AT] = -1;
      conditions.push(p.conditions.length);
      for (const c of p.conditions) conditions.push(c.type, c.status, c.reason, c.message, c.lastTransitionMs);
    }
    i++;
  }
  return { count, strings, numbers, objects, conditions };
}

/** A live world from a checkpoint; the checkpoint stays as it was and can be restored again. */
export function unpackWorld(packed: PackedWorld): World {
  const seen = new Map<object, unknown>();
  const world = cloneDataSharing(packed.rest, seen);
  const list = unpackPods(packed.pods.deflated ? inflatePods(packed.pods, packed.pods.deflated) : packed.pods, seen);
  for (const pod of list) world.pods.set(pod.name, pod);
  const { keys, members, offsets } = packed.owners;
  for (let k = 0; k < keys.length; k++) {
    const owned = new Map<string, Pod>();
    for (let m = offsets[k]; m < offsets[k + 1]; m++) owned.set(list[members[m]].name, list[members[m]]);
    world.ownerIndex.set(keys[k], owned);
  }
  return world;
}

/** The pods in the order they were packed (the pods map's order; owner indices point into it). */
function unpackPods(packed: PackedPods, seen: Map<object, unknown>): Pod[] {
  const { count, strings, numbers, objects, conditions } = packed;
  const out: Pod[] = [];
  let c = 0;
  for (let i = 0; i < count; i++) {
    const s = i * STRINGS_PER_POD;
    const n = i * NUMBERS_PER_POD;
    const o = i * OBJECTS_PER_POD;
    const podConditions: PodCondition[] = [];
    const packedCount = numbers[n + CONDITIONS_AT];
    if (packedCount >= 0) {
      for (let j = 0; j < packedCount; j++) {
        const code = numbers[n + CONDITIONS_AT + 1 + 2 * j];
        podConditions.push({
          type: CONDITION_TYPES[code >> 1],
          status: (code & 1) === 1 ? 'True' : 'False',
          reason: undefined,
          message: undefined,
          lastTransitionMs: numbers[n + CONDITIONS_AT + 2 + 2 * j],
        });
      }
    } else {
      const conditionCount = conditions[c++] as number;
      for (let j = 0; j < conditionCount; j++, c += 5) {
        podConditions.push({
          type: conditions[c] as PodCondition['type'],
          status: conditions[c + 1] as PodCondition['status'],
          reason: conditions[c + 2] as string | undefined,
          message: conditions[c + 3] as string | undefined,
          lastTransitionMs: conditions[c + 4] as number,
        });
      }
    }
    // The same keys in the same order as createPod's literal, so restored pods share fresh pods'
    // hidden class and the per-pod loops stay monomorphic after a seek.
    const pod: Pod = {
      uid: numbers[n],
      name: strings[s] as string,
      namespace: strings[s + 1] as string,
      ownerKind: strings[s + 2] as Pod['ownerKind'],
      ownerName: strings[s + 3] as string,
      deployment: strings[s + 4] as string,
      spec: cloneDataSharing(objects[o], seen) as Pod['spec'],
      request: cloneDataSharing(objects[o + 1], seen) as Pod['request'],
      limit: cloneDataSharing(objects[o + 2], seen) as Pod['limit'],
      nodeName: strings[s + 5] as string,
      ip: strings[s + 6] as string,
      state: strings[s + 7] as Pod['state'],
      readyConditionStatus: strings[s + 8] as Pod['readyConditionStatus'],
      readyConditionSinceMs: numbers[n + 1],
      epoch: numbers[n + 2],
      createdMs: numbers[n + 3],
      scheduledMs: numbers[n + 4],
      startedMs: numbers[n + 5],
      readySinceMs: numbers[n + 6],
      deletionMs: numbers[n + 7],
      restarts: numbers[n + 8],
      lastTerminationReason: strings[s + 9] as string,
      conditions: podConditions,
      unschedulableMessage: strings[s + 10] as string,
      cpuSlot: numbers[n + 9],
      metric: numbers[n + 11] === 0 ? null : { cpuMillis: numbers[n + 12], memoryMiB: numbers[n + 13], timestampMs: numbers[n + 14], windowMs: numbers[n + 15] },
      memoryMiB: numbers[n + 10],
      labels: cloneDataSharing(objects[o + 3], seen) as Pod['labels'],
    };
    out.push(pod);
  }
  return out;
}

/**
 * Deflate a checkpoint's pod columns in place, for checkpoints kept long. At 6,600 pods the
 * numbers take 1.4 MB and deflate to ~50 KB (times, counters and repeated values); the string
 * slots (73,000 of them, 12,000 distinct) and object slots (26,000, a few hundred distinct) become
 * tables of the distinct values and deflated indices. Restoring then costs an inflate of a few
 * milliseconds.
 */
export function deflatePods(packed: PackedWorld): void {
  const pods = packed.pods;
  if (pods.deflated) return;
  const strings = tabled(pods.strings);
  const objects = tabled(pods.objects);
  pods.deflated = { numbers: deflateBytes(pods.numbers), strings, objects };
  pods.numbers = new Float64Array(0);
  pods.strings = [];
  pods.objects = [];
}

interface Tabled {
  table: unknown[];
  /** Each slot's index into `table`, as deflated Uint32 bytes. */
  refs: Uint8Array;
}

function tabled(values: readonly unknown[]): Tabled {
  const table: unknown[] = [];
  const indexOf = new Map<unknown, number>();
  const refs = new Uint32Array(values.length);
  for (let i = 0; i < refs.length; i++) {
    let k = indexOf.get(values[i]);
    if (k === undefined) indexOf.set(values[i], (k = table.push(values[i]) - 1));
    refs[i] = k;
  }
  return { table, refs: deflateBytes(refs) };
}

function untabled({ table, refs }: Tabled, length: number): unknown[] {
  const at = new Uint32Array(length);
  inflateSync(refs, { out: new Uint8Array(at.buffer) });
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) out[i] = table[at[i]];
  return out;
}

function deflateBytes(a: Float64Array | Uint32Array): Uint8Array {
  return deflateSync(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), { level: 3 });
}

function inflatePods(pods: PackedPods, deflated: NonNullable<PackedPods['deflated']>): PackedPods {
  const numbers = new Float64Array(pods.count * NUMBERS_PER_POD);
  inflateSync(deflated.numbers, { out: new Uint8Array(numbers.buffer) });
  const strings = untabled(deflated.strings, pods.count * STRINGS_PER_POD);
  const objects = untabled(deflated.objects, pods.count * OBJECTS_PER_POD);
  return { ...pods, numbers, strings, objects, deflated: undefined };
}
