import type { CaPod } from './types';

/** The bound pods grouped by node, and a generation that changes whenever the list of pod views does. */
export interface PodsOnNodes {
  byNode: ReadonlyMap<string, readonly CaPod[]>;
  generation: number;
}

/** A node's list of the last grouping, and how far this grouping's pods have matched it. */
interface NodeEntry {
  node: string;
  list: CaPod[];
  /** The first `matched` pods of `list` are this grouping's so far, in order. */
  matched: number;
  /** This grouping's list, once a pod differs from `list` at `matched`. */
  fresh: CaPod[] | undefined;
  /** The grouping that last saw a pod on the node. */
  seenIn: number;
}

const NO_PODS: CaPod[] = [];

export function samePods(a: readonly CaPod[], b: readonly CaPod[]): boolean {
  // worldView.boundCaPodsOf hands back the very same list while no pod changed.
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}


/**
 * The last grouping, refilled by the next: the world keeps pod order, so a node whose pods are the
 * same sees them in the same order, and its list is matched pod by pod and kept (read only), where
 * a fresh grouping allocated ~200 lists per rebuild to throw three quarters away after comparing
 * them with the last ones. The same views (worldView.boundCaPods keeps a view while its pod is
 * unchanged) give the very same grouping.
 */
let last: { pods: readonly CaPod[]; result: PodsOnNodes; entries: Map<string, NodeEntry>; entryAt: (NodeEntry | undefined)[] } | undefined;
let groupings = 0;
/** The entry list before the last, refilled by the next grouping. */
let spareEntryAt: (NodeEntry | undefined)[] = [];

/** How far ahead in the last list a pod is looked for: pods leave the list a few at a time. */
const LOOKAHEAD = 8;

export function podsOnNodes(pods: readonly CaPod[]): PodsOnNodes {
  if (last !== undefined && samePods(last.pods, pods)) {
    last.pods = pods;
    return last.result;
  }
  const entries = last?.entries ?? new Map<string, NodeEntry>();
  const grouping = ++groupings;
  // The nodes in the order their first pod comes, as a fresh grouping would insert them.
  const order: NodeEntry[] = [];
  // The last list is walked alongside (the world keeps pod order): a view found there is on the
  // node it was on (views never change), so its entry is the one it had, without reading the view
  // or looking its node up by name (a medium-ca hour's groupings replayed: ~4.2 -> ~2.4 ms).
  const prevPods = last?.pods ?? NO_PODS;
  const prevAt = last?.entryAt ?? [];
  const entryAt = spareEntryAt;
  let j = 0;
  for (let i = 0; i < pods.length; i++) {
    const p = pods[i];
    let e: NodeEntry | undefined;
    for (let k = j; k < prevPods.length && k <= j + LOOKAHEAD; k++) {
      if (prevPods[k] === p) {
        e = prevAt[k];
        j = k + 1;
        break;
      }
    }
    if (e === undefined) {
      const name = p.nodeName;
      if (!name) {
        entryAt[i] = undefined;
        continue;
      }
      e = entries.get(name);
      if (e === undefined) {
        e = { node: name, list: NO_PODS, matched: 0, fresh: undefined, seenIn: 0 };
        entries.set(name, e);
      }
    }
    entryAt[i] = e;
    if (e.seenIn !== grouping) {
      e.seenIn = grouping;
      e.matched = 0;
      e.fresh = undefined;
      order.push(e);
    }
    if (e.fresh === undefined) {
      if (e.matched < e.list.length && e.list[e.matched] === p) {
        e.matched++;
        continue;
      }
      e.fresh = e.list.slice(0, e.matched);
    }
    e.fresh.push(p);
  }
  const byNode = new Map<string, CaPod[]>();
  for (let i = 0; i < order.length; i++) {
    const e = order[i];
    if (e.fresh !== undefined) e.list = e.fresh;
    else if (e.matched < e.list.length) e.list = e.list.slice(0, e.matched);
    e.fresh = undefined;
    byNode.set(e.node, e.list);
  }
  // A node with no pod left starts afresh if one comes back.
  if (entries.size > order.length) for (const [name, e] of entries) if (e.seenIn !== grouping) entries.delete(name);
  entryAt.length = pods.length;
  spareEntryAt = last?.entryAt ?? [];
  last = { pods, result: { byNode, generation: grouping }, entries, entryAt };
  return last.result;
}
