import type { Node } from '../../sim/core/types';
import type { GridPod } from '../../sim/views/gridSlice';
import type { NodeBucket } from './arrange';
import type { BarValues, ClusterLayout, NodeBox } from './layoutTypes';
import { nodeStatusText } from './podStatus';

/** Content units (CSS pixels at zoom 1). A node is laid out at (0,0), then moveNode shifts it into its row. */
export const TILE = 10;
export const TILE_PITCH = 12;
const DS_TILE = 6;
const DS_PITCH = 8;
const NODE_COLS = 9;
const NODE_PAD = 5;
const NODE_HEADER = 25;
const BAR_H = 6;
const BAR_GAP = 2;
export const COMPACT_W = 44;
const COMPACT_H = 24;

export const FULL_NODE_W = NODE_PAD * 2 + NODE_COLS * TILE_PITCH - (TILE_PITCH - TILE);

export type PushTile = (pod: GridPod, x: number, y: number, size: number, daemon: boolean) => void;

export function shortNodeName(name: string): string {
  const dot = name.indexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
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
export function layoutFullNode(
  b: NodeBucket,
  layout: ClusterLayout,
  pushTile: PushTile,
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

export function layoutCompactNode(b: NodeBucket, layout: ClusterLayout): NodeBox {
  const box = baseBox(b, COMPACT_W, COMPACT_H);
  const barW = COMPACT_W - 6;
  const barH = (COMPACT_H - 9) / 2;
  box.cpuBar = { x: 3, y: 3, w: barW, h: barH };
  box.memBar = { x: 3, y: 6 + barH, w: barW, h: barH };
  box.tileArea = { x: 3, y: 3, w: barW, h: COMPACT_H - 6 };
  box.tileStart = box.tileEnd = layout.pods.length;
  return box;
}

export function moveNode(box: NodeBox, layout: ClusterLayout, x: number, y: number): void {
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
