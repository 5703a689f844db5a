import type { DaemonSet, Node, Pod, World } from '../core/types';
import { bindPod, createPod, podsOwnedBy } from './pods';
import { toleratesAll } from './scheduling/predicates';

/**
 * Starts a bound pod's lifecycle (the caller passes lifecycle/apply's enterPodState). Taking it as a
 * parameter keeps cluster/ below lifecycle/: the node lifecycle calls this when a node registers.
 */
export type StartPod = (pod: Pod) => void;

/**
 * The DaemonSet controller places one pod per eligible node. DaemonSet pods tolerate the
 * not-ready/unreachable/unschedulable taints, so they land as soon as a node registers,
 * and they consume requests and pod slots like any pod (as aws-node and kube-proxy do on EKS).
 */
export function createDaemonSetPodsForNode(world: World, node: Node, start: StartPod): void {
  for (const ds of world.daemonSets.values()) placeDaemonPod(world, ds, node, start);
}

export function placeDaemonPod(world: World, ds: DaemonSet, node: Node, start: StartPod): void {
  if (!daemonSetWantsNode(ds, node)) return;
  const existing = podsOwnedBy(world, 'DaemonSet', ds.name).some((p) => p.nodeName === node.name && p.state !== 'Terminating');
  if (existing) return;
  const pod = createPod(world, {
    namespace: ds.namespace,
    ownerKind: 'DaemonSet',
    ownerName: ds.name,
    deployment: '',
    template: ds.template,
  });
  bindPod(world, pod, node);
  start(pod);
}

export function daemonSetWantsNode(ds: DaemonSet, node: Node): boolean {
  for (const [k, v] of Object.entries(ds.template.nodeSelector)) if (node.labels[k] !== v) return false;
  return toleratesAll(ds.template.tolerations, node.taints.filter((t) => t.effect !== 'PreferNoSchedule'));
}

/** When a DaemonSet is created after nodes exist. */
export function syncDaemonSet(world: World, ds: DaemonSet, start: StartPod): void {
  for (const node of world.nodes.values()) {
    if (node.state === 'Launching' || node.state === 'Terminating' || node.state === 'Gone') continue;
    placeDaemonPod(world, ds, node, start);
  }
}
