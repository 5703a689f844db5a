import type { Deployment, Node, Pod, PodMetric, World } from '../core/types';
import type { GridPod, GridSlice } from './gridSlice';

/**
 * A grid slice as it crosses from the worker to the page: the pods in columns. A structured clone
 * copies every string of every object: the same node name, namespace, owner and state 30,000 times,
 * each read back into a new string on the page (94 ms at 32,000 pods, session 18). Here each of
 * those is an index into one table of distinct strings, the numbers are typed arrays (copied in one
 * block), and pods sharing a label set share one object. Only the pod names stay one string each.
 */
export interface GridSliceWire {
  timeMs: number;
  nodes: ReadonlyMap<string, Node>;
  deployments: ReadonlyMap<string, Deployment>;
  /** Pod names, in the world's order. */
  names: string[];
  /** Distinct strings the columns point into. */
  strings: string[];
  /** Per pod, FIELDS indices into `strings`. */
  text: Int32Array;
  /** Per pod, 1 when it has a metric, and the metric's four numbers. */
  hasMetric: Uint8Array;
  metric: Float64Array;
  /** Distinct label sets, and each pod's. */
  labelSets: Record<string, string>[];
  labelsOf: Int32Array;
}

const TEXT_FIELDS = ['namespace', 'ownerKind', 'ownerName', 'deployment', 'nodeName', 'state'] as const;
const FIELDS = TEXT_FIELDS.length;

/** The grid slice of a world, encoded for postMessage (worker side). */
export function encodeGridSlice(world: World): GridSliceWire {
  const count = world.pods.size;
  const names: string[] = new Array<string>(count);
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const text = new Int32Array(count * FIELDS);
  const hasMetric = new Uint8Array(count);
  const metric = new Float64Array(count * 4);
  const labelSets: Record<string, string>[] = [];
  const labelIndex = new Map<string, number>();
  const labelsOf = new Int32Array(count);
  const intern = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  let at = 0;
  for (const p of world.pods.values()) {
    names[at] = p.name;
    for (let f = 0; f < FIELDS; f++) text[at * FIELDS + f] = intern(p[TEXT_FIELDS[f]]);
    const m = p.metric;
    if (m !== null) {
      hasMetric[at] = 1;
      metric[at * 4] = m.cpuMillis;
      metric[at * 4 + 1] = m.memoryMiB;
      metric[at * 4 + 2] = m.timestampMs;
      metric[at * 4 + 3] = m.windowMs;
    }
    const key = JSON.stringify(p.labels);
    let l = labelIndex.get(key);
    if (l === undefined) {
      l = labelSets.length;
      labelSets.push(p.labels);
      labelIndex.set(key, l);
    }
    labelsOf[at] = l;
    at++;
  }
  return { timeMs: world.timeMs, nodes: world.nodes, deployments: world.deployments, names, strings, text, hasMetric, metric, labelSets, labelsOf };
}

/** The grid slice a wire message holds (page side). */
export function decodeGridSlice(wire: GridSliceWire): GridSlice {
  const { names, strings, text, hasMetric, metric, labelSets, labelsOf } = wire;
  const pods = new Map<string, GridPod>();
  for (let at = 0; at < names.length; at++) {
    const t = at * FIELDS;
    const m: PodMetric | null =
      hasMetric[at] === 1 ? { cpuMillis: metric[at * 4], memoryMiB: metric[at * 4 + 1], timestampMs: metric[at * 4 + 2], windowMs: metric[at * 4 + 3] } : null;
    pods.set(names[at], {
      name: names[at],
      namespace: strings[text[t]],
      ownerKind: strings[text[t + 1]] as Pod['ownerKind'],
      ownerName: strings[text[t + 2]],
      deployment: strings[text[t + 3]],
      nodeName: strings[text[t + 4]],
      state: strings[text[t + 5]] as Pod['state'],
      metric: m,
      labels: labelSets[labelsOf[at]],
    });
  }
  return { timeMs: wire.timeMs, nodes: wire.nodes, pods, deployments: wire.deployments };
}
