import type { Node } from '../../sim/core/types';
import type { ClusterSlice, GridPod } from '../../sim/views/gridSlice';

/** What the layout reads of a world: compare mode's run B sends only this from the worker. */
export type { ClusterSlice };
import { POD_STATUS_COLORS, seriesColor, type PodStatusKind } from '../theme/palette';
import type { GridQuery } from './gridQuery';
import type { NodeGroupBy, NodeSort } from '../../store/gridViewStore';
import { groupKey, sortBuckets, type NodeBucket } from './arrange';
import {
  nodeStatusText,
  nodeVisualState,
  podStatusKind,
  TILE_SHAPE,
  workloadOf,
  type NodeVisualState,
  type TileShape,
} from './podStatus';

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

/** Below this zoom a node is drawn as bars only. */
export const COMPACT_ZOOM = 0.55;
export const MIN_ZOOM = 0.15;
export const MAX_ZOOM = 4;
export const FIT_MAX_ZOOM = 1.6;

const TILE = 10;
const TILE_PITCH = 12;
const DS_TILE = 6;
const DS_PITCH = 8;
const NODE_COLS = 9;
const NODE_PAD = 5;
const NODE_HEADER = 25;
const BAR_H = 6;
const BAR_GAP = 2;
const NODE_GAP = 8;
const GROUP_PAD = 6;
const GROUP_GAP = 10;
/** Group titles are drawn at this many screen pixels whatever the zoom. */
export const GROUP_HEADER_PX = 20;
const COMPACT_W = 44;
const COMPACT_H = 24;
const DAEMON_COLOR = '#8b949e';

const FULL_NODE_W = NODE_PAD * 2 + NODE_COLS * TILE_PITCH - (TILE_PITCH - TILE);

