import { filterNode, preFilter, needsClusterState } from '../../cluster/scheduling/filter';
import { addPodToNode, antiHolders, firstUntoleratedTaint, hasAntiAffinity, matchesNodeSelector, type FitNode, type FitPod } from './fit';
import type { DaemonSetSpec, TemplateNode } from './types';

export interface EstimatorPod extends FitPod {
  name: string;
}

export interface BinpackingResult {
  nodeCount: number;
  /** Pods placed on the new nodes, in placement order. */
  scheduledPods: string[];
  /** Pods that fit no empty template node (why, per pod). */
  unfit: { pod: string; reason: string }[];
  /** Pods that would fit but were cut off by the limiter. */
  limited: string[];
  /** The simulated new nodes, for explanations. */
  nodes: FitNode[];
}

/** DaemonSet pods that would run on a new node of this template (selector and taints allow it). */
export function daemonSetPodsForTemplate(
  template: TemplateNode,
  daemonSets: readonly DaemonSetSpec[],
): DaemonSetSpec[] {
  return daemonSets.filter(
    (ds) =>
      matchesNodeSelector(ds, template.labels) && firstUntoleratedTaint(ds, template.taints) === undefined,
  );
}

/** An empty node of the template, with its DaemonSet pods already requested. */
export function emptyTemplateNode(
  name: string,
  template: TemplateNode,
  daemonSets: readonly DaemonSetSpec[],
): FitNode {
  let node: FitNode = {
    name,
    allocatable: template.allocatable,
    requested: { cpuMillis: 0, memoryMiB: 0, pods: 0 },
    // Each simulated node is its own hostname domain (a template copied from a live node must not share its name).
    labels: { ...template.labels, 'kubernetes.io/hostname': name },
    taints: template.taints,
  };
  for (const ds of daemonSetPodsForTemplate(template, daemonSets)) node = addPodToNode(node, ds);
  return node;
}

/** decreasing_pod_orderer: cpu/nodeCPU + mem/nodeMem, largest first (stable for equal scores). */
export function orderPodsForBinpacking<P extends FitPod>(pods: readonly P[], template: TemplateNode): P[] {
  const score = (p: FitPod): number =>
    p.requests.cpuMillis / template.allocatable.cpuMillis +
    p.requests.memoryMiB / template.allocatable.memoryMiB;
  return pods
    .map((p, i) => ({ p, i, s: score(p) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.p);
}

/**
 * The binpacking estimator: place each pod (largest first) on the first new node it fits,
 * opening a new template node when none does, until the limiter (maxNodes; 0 = unlimited) says
 * stop. A pod that does not fit even an empty node never opens one.
 */
export function binpackingEstimate(
  pods: readonly EstimatorPod[],
  template: TemplateNode,
  daemonSets: readonly DaemonSetSpec[],
  maxNodes: number,
  namePrefix = 'template-node',
  /** The rest of the simulated cluster (existing and upcoming nodes), for topology spread and anti-affinity. */
  cluster: readonly FitNode[] = [],
): BinpackingResult {
  const result: BinpackingResult = { nodeCount: 0, scheduledPods: [], unfit: [], limited: [], nodes: [] };
  const empty = emptyTemplateNode(`${namePrefix}-0`, template, daemonSets);
  const ordered = orderPodsForBinpacking(pods, template);
  const named = (n: number): FitNode => ({ ...empty, name: `${namePrefix}-${n}`, labels: { ...empty.labels, 'kubernetes.io/hostname': `${namePrefix}-${n}` } });
  // No pod to place and none in the cluster has anti-affinity (DaemonSet pods carry none), so no
  // snapshot has anti-affinity holders: skip gathering them for every check.
  const noAnti = !pods.some(hasAntiAffinity) && !cluster.some((n) => (n.pods ?? []).some(hasAntiAffinity));
  // The filter over the snapshot the estimator sees: the cluster, the new nodes so far and the next empty one.
  const check = (pod: EstimatorPod, node: FitNode, next: FitNode) => {
    if (noAnti && !needsClusterState(pod)) return filterNode(pod, node, preFilter(pod, [], []));
    const all = [...cluster, ...result.nodes, next];
    return filterNode(pod, node, preFilter(pod, needsClusterState(pod) ? all : [], noAnti ? [] : antiHolders(all)));
  };
  const podFitsNode = (pod: EstimatorPod, node: FitNode, next: FitNode = named(result.nodes.length)) => {
    const s = check(pod, node, next);
    return s.reasons.length === 0 ? { fits: true as const } : { fits: false as const, reason: s.reasons[0] };
  };
  for (let i = 0; i < ordered.length; i++) {
    const pod = ordered[i];
    const next = named(result.nodes.length);
    const existing = result.nodes.findIndex((n) => podFitsNode(pod, n, next).fits);
    if (existing >= 0) {
      result.nodes[existing] = addPodToNode(result.nodes[existing], pod);
      result.scheduledPods.push(pod.name);
      continue;
    }
    const onEmpty = podFitsNode(pod, next, next);
    if (!onEmpty.fits) {
      result.unfit.push({ pod: pod.name, reason: onEmpty.reason });
      continue;
    }
    if (maxNodes > 0 && result.nodes.length >= maxNodes) {
      // The limiter ends the estimation: no later pod is considered either.
      // One pass, no spread: hundreds of thousands of pending pods would overflow the call stack.
      for (let k = i; k < ordered.length; k++) {
        const p = ordered[k];
        const fit = k === i ? onEmpty : podFitsNode(p, next, next);
        if (fit.fits) result.limited.push(p.name);
      }
      for (let k = i; k < ordered.length; k++) {
        const p = ordered[k];
        const fit = podFitsNode(p, next, next);
        if (!fit.fits) result.unfit.push({ pod: p.name, reason: fit.reason });
      }
      break;
    }
    result.nodes.push(addPodToNode(next, pod));
    result.scheduledPods.push(pod.name);
  }
  result.nodeCount = result.nodes.length;
  return result;
}
