/**
 * Compacted KRR history, the way Prometheus stores what KRR queries: the newest samples live in a
 * "head" (here: the per-step frames of krrHistory.ts) and every closed 2-hour window is compacted
 * into an immutable block (Prometheus: `--storage.tsdb.min-block-duration=2h`, blocks aligned to
 * 2-hour boundaries) whose series are stored compressed (Prometheus delta-encodes timestamps and
 * XOR-encodes values in its chunks; here each pod's samples are delta- and run-length-encoded as
 * varints). KRR's window is 14 days, so within a day nothing falls out of it: without compaction a
 * 5,000-pod cluster added ~2.5 MB of int32 columns (plus the pods' name lists) every simulated hour.
 * Compacted, a pod whose usage holds steady costs a few bytes per run of equal samples.
 *
 * Lossless: decoding a block gives back exactly the samples its frames held (same times, same
 * integer thousandths, same pods in the same first-seen order), so KRR's report does not change.
 * Frames holding values that are not exact small integers (a Float64 column with NaN, ±Infinity or
 * beyond 2^50) are kept as they were, inside the block, instead of being encoded.
 */
import { ByteReader, ByteWriter } from './varint';

/** Same shape as krrHistory's KrrFrame (kept here so the two modules do not import each other). */
export interface KrrBlockFrame {
  t: number;
  pods: { names: readonly string[]; namespaces: readonly string[]; workloads: readonly string[] };
  cpu: Int32Array | Float64Array;
  mem: Int32Array | Float64Array;
}

export interface KrrEncodedBlock {
  /** Frame times (sim seconds), oldest first. */
  t: Float64Array;
  /** Pods in the order first seen in the block's frames (by frame, then position). */
  names: readonly string[];
  namespaces: readonly string[];
  workloads: readonly string[];
  /** Pod i's runs are data[offsets[i] .. offsets[i + 1]). */
  offsets: Uint32Array;
  /**
   * Per pod, runs of equal samples in consecutive frames: varint(frames skipped before the run),
   * varint(extra frames in the run), zigzag varint(cpu − previous cpu), zigzag varint(mem − previous mem).
   */
  data: Uint8Array;
}

/** A closed 2-hour window of history; frozen once built, so checkpoints share it (cloneData). */
export type KrrBlock = KrrEncodedBlock | { frames: readonly KrrBlockFrame[] };

/** Prometheus' head block span and block range. */
export const KRR_BLOCK_SECONDS = 2 * 3600;

const MAX_EXACT = 2 ** 50;

function exact(col: Int32Array | Float64Array): boolean {
  if (col instanceof Int32Array) return true;
  for (const v of col) if (!Number.isSafeInteger(v) || Math.abs(v) > MAX_EXACT) return false;
  return true;
}

/** Compact frames (oldest first) into one block. */
export function buildKrrBlock(frames: readonly KrrBlockFrame[]): KrrBlock {
  if (!frames.every((f) => exact(f.cpu) && exact(f.mem))) return Object.freeze({ frames: Object.freeze(frames.slice()) });
  // Every pod of the window in first-seen order, and per distinct pod list (consecutive frames over
  // the same pods share one) where each of them sits in it (-1: absent).
  const index = new Map<string, number>();
  const names: string[] = [];
  const namespaces: string[] = [];
  const workloads: string[] = [];
  const lists = new Map<KrrBlockFrame['pods'], number>();
  const listOf = new Int32Array(frames.length);
  for (let fi = 0; fi < frames.length; fi++) {
    const pods = frames[fi].pods;
    let li = lists.get(pods);
    if (li === undefined) {
      lists.set(pods, (li = lists.size));
      for (let i = 0; i < pods.names.length; i++) {
        if (index.has(pods.names[i])) continue;
        index.set(pods.names[i], names.length);
        names.push(pods.names[i]);
        namespaces.push(pods.namespaces[i]);
        workloads.push(pods.workloads[i]);
      }
    }
    listOf[fi] = li;
  }
  const P = names.length;
  const where = new Int32Array(lists.size * P).fill(-1);
  for (const [pods, li] of lists) for (let i = 0; i < pods.names.length; i++) where[li * P + index.get(pods.names[i])!] = i;
  const out = new ByteWriter();
  const offsets = new Uint32Array(P + 1);
  for (let p = 0; p < P; p++) {
    let prevFrame = -1;
    let prevCpu = 0;
    let prevMem = 0;
    let fi = 0;
    while (fi < frames.length) {
      const i = where[listOf[fi] * P + p];
      if (i < 0) {
        fi++;
        continue;
      }
      const cpu = frames[fi].cpu[i];
      const mem = frames[fi].mem[i];
      // The run: following frames that hold this pod with the same values.
      let last = fi;
      for (;;) {
        const next = last + 1;
        if (next >= frames.length) break;
        const j = where[listOf[next] * P + p];
        if (j < 0 || frames[next].cpu[j] !== cpu || frames[next].mem[j] !== mem) break;
        last = next;
      }
      out.varint(fi - prevFrame - 1);
      out.varint(last - fi);
      out.zigzag(cpu - prevCpu);
      out.zigzag(mem - prevMem);
      prevFrame = last;
      prevCpu = cpu;
      prevMem = mem;
      fi = last + 1;
    }
    offsets[p + 1] = out.n;
  }
  return Object.freeze({
    t: Float64Array.from(frames, (f) => f.t),
    names: Object.freeze(names),
    namespaces: Object.freeze(namespaces),
    workloads: Object.freeze(workloads),
    offsets,
    data: out.bytes(),
  });
}