export function shortNodeName(name: string): string {
  const dot = name.indexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Workloads in a stable order (Deployments by name, then bare pods) so colours don't shuffle as pods come and go. */
export function workloadColorMap(world: ClusterSlice): Map<string, string> {
  const names = new Set<string>();
  for (const d of [...world.deployments.keys()].sort()) names.add(d);
  const others: string[] = [];
  for (const p of world.pods.values()) {
    if (p.ownerKind === 'DaemonSet' || p.state === 'Gone') continue;
    const w = workloadOf(p);
    if (!names.has(w)) others.push(w);
  }
  for (const w of others.sort()) names.add(w);
  const map = new Map<string, string>();
  let i = 0;
  for (const n of names) map.set(n, seriesColor(i++));
  return map;
}


export function layoutCluster(world: ClusterSlice, size: Size, options: LayoutOptions): ClusterLayout {
  const zoom = clampZoom(options.zoom);
  const detail: ClusterLayout['detail'] = zoom < COMPACT_ZOOM ? 'compact' : 'full';
  const wrapWidth = Math.max(size.width / zoom, (detail === 'full' ? FULL_NODE_W : COMPACT_W) + 2 * GROUP_PAD);
  const headerH = GROUP_HEADER_PX / zoom;
  const workloadColors = workloadColorMap(world);

  const buckets = new Map<string, NodeBucket>();
  for (const node of world.nodes.values()) {
    const state = nodeVisualState(node);
    if (state) buckets.set(node.name, { node, state, regular: [], daemon: [] });
  }
  const pending: GridPod[] = [];
  for (const pod of world.pods.values()) {
    if (pod.state === 'Gone') continue;
    const bucket = pod.nodeName ? buckets.get(pod.nodeName) : undefined;
    if (!bucket) {
      if (pod.state === 'Pending' || !pod.nodeName) pending.push(pod);
      continue;
    }
    (pod.ownerKind === 'DaemonSet' ? bucket.daemon : bucket.regular).push(pod);
  }

  const groupBy = options.groupBy ?? 'pool';
  const query = options.query;
  const pools = new Map<string, NodeBucket[]>();
  // A node group and a NodePool may share a name (the Karpenter preset names its NodePool after the
  // group it takes over): they are two groups, each titled with its own kind. The kind sorts after
  // the name, so groups with distinct names keep their order.
  const keyOf = (node: NodeBucket['node']) => (groupBy === 'pool' ? `${groupKey(node, groupBy)}\u0000${node.poolKind}` : groupKey(node, groupBy));
  for (const b of buckets.values()) {
    const key = keyOf(b.node);
    let list = pools.get(key);
    if (!list) pools.set(key, (list = []));
    list.push(b);
  }

  const layout: ClusterLayout = {
    width: wrapWidth,
    height: 0,
    zoom,
    detail,
    colorBy: options.colorBy,
    groups: [],
    nodes: [],
    pods: [],
    workloadColors,
  };
  const tileColor = (pod: GridPod, status: PodStatusKind): string => {
    if (options.colorBy === 'status') return POD_STATUS_COLORS[status];
    if (pod.ownerKind === 'DaemonSet') return DAEMON_COLOR;
    return workloadColors.get(workloadOf(pod)) ?? DAEMON_COLOR;
  };
  const pushTile = (pod: GridPod, x: number, y: number, tileSize: number, daemon: boolean) => {
    const status = podStatusKind(pod) ?? 'terminating';
    const dim = query ? !query.empty && !query.pod(pod) : false;
    const tile: PodTile = {
      name: pod.name,
      node: pod.nodeName,
      x,
      y,
      size: tileSize,
      status,
      shape: TILE_SHAPE[status],
      color: tileColor(pod, status),
      daemon,
      workload: workloadOf(pod),
      dim,
    };
    layout.pods.push(tile);
  };

  let y = 0;
  // Pending first: unschedulable pods are what a person looks for.
  {
    const inner = wrapWidth - 2 * GROUP_PAD;
    const cols = Math.max(1, Math.floor((inner + TILE_PITCH - TILE) / TILE_PITCH));
    const rows = Math.ceil(pending.length / cols);
    const group: GroupBox = {
      kind: 'pending',
      name: 'Pending',
      by: groupBy,
      poolKind: '',
      x: 0,
      y,
      w: wrapWidth,
      h: headerH + (rows > 0 ? rows * TILE_PITCH + GROUP_PAD : 0),
      nodeCount: 0,
      instanceTypes: [],
      podCount: pending.length,
      headerH,
      tileStart: layout.pods.length,
      tileEnd: 0,
    };
    pending.forEach((pod, i) => {
      pushTile(pod, GROUP_PAD + (i % cols) * TILE_PITCH, y + headerH + Math.floor(i / cols) * TILE_PITCH, TILE, pod.ownerKind === 'DaemonSet');
    });
    group.tileEnd = layout.pods.length;
    layout.groups.push(group);
    y += group.h + GROUP_GAP;
  }

  for (const key of [...pools.keys()].sort()) {
    const list = pools.get(key)!;
    const poolName = key.split('\u0000')[0];
    sortBuckets(list, options.sortBy ?? 'age');
    const types = [...new Set(list.map((b) => b.node.instanceType))].sort();
    const group: GroupBox = {
      kind: 'pool',
      name: poolName,
      by: groupBy,
      poolKind: groupBy === 'pool' ? list[0].node.poolKind : '',
      x: 0,
      y,
      w: wrapWidth,
      h: 0,
      nodeCount: list.length,
      instanceTypes: types,
      podCount: 0,
      headerH,
      tileStart: 0,
      tileEnd: 0,
    };
    layout.groups.push(group);
    let x = GROUP_PAD;
    let rowY = y + headerH;
    let rowH = 0;
    for (const b of list) {
      const box = detail === 'full' ? layoutFullNode(b, layout, pushTile) : layoutCompactNode(b, layout);
      box.dim = query ? !query.empty && !query.node(b.node, [...b.regular, ...b.daemon]) : false;
      if (x > GROUP_PAD && x + box.w > wrapWidth - GROUP_PAD) {
        x = GROUP_PAD;
        rowY += rowH + NODE_GAP;
        rowH = 0;
      }
      moveNode(box, layout, x, rowY);
      layout.nodes.push(box);
      x += box.w + NODE_GAP;
      rowH = Math.max(rowH, box.h);
    }
    group.podCount = list.reduce((s, b) => s + b.regular.length + b.daemon.length, 0);
    group.h = rowY + rowH + GROUP_PAD - y;
    y += group.h + GROUP_GAP;
  }
  layout.height = y;
  return layout;
}

export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(z) ? z : 1));
}

function barValues(node: Node, pods: GridPod[], daemon: GridPod[]): { cpu: BarValues; memory: BarValues } {
  let cpuUsed = 0;
  let memUsed = 0;
  for (const list of [pods, daemon]) {
    for (const p of list) {
      if (p.metric) {
        cpuUsed += p.metric.cpuMillis;
        memUsed += p.metric.memoryMiB;
      }
    }
  }
  return {
    cpu: { allocatable: node.allocatable.cpuMillis, requested: node.requested.cpuMillis, used: cpuUsed },
    memory: { allocatable: node.allocatable.memoryMiB, requested: node.requested.memoryMiB, used: memUsed },
  };
}

