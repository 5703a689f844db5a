/**
 * A checkpoint's KRR head, packed exactly. A checkpoint shares the live head's frozen frames while
 * their 2-hour window is open; once the live history compacts that window into a block, the
 * checkpoint is the frames' only holder: ~2.5 MB at 6,600 pods, which is a quarter of what an
 * old checkpoint costs. Packed, they take a few hundred KB, because a pod's samples change little
 * from one 75-s step to the next.
 *
 * Unlike a block (krrBlocks.ts), this keeps each frame as it was: its pods list (one frozen object
 * for consecutive frames over the same pods, as krrHistory shares them), each pod at its position,
 * the same column types. A restored world holds the same data its replay from the start would, so
 * checkpoint and seek tests can compare them whole.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { World } from '../../core/types';
import { packRing, unpackRing, type PackedRing } from '../../core/checkpointRings';
import { krrHistoryIn, type KrrFrame, type KrrFramePods } from './krrHistory';
import { ByteReader, ByteWriter } from './varint';

export interface PackedKrrFrames {
  t: Float64Array;
  /** The distinct pods objects, in order of first use, packed (a pod per record). */
  lists: PackedRing[];
  /** Each frame's pods object, as an index into `lists`. */
  listOf: Uint32Array;
  /** The varint bytes' length, and the bytes deflated. */
  dataLength: number;
  /**
   * Per run of consecutive frames over one pods object, position by position: runs of frames with
   * equal samples, as varint(extra frames in the run), zigzag(cpu − previous), zigzag(mem − previous).
   */
  data: Uint8Array;
}

interface ListPod {
  name: string;
  namespace: string;
  workload: string;
}
const LIST_FIELDS = [{ key: 'name' }, { key: 'namespace' }, { key: 'workload' }] as const;

/**
 * Each pods object packed once: the checkpoints of one 2-hour window hold the same lists (a list
 * lasts until the pods change), and packing 6,600 names costs more than the rest of a head.
 */
const packedLists = new WeakMap<KrrFramePods, PackedRing | null>();

function packList(pods: KrrFramePods): PackedRing | null {
  let packed = packedLists.get(pods);
  if (packed === undefined) {
    const { names, namespaces, workloads } = pods;
    packed = packRing<ListPod>(names.map((name, i) => ({ name, namespace: namespaces[i], workload: workloads[i] })), LIST_FIELDS) ?? null;
    packedLists.set(pods, packed);
  }
  return packed;
}

/**
 * Undefined when a frame holds a Float64 column (values beyond int32), or a pod list cannot be
 * packed exactly: such heads stay as they are.
 */
export function packKrrFrames(frames: readonly KrrFrame[]): PackedKrrFrames | undefined {
  if (!frames.every((f) => f.cpu instanceof Int32Array && f.mem instanceof Int32Array)) return undefined;
  const index = new Map<KrrFramePods, number>();
  const lists: PackedRing[] = [];
  const listOf = new Uint32Array(frames.length);
  for (let f = 0; f < frames.length; f++) {
    let li = index.get(frames[f].pods);
    if (li === undefined) {
      const list = packList(frames[f].pods);
      if (!list) return undefined;
      index.set(frames[f].pods, (li = lists.push(list) - 1));
    }
    listOf[f] = li;
  }
  const out = new ByteWriter();
  forEachRun(frames, (from, to, n) => {
    for (let i = 0; i < n; i++) {
      let prevCpu = 0;
      let prevMem = 0;
      let fi = from;
      while (fi < to) {
        const cpu = frames[fi].cpu[i];
        const mem = frames[fi].mem[i];
        let last = fi;
        while (last + 1 < to && frames[last + 1].cpu[i] === cpu && frames[last + 1].mem[i] === mem) last++;
        out.varint(last - fi);
        out.zigzag(cpu - prevCpu);
        out.zigzag(mem - prevMem);
        prevCpu = cpu;
        prevMem = mem;
        fi = last + 1;
      }
    }
  });
  const data = out.bytes();
  return Object.freeze({ t: Float64Array.from(frames, (f) => f.t), lists, listOf, dataLength: data.length, data: deflateSync(data, { level: 1 }) });
}

function unpackList(packed: PackedRing): KrrFramePods {
  const pods = unpackRing<ListPod>(packed, LIST_FIELDS);
  return Object.freeze({
    names: Object.freeze(pods.map((p) => p.name)),
    namespaces: Object.freeze(pods.map((p) => p.namespace)),
    workloads: Object.freeze(pods.map((p) => p.workload)),
  });
}

/** The frames again: frozen, with int32 columns, in the shape krrHistory writes them. */
export function unpackKrrFrames(packed: PackedKrrFrames): KrrFrame[] {
  const frameCount = packed.t.length;
  const lists = packed.lists.map(unpackList);
  const pods = Array.from(packed.listOf, (li) => lists[li]);
  const cpu: Int32Array[] = [];
  const mem: Int32Array[] = [];
  for (let f = 0; f < frameCount; f++) {
    cpu.push(new Int32Array(pods[f].names.length));
    mem.push(new Int32Array(pods[f].names.length));
  }
  const read = new ByteReader(inflateSync(packed.data, { out: new Uint8Array(packed.dataLength) }));
  forEachRun(pods.map((p) => ({ pods: p })), (from, to, n) => {
    for (let i = 0; i < n; i++) {
      let c = 0;
      let m = 0;
      let fi = from;
      while (fi < to) {
        const extra = read.varint();
        c += read.zigzag();
        m += read.zigzag();
        for (let r = 0; r <= extra; r++) {
          cpu[fi + r][i] = c;
          mem[fi + r][i] = m;
        }
        fi += extra + 1;
      }
    }
  });
  const frames: KrrFrame[] = [];
  for (let f = 0; f < frameCount; f++) frames.push(Object.freeze({ t: packed.t[f], pods: pods[f], cpu: cpu[f], mem: mem[f] }));
  return frames;
}

/** Visit each run [from, to) of consecutive frames over one pods object, with its pod count. */
function forEachRun(frames: readonly { pods: KrrFramePods }[], visit: (from: number, to: number, pods: number) => void): void {
  let from = 0;
  while (from < frames.length) {
    let to = from + 1;
    while (to < frames.length && frames[to].pods === frames[from].pods) to++;
    visit(from, to, frames[from].pods.names.length);
    from = to;
  }
}

/**
 * Pack a checkpoint's KRR head once the live world no longer shares it (its window was compacted,
 * or the live world was rebuilt by a seek), emptying the checkpoint's own list. Undefined while it
 * is shared or empty (ask again later); null when it cannot be packed exactly (leave it as it is).
 */
export function packUnsharedKrrHead(checkpoint: World, live: World): PackedKrrFrames | null | undefined {
  const held = krrHistoryIn(checkpoint);
  if (!held || held.frames.length === 0 || krrHistoryIn(live)?.frames[0] === held.frames[0]) return undefined;
  const packed = packKrrFrames(held.frames);
  if (!packed) return null;
  held.frames = [];
  return packed;
}

/** Put a packed head back into a world restored from the checkpoint that held it. */
export function restoreKrrHead(world: World, packed: PackedKrrFrames): void {
  const history = krrHistoryIn(world);
  if (history) history.frames = unpackKrrFrames(packed);
}