/** Visit a block's samples pod by pod (first-seen order), each pod's in time order; values in thousandths. */
export function forEachBlockSeries(
  block: KrrBlock,
  visit: (name: string, namespace: string, workload: string, t: number[], cpu: number[], mem: number[]) => void,
): void {
  if ('frames' in block) {
    const byPod = new Map<string, { ns: string; wl: string; t: number[]; cpu: number[]; mem: number[] }>();
    for (const f of block.frames) {
      const { names, namespaces, workloads } = f.pods;
      for (let i = 0; i < names.length; i++) {
        let s = byPod.get(names[i]);
        if (!s) byPod.set(names[i], (s = { ns: namespaces[i], wl: workloads[i], t: [], cpu: [], mem: [] }));
        s.t.push(f.t);
        s.cpu.push(f.cpu[i]);
        s.mem.push(f.mem[i]);
      }
    }
    for (const [name, s] of byPod) visit(name, s.ns, s.wl, s.t, s.cpu, s.mem);
    return;
  }
  const { data, offsets, t: times } = block;
  const read = new ByteReader(data);
  for (let p = 0; p < block.names.length; p++) {
    read.at = offsets[p];
    const t: number[] = [];
    const cpu: number[] = [];
    const mem: number[] = [];
    let frame = -1;
    let c = 0;
    let m = 0;
    while (read.at < offsets[p + 1]) {
      frame += read.varint() + 1;
      const extra = read.varint();
      c += read.zigzag();
      m += read.zigzag();
      for (let r = 0; r <= extra; r++) {
        t.push(times[frame + r]);
        cpu.push(c);
        mem.push(m);
      }
      frame += extra;
    }
    visit(block.names[p], block.namespaces[p], block.workloads[p], t, cpu, mem);
  }
}

/** The block's samples as frames again (for trimming a block the window's edge cuts through). */
export function blockFrames(block: KrrBlock): KrrBlockFrame[] {
  if ('frames' in block) return block.frames.slice();
  const n = block.t.length;
  const rows: { name: string; ns: string; wl: string; cpu: number; mem: number }[][] = Array.from({ length: n }, () => []);
  // Within a rebuilt frame pods follow the block's first-seen order, not the original positions:
  // only the series' Map order can differ, and KRR's report sorts workloads and pods by name.
  forEachBlockSeries(block, (name, ns, wl, t, cpu, mem) => {
    let fi = 0;
    for (let k = 0; k < t.length; k++) {
      while (block.t[fi] !== t[k]) fi++;
      rows[fi].push({ name, ns, wl, cpu: cpu[k], mem: mem[k] });
    }
  });
  return rows.map((r, fi) => ({
    t: block.t[fi],
    pods: { names: r.map((x) => x.name), namespaces: r.map((x) => x.ns), workloads: r.map((x) => x.wl) },
    cpu: Float64Array.from(r, (x) => x.cpu),
    mem: Float64Array.from(r, (x) => x.mem),
  }));
}

export function blockEnd(block: KrrBlock): number {
  return 'frames' in block ? block.frames[block.frames.length - 1].t : block.t[block.t.length - 1];
}

export function blockBytes(block: KrrBlock): number {
  if ('frames' in block) return block.frames.reduce((a, f) => a + f.cpu.byteLength + f.mem.byteLength + f.pods.names.length * 24, 0);
  return block.data.byteLength + block.offsets.byteLength + block.t.byteLength + block.names.length * 24;
}