function baseBox(b: NodeBucket, w: number, h: number): NodeBox {
  const { cpu, memory } = barValues(b.node, b.regular, b.daemon);
  return {
    name: b.node.name,
    shortName: shortNodeName(b.node.name),
    pool: b.node.pool,
    instanceType: b.node.instanceType,
    capacityType: b.node.capacityType,
    state: b.state,
    statusText: nodeStatusText(b.state),
    x: 0,
    y: 0,
    w,
    h,
    cpu,
    memory,
    podCount: b.regular.length + b.daemon.length,
    maxPods: b.node.allocatable.pods,
    cpuBar: { x: 0, y: 0, w: 0, h: 0 },
    memBar: { x: 0, y: 0, w: 0, h: 0 },
    podsBar: { x: 0, y: 0, w: 0, h: 0 },
    dim: false,
    tileStart: 0,
    tileEnd: 0,
    tileArea: { x: 0, y: 0, w: 0, h: 0 },
  };
}

/** Lays a node out at (0,0); moveNode shifts it (and its tiles) into place. */
function layoutFullNode(
  b: NodeBucket,
  layout: ClusterLayout,
  pushTile: (pod: GridPod, x: number, y: number, size: number, daemon: boolean) => void,
): NodeBox {
  const innerW = FULL_NODE_W - 2 * NODE_PAD;
  const slots = Math.max(b.regular.length, b.node.allocatable.pods - b.daemon.length, 1);
  const rows = Math.ceil(slots / NODE_COLS);
  const dsCols = Math.max(1, Math.floor((innerW + DS_PITCH - DS_TILE) / DS_PITCH));
  const dsRows = Math.ceil(b.daemon.length / dsCols);
  const barsTop = NODE_HEADER;
  const tilesTop = barsTop + 3 * BAR_H + 2 * BAR_GAP + 5;
  const tilesH = rows * TILE_PITCH;
  const dsTop = tilesTop + tilesH + 2;
  const h = dsTop + dsRows * DS_PITCH + NODE_PAD - 2;
  const box = baseBox(b, FULL_NODE_W, h);
  box.cpuBar = { x: NODE_PAD, y: barsTop, w: innerW, h: BAR_H };
  box.memBar = { x: NODE_PAD, y: barsTop + BAR_H + BAR_GAP, w: innerW, h: BAR_H };
  box.podsBar = { x: NODE_PAD, y: barsTop + 2 * (BAR_H + BAR_GAP), w: innerW, h: BAR_H };
  box.tileArea = { x: NODE_PAD, y: tilesTop, w: innerW, h: tilesH };
  box.tileStart = layout.pods.length;
  b.regular.forEach((pod, i) => {
    pushTile(pod, NODE_PAD + (i % NODE_COLS) * TILE_PITCH, tilesTop + Math.floor(i / NODE_COLS) * TILE_PITCH, TILE, false);
  });
  b.daemon.forEach((pod, i) => {
    pushTile(pod, NODE_PAD + (i % dsCols) * DS_PITCH, dsTop + Math.floor(i / dsCols) * DS_PITCH, DS_TILE, true);
  });
  box.tileEnd = layout.pods.length;
  return box;
}

function layoutCompactNode(b: NodeBucket, layout: ClusterLayout): NodeBox {
  const box = baseBox(b, COMPACT_W, COMPACT_H);
  const barW = COMPACT_W - 6;
  const barH = (COMPACT_H - 9) / 2;
  box.cpuBar = { x: 3, y: 3, w: barW, h: barH };
  box.memBar = { x: 3, y: 6 + barH, w: barW, h: barH };
  box.tileArea = { x: 3, y: 3, w: barW, h: COMPACT_H - 6 };
  box.tileStart = box.tileEnd = layout.pods.length;
  return box;
}

function moveNode(box: NodeBox, layout: ClusterLayout, x: number, y: number): void {
  box.x = x;
  box.y = y;
  for (const r of [box.cpuBar, box.memBar, box.podsBar, box.tileArea]) {
    r.x += x;
    r.y += y;
  }
  for (let i = box.tileStart; i < box.tileEnd; i++) {
    layout.pods[i].x += x;
    layout.pods[i].y += y;
  }
}

/**
 * The largest zoom at which the whole cluster fits the viewport's height (rows re-wrap as the
 * zoom changes, so this is a search, not a ratio). Never above FIT_MAX_ZOOM: a handful of nodes
 * should look like a cluster, not fill a projector with three boxes.
 */
export function fitZoom(world: ClusterSlice, size: Size, colorBy: ColorBy = 'status'): number {
  if (size.width <= 0 || size.height <= 0) return 1;
  const fits = (z: number) => layoutCluster(world, size, { zoom: z, colorBy }).height * z <= size.height;
  let lo = MIN_ZOOM;
  let hi = FIT_MAX_ZOOM;
  if (fits(hi)) return hi;
  for (let i = 0; i < 10; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
