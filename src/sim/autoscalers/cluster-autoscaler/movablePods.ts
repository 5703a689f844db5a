import { needsClusterState } from '../../cluster/scheduling/filter';
import { drainBlocker, type DrainOptions } from './eligibility';
import { sameNodeLocalRules } from './fit';
import type { CaPod } from './types';

/**
 * What the removal simulation reads of a candidate's movable pods before it places them, which
 * depends on the pods alone (and two drain flags), not on where they would go.
 */
export interface MovablePods {
  /** The first drain blocker among the pods, in order (drainBlocker). */
  blocker: string | undefined;
  /** "namespace/name" of each pod, for the destinations. */
  keys: string[];
  /** needsClusterState of each pod. */
  clusterWide: boolean[];
  /** sameNodeLocalRules(pod before, pod): a pod that cannot fit before where the one before it went. */
  sameRulesAsPrevious: boolean[];
}

interface Prepared extends MovablePods {
  skipNodesWithLocalStorage: boolean;
  skipNodesWithSystemPods: boolean;
}

function prepare(movable: readonly CaPod[], o: DrainOptions): Prepared {
  let blocker: string | undefined;
  for (const p of movable) {
    blocker = drainBlocker(p, o);
    if (blocker) break;
  }
  return {
    blocker,
    keys: movable.map((p) => `${p.namespace}/${p.name}`),
    clusterWide: movable.map(needsClusterState),
    sameRulesAsPrevious: movable.map((p, i) => i > 0 && sameNodeLocalRules(movable[i - 1], p)),
    skipNodesWithLocalStorage: o.skipNodesWithLocalStorage,
    skipNodesWithSystemPods: o.skipNodesWithSystemPods,
  };
}

/**
 * The last preparation of each movable list. A candidate's list comes from its eligibility verdict
 * (nodeEligibility.ts keeps the verdict, and so the very list, while the node's pod views are the
 * same) and pod views never change (worldView.ts), so the same list and flags give the same answer:
 * when one pod changes, the simulation runs again over ~120 candidates, and all but one or two lists
 * are the ones it prepared last time. Reading every pod again (drain rules, keys) was about a quarter of
 * the simulation in the scale-down window of medium-all.
 */
const prepared = new WeakMap<readonly CaPod[], Prepared>();
let verifyReuse = false;

/** How many preparations were computed and how many reused (for tests). */
export const movablePodsCounts = { prepared: 0, reused: 0 };

/** Tests turn this on: every reused preparation is compared with a fresh one. */
export function verifyMovableReuse(on: boolean): void {
  verifyReuse = on;
}

function same(a: MovablePods, b: MovablePods): boolean {
  return (
    a.blocker === b.blocker &&
    a.keys.length === b.keys.length &&
    a.keys.every((k, i) => k === b.keys[i] && a.clusterWide[i] === b.clusterWide[i] && a.sameRulesAsPrevious[i] === b.sameRulesAsPrevious[i])
  );
}

export function movablePods(movable: readonly CaPod[], o: DrainOptions): MovablePods {
  const p = prepared.get(movable);
  if (p !== undefined && p.skipNodesWithLocalStorage === o.skipNodesWithLocalStorage && p.skipNodesWithSystemPods === o.skipNodesWithSystemPods) {
    if (verifyReuse && !same(p, prepare(movable, o))) {
      throw new Error('movable pods reused, but they differ from a fresh preparation: a pod view changed in place');
    }
    movablePodsCounts.reused += 1;
    return p;
  }
  movablePodsCounts.prepared += 1;
  const fresh = prepare(movable, o);
  prepared.set(movable, fresh);
  return fresh;
}
