import type { ClusterLayout, GroupBox, NodeBox, PodTile, Rect } from './layoutTypes';

export type ClusterHit =
  | { kind: 'pod'; name: string; tile: PodTile; node: NodeBox | null }
  | { kind: 'node'; name: string; node: NodeBox }
  | { kind: 'group'; name: string; group: GroupBox };

export interface PanZoom {
  zoom: number;
  panX: number;
  panY: number;
}

/** Screen (CSS px within the canvas) → layout content units. */
export function screenToContent(view: PanZoom, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - view.panX) / view.zoom, y: (sy - view.panY) / view.zoom };
}

const inside = (r: Rect, x: number, y: number) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;

/** Slack around a tile, in content units, so tiny tiles are still easy to hover. */
const TILE_SLOP = 1;

function tileAt(layout: ClusterLayout, start: number, end: number, x: number, y: number): PodTile | null {
  for (let i = start; i < end; i++) {
    const t = layout.pods[i];
    if (x >= t.x - TILE_SLOP && x < t.x + t.size + TILE_SLOP && y >= t.y - TILE_SLOP && y < t.y + t.size + TILE_SLOP) return t;
  }
  return null;
}

/** What is under a content-space point: a pod tile, else a node box, else a group strip, else null. */
export function hitTest(layout: ClusterLayout, x: number, y: number): ClusterHit | null {
  for (const g of layout.groups) {
    if (!inside(g, x, y)) continue;
    if (g.kind === 'pending') {
      const tile = tileAt(layout, g.tileStart, g.tileEnd, x, y);
      if (tile) return { kind: 'pod', name: tile.name, tile, node: null };
      return { kind: 'group', name: g.name, group: g };
    }
    break;
  }
  for (const node of layout.nodes) {
    if (!inside(node, x, y)) continue;
    const tile = tileAt(layout, node.tileStart, node.tileEnd, x, y);
    if (tile) return { kind: 'pod', name: tile.name, tile, node };
    return { kind: 'node', name: node.name, node };
  }
  for (const g of layout.groups) if (inside(g, x, y)) return { kind: 'group', name: g.name, group: g };
  return null;
}

/** The node box or pod tile called `name`, for scrolling a selection into view. */
export function findInLayout(layout: ClusterLayout, kind: 'pod' | 'node', name: string): Rect | null {
  if (kind === 'node') return layout.nodes.find((n) => n.name === name) ?? null;
  const t = layout.pods.find((p) => p.name === name);
  return t ? { x: t.x, y: t.y, w: t.size, h: t.size } : null;
}
