import type { Deployment, Node, Pod, World } from '../core/types';

/**
 * What the node grid reads of a pod (src/ui/cluster: layout, arrange, podStatus, gridQuery). The
 * grid's functions take this type, so reading any other field of a pod there is a type error: the
 * projection below cannot silently miss what the grid draws.
 */
export type GridPod = Pick<Pod, 'name' | 'namespace' | 'ownerKind' | 'ownerName' | 'deployment' | 'nodeName' | 'state' | 'metric' | 'labels'>;

/** What the node grid reads of a world. A full World is one too. */
export interface ClusterSlice {
  nodes: ReadonlyMap<string, Node>;
  pods: ReadonlyMap<string, GridPod>;
  deployments: ReadonlyMap<string, Deployment>;
}

/** A cluster slice at a time: what the worker sends for compare mode's grid of run B. */
export interface GridSlice extends ClusterSlice {
  timeMs: number;
}

function gridPodOf(p: Pod): GridPod {
  return {
    name: p.name,
    namespace: p.namespace,
    ownerKind: p.ownerKind,
    ownerName: p.ownerName,
    deployment: p.deployment,
    nodeName: p.nodeName,
    state: p.state,
    metric: p.metric,
    labels: p.labels,
  };
}

/**
 * The world's grid slice with each pod cut down to what the grid reads. A full Pod carries its
 * spec, conditions and ledgers: posting 5,000 of them to the page took 77–190 ms to read there
 * (docs/performance.md, session 18); the cut-down pods are about a quarter of the bytes and
 * an eighth of the time to read. Nodes and Deployments are few and go whole.
 */
export function gridSliceOf(world: World): GridSlice {
  const pods = new Map<string, GridPod>();
  for (const [name, p] of world.pods) pods.set(name, gridPodOf(p));
  return { timeMs: world.timeMs, nodes: world.nodes, pods, deployments: world.deployments };
}
