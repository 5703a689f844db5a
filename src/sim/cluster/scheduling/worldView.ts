import type { Node, Pod, Taint, World } from '../../core/types';
import type { SchedNode, SchedPod } from './filter';

/**
 * The engine's pods and nodes as the shared filter sees them. The node lifecycle controller's
 * taints (not-ready on nodes that are not Ready yet, unreachable on NotReady ones) are added here,
 * as the real controller writes them onto the Node.
 */

const NOT_READY_TAINT: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' };
const UNREACHABLE_TAINT: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' };

export function schedPodOf(pod: Pod): SchedPod {
  const s = pod.spec;
  return {
    namespace: pod.namespace,
    labels: pod.labels,
    requests: pod.request,
    priority: s.priority,
    tolerations: s.tolerations,
    nodeSelector: s.nodeSelector,
    requiredNodeAffinity: s.requiredNodeAffinity,
    podAntiAffinity: s.podAntiAffinity,
    topologySpread: s.topologySpread,
    hostPorts: s.hostPorts,
    terminating: pod.state === 'Terminating',
  };
}

/** Pods that still hold their place on a node (everything bound and not gone). */
export function podsOnNode(world: World, node: Node): Pod[] {
  const out: Pod[] = [];
  for (const name of node.podNames) {
    const p = world.pods.get(name);
    if (p && p.state !== 'Gone' && p.state !== 'Evicted' && p.state !== 'Succeeded') out.push(p);
  }
  return out;
}

export function lifecycleTaints(node: Node): Taint[] {
  if (node.state === 'Ready' || node.state === 'Cordoned') return node.taints;
  return [node.state === 'NotReady' ? UNREACHABLE_TAINT : NOT_READY_TAINT, ...node.taints];
}

/**
 * A node for the filter; its pod list is built only when a rule needs it. A class with the getter
 * on its prototype rather than an object literal with its own getter and a closure: the scheduler
 * makes one per node per pass and one per bind, and the literal was several times slower to build.
 * Spreading a view copies its fields but not `pods`: every spread of one sets `pods` itself.
 */
class WorldNodeView implements SchedNode {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly taints: readonly Taint[];
  readonly unschedulable: boolean | undefined;
  readonly allocatable: SchedNode['allocatable'];
  readonly requested: SchedNode['requested'];
  readonly #world: World;
  readonly #node: Node;
  #pods: SchedPod[] | undefined;

  constructor(world: World, node: Node) {
    this.name = node.name;
    this.labels = node.labels;
    this.taints = lifecycleTaints(node);
    this.unschedulable = node.unschedulable;
    this.allocatable = node.allocatable;
    this.requested = node.requested;
    this.#world = world;
    this.#node = node;
  }

  get pods(): SchedPod[] {
    return (this.#pods ??= podsOnNode(this.#world, this.#node).map(schedPodOf));
  }
}

export function schedNodeOf(world: World, node: Node): SchedNode {
  return new WorldNodeView(world, node);
}
