import type { Deployment, Node, Pod } from '../core/types';

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

/**
 * A cluster slice at a time: what the worker sends for compare mode's grid of run B, as
 * gridSliceWire.ts encodes it. A full Pod carries its spec, conditions and ledgers: posting 5,000 of
 * them took the page 77–190 ms to read (docs/performance.md, session 18).
 */
export interface GridSlice extends ClusterSlice {
  timeMs: number;
}
