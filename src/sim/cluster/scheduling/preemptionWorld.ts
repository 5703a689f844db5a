import { nextInt } from '../../core/rng';
import { deterministicUuid } from '../../core/deterministicId';
import type { Node, Pod, World } from '../../core/types';
import { emitEvent } from '../../core/world';
import { sendPod } from '../../lifecycle/apply';
import { listPdbs, pdbStatus } from '../disruption/pdb';
import { setCondition } from '../pods';
import { noteAnyPodChanged } from '../podChanges';
import { withPod, type FilterStatus, type PreFilterState, type SchedNode, type SchedPod } from './filter';
import { numCandidates, pickOneNodeForPreemption, selectVictimsOnNode, type Candidate, type PreemptionPdb, type PreemptionPod } from './preemption';
import { podsOnNode, schedPodOf } from './worldView';

/**
 * DefaultPreemption on the engine's world: which pods are eligible, the dry run over the nodes the
 * filters did not rule out, and the preparation of the chosen candidate (victims deleted
 * gracefully with a Preempted event and a DisruptionTarget condition, lower-priority pods
 * nominated there un-nominated, the preemptor's status.nominatedNodeName set). The pod itself
 * schedules in a later cycle, once the victims are gone.
 */

export const PREEMPTION_BY_SCHEDULER = 'PreemptionByScheduler';

/** Pending pods waiting on a node, by node name (the scheduling queue's nominator). */
export function nominatedPods(world: World): Map<string, Pod[]> {
  const out = new Map<string, Pod[]>();
  for (const name of world.pendingPods) {
    const p = world.pods.get(name);
    if (!p || p.state !== 'Pending' || p.nodeName !== '' || !p.nominatedNodeName) continue;
    let list = out.get(p.nominatedNodeName);
    if (!list) out.set(p.nominatedNodeName, (list = []));
    list.push(p);
  }
  return out;
}

/**
 * RunFilterPluginsWithNominatedPods, the simple way: the node as the pod sees it, with the pods of
 * equal or higher priority that wait for it already on it, so a lower-priority pod cannot take the
 * room a preemption freed.
 */
export function withNominated(view: SchedNode, pod: Pod, waiting: readonly Pod[] | undefined): SchedNode {
  if (!waiting) return view;
  let out = view;
  // A pod bound earlier in the same pass is on its node already.
  for (const w of waiting) if (w !== pod && w.nodeName === '' && w.spec.priority >= pod.spec.priority) out = withPod(out, schedPodOf(w));
  return out;
}

function podStartMs(p: Pod): number {
  return p.scheduledMs >= 0 ? p.scheduledMs : p.createdMs;
}

function terminatingByPreemption(p: Pod): boolean {
  return p.state === 'Terminating' && p.conditions.some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === PREEMPTION_BY_SCHEDULER);
}

/** PodEligibleToPreemptOthers: the reason the pod may not preempt, or undefined. */
export function notEligibleReason(world: World, pod: Pod, nodes: readonly Node[], statuses: readonly (FilterStatus | undefined)[]): string | undefined {
  if (pod.spec.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nominated = pod.nominatedNodeName;
  if (!nominated) return undefined;
  const i = nodes.findIndex((n) => n.name === nominated);
  if (i < 0 || statuses[i]?.unresolvable) return undefined;
  for (const p of podsOnNode(world, nodes[i])) {
    if (p.spec.priority < pod.spec.priority && terminatingByPreemption(p)) return 'not eligible due to a terminating pod on the nominated node.';
  }
  return undefined;
}

function preemptionPdbs(world: World): PreemptionPdb[] {
  return listPdbs(world).map((b) => ({ namespace: b.namespace, selector: b.selector, disruptionsAllowed: pdbStatus(world, b).disruptionsAllowed }));
}

export interface PreemptionOutcome {
  /** Index of the node the pod was nominated to, or -1. */
  nominated: number;
}

/**
 * The dry run and, when a candidate exists, its preparation. `views[i]` must already hold the
 * nominated pods the preemptor has to respect. Upstream starts the dry run at a random offset and
 * stops once it has enough candidates; the offset comes from the seeded generator.
 */
export function preempt(
  world: World,
  pod: Pod,
  sp: SchedPod,
  nodes: readonly Node[],
  views: readonly SchedNode[],
  statuses: readonly (FilterStatus | undefined)[],
  state: PreFilterState,
): PreemptionOutcome {
  const potential: number[] = [];
  for (let i = 0; i < nodes.length; i++) if (statuses[i] && !statuses[i]!.unresolvable) potential.push(i);
  if (potential.length === 0) return { nominated: -1 };
  const pdbs = preemptionPdbs(world);
  const want = numCandidates(potential.length);
  const offset = nextInt(world.rng, 0, potential.length - 1);
  const nonViolating: Candidate[] = [];
  const violating: Candidate[] = [];
  for (let k = 0; k < potential.length; k++) {
    const i = potential[(offset + k) % potential.length];
    const onNode: PreemptionPod[] = podsOnNode(world, nodes[i]).map((p) => ({ key: p.name, sched: schedPodOf(p), priority: p.spec.priority, startMs: podStartMs(p) }));
    const found = selectVictimsOnNode(sp, views[i], onNode, pdbs, state);
    if (!found) continue;
    (found.numPdbViolations === 0 ? nonViolating : violating).push({ ...found, index: i });
    if (nonViolating.length > 0 && nonViolating.length + violating.length >= want) break;
  }
  const best = pickOneNodeForPreemption([...nonViolating, ...violating]);
  if (!best) return { nominated: -1 };
  prepareCandidate(world, pod, nodes[best.index], best.victims.map((v) => world.pods.get(v.key)!));
  return { nominated: best.index };
}

/** prepareCandidate: delete the victims, free the node of lower nominations, nominate the pod. */
function prepareCandidate(world: World, pod: Pod, node: Node, victims: Pod[]): void {
  const uid = podUid(pod);
  for (const v of victims) {
    // Already going (an earlier preemption chose it too): nothing more to delete.
    if (v.state === 'Terminating') continue;
    setCondition(v, 'DisruptionTarget', 'True', world.timeMs, PREEMPTION_BY_SCHEDULER, 'default-scheduler: preempting to accommodate a higher priority pod');
    emitEvent(world, {
      kind: 'Pod',
      name: v.name,
      namespace: v.namespace,
      type: 'Normal',
      reason: 'Preempted',
      message: `Preempted by pod ${uid} on node ${node.name}`,
      source: 'default-scheduler',
    });
    sendPod(world, v, 'DELETE');
  }
  for (const other of nominatedPods(world).get(node.name) ?? []) {
    if (other !== pod && other.spec.priority < pod.spec.priority) delete other.nominatedNodeName;
  }
  pod.nominatedNodeName = node.name;
  // Other pods' nominations were cleared above.
  noteAnyPodChanged(world);
}

/** The pod's metadata.uid as the API server would print it, derived from what names it. */
export function podUid(pod: Pod): string {
  return deterministicUuid(`pod/${pod.namespace}/${pod.name}/${pod.uid}`);
}
