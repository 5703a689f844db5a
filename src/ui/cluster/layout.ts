import type { GridPod } from '../../sim/views/gridSlice';
import { POD_STATUS_COLORS, type PodStatusKind } from '../theme/palette';
import { groupKey, sortBuckets, type NodeBucket } from './arrange';
import type { ClusterLayout, ClusterSlice, ColorBy, GroupBox, LayoutOptions, PodTile, Size } from './layoutTypes';
import { COMPACT_W, FULL_NODE_W, layoutCompactNode, layoutFullNode, moveNode, TILE, TILE_PITCH } from './nodeBox';
import { nodeVisualState, podStatusKind, TILE_SHAPE, workloadOf } from './podStatus';
import { workloadColorMap } from './workloadColors';
import { clampZoom, COMPACT_ZOOM, FIT_MAX_ZOOM, GROUP_HEADER_PX, MIN_ZOOM } from './zoom';

const NODE_GAP = 8;
const GROUP_PAD = 6;
const GROUP_GAP = 10;
const DAEMON_COLOR = '#8b949e';

/**
 * Stacks the groups top to bottom (Pending first) and wraps each group's node boxes in rows to the
 * visible width; the shapes it returns are in layoutTypes.ts, one node's box is drawn up in nodeBox.ts.
 */
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
