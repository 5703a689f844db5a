import type { Node } from '../../sim/core/types';
import type { ClusterSlice } from '../../sim/views/gridSlice';
import type { PodStatusKind } from '../theme/palette';
import type { NodeGroupBy, NodeSort } from '../../store/gridViewStore';
import type { GridQuery } from './gridQuery';
import type { NodeVisualState, TileShape } from './podStatus';

/** What the layout reads of a world: compare mode's run B sends only this from the worker. */
export type { ClusterSlice };

/**
 * The node grid as plain data: where every group, node box and pod tile goes, in content units
 * (CSS pixels at zoom 1). Pan is not part of the layout, so dragging only redraws. The layout
 * does depend on zoom: rows wrap to the visible width, and below COMPACT_ZOOM a node collapses
 * to its CPU and memory bars.
 */
export interface Size {
  width: number;
  height: number;
}

export type ColorBy = 'status' | 'workload';

export interface LayoutOptions {
  zoom: number;
  colorBy: ColorBy;
  /** Within each group; default 'age' (oldest first, as kube-ops-view). */
  sortBy?: NodeSort;
  /** Default 'pool' (node group / NodePool). */
  groupBy?: NodeGroupBy;
  /** Nodes and pods that match none of the filter are dimmed, not hidden: the cluster keeps its shape. */
  query?: GridQuery;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BarValues {
  allocatable: number;
  requested: number;
  used: number;
}

export interface NodeBox extends Rect {
  name: string;
  /** The name without its DNS suffix, as kube-ops-view shows it. */
  shortName: string;
  pool: string;
  instanceType: string;
  capacityType: string;
  state: NodeVisualState;
  /** The kubectl status word ('' for a plain Ready node). */
  statusText: string;
  cpu: BarValues;
  memory: BarValues;
  podCount: number;
  maxPods: number;
  cpuBar: Rect;
  memBar: Rect;
  /** Pods bound over allocatable pods (the ENI limit): the third bar. */
  podsBar: Rect;
  /** Matches none of the grid filter. */
  dim: boolean;
  /** Tiles of this node are layout.pods[tileStart .. tileEnd). */
  tileStart: number;
  tileEnd: number;
  /** Where regular pod tiles go (also where "launching" is written). */
  tileArea: Rect;
}

export interface PodTile {
  name: string;
  node: string;
  x: number;
  y: number;
  size: number;
  status: PodStatusKind;
  shape: TileShape;
  color: string;
  daemon: boolean;
  workload: string;
  /** Does not match the grid filter. */
  dim: boolean;
}

export interface GroupBox extends Rect {
  kind: 'pool' | 'pending';
  name: string;
  /** What the nodes are grouped by ('pool' unless the person chose zone, instance type, a label…). */
  by: NodeGroupBy;
  poolKind: Node['poolKind'] | '';
  nodeCount: number;
  instanceTypes: string[];
  /** Pending group: how many pods wait. */
  podCount: number;
  /** Height of the title strip in content units (it is drawn at a fixed screen size). */
  headerH: number;
  /** Pending group: tiles are layout.pods[tileStart .. tileEnd). */
  tileStart: number;
  tileEnd: number;
}

export interface ClusterLayout {
  width: number;
  height: number;
  zoom: number;
  detail: 'full' | 'compact';
  colorBy: ColorBy;
  groups: GroupBox[];
  nodes: NodeBox[];
  pods: PodTile[];
  /** Workload → colour, in legend order (used when colouring by workload). */
  workloadColors: Map<string, string>;
}
