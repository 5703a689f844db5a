import { OKABE_ITO, ROLE_COLORS, type CanvasTheme } from '../theme/palette';
import type { ClusterLayout, GroupBox, NodeBox, PodTile, Rect } from './layoutTypes';
import type { PanZoom } from './hitTest';
import type { NodeVisualState } from './podStatus';

/** The part of CanvasRenderingContext2D the grid uses; a recording fake implements it in tests. */
export type GridContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'setTransform'
  | 'fillRect'
  | 'strokeRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'rect'
  | 'stroke'
  | 'clip'
  | 'fillText'
  | 'setLineDash'
> & {
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
};

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface SelectionRef {
  kind: 'pod' | 'node';
  name: string;
}

export interface DrawView extends PanZoom {
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  dpr: number;
  theme: CanvasTheme;
  selected: SelectionRef | null;
  hovered: SelectionRef | null;
  t: Translate;
  /** Per-tile opacity while new pods fade in (index = layout.pods index); null when nothing animates. */
  tileAlpha?: Float32Array | null;
}

/** Node text is drawn only when it would be at least this big on screen. */
const MIN_TEXT_ZOOM = 0.8;
const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif';

const NODE_OUTLINE: Record<NodeVisualState, { color: (t: CanvasTheme) => string; width: number; dash: number[] }> = {
  launching: { color: (t) => t.muted, width: 1.5, dash: [4, 3] },
  notReadyYet: { color: () => OKABE_ITO.vermillion, width: 1.5, dash: [2, 2] },
  ready: { color: (t) => t.border, width: 1, dash: [] },
  notReady: { color: () => OKABE_ITO.vermillion, width: 2.5, dash: [] },
  cordoned: { color: () => OKABE_ITO.orange, width: 1.5, dash: [] },
  draining: { color: () => OKABE_ITO.orange, width: 2, dash: [5, 2] },
  terminating: { color: (t) => t.muted, width: 1, dash: [] },
};

export const NODE_OUTLINE_STYLE = NODE_OUTLINE;

/** Opacity of a whole node box that is going away. */
export const TERMINATING_NODE_ALPHA = 0.4;
/** Opacity of nodes and pods that match none of the grid filter (kube-ops-view dims, it does not hide). */
export const DIM_ALPHA = 0.22;

export function drawCluster(ctx: GridContext, layout: ClusterLayout, view: DrawView): void {
  const { theme, dpr, zoom } = view;
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, view.width, view.height);
  ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * view.panX, dpr * view.panY);

  const visible: Rect = { x: -view.panX / zoom, y: -view.panY / zoom, w: view.width / zoom, h: view.height / zoom };
  for (const g of layout.groups) {
    if (!overlaps(g, visible)) continue;
    ctx.fillStyle = theme.panel;
    ctx.fillRect(g.x, g.y, g.w, g.h);
    if (g.kind === 'pending') drawTiles(ctx, layout, g.tileStart, g.tileEnd, view, visible);
  }
  for (const node of layout.nodes) {
    if (!overlaps(node, visible)) continue;
    drawNode(ctx, layout, node, view, visible);
  }
  drawSelection(ctx, layout, view);

  // Titles at a fixed screen size, so they stay readable when zoomed out.
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  for (const g of layout.groups) {
    const sy = g.y * zoom + view.panY;
    if (sy + g.headerH * zoom < 0 || sy > view.height) continue;
    drawGroupTitle(ctx, g, view, g.x * zoom + view.panX + 6, sy + (g.headerH * zoom) / 2);
  }
  ctx.restore();
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;
}

export function groupTitle(g: GroupBox, t: Translate): string {
  if (g.kind === 'pending') {
    return g.podCount > 0 ? t('cluster.grid.pendingTitle', { count: g.podCount }) : t('cluster.grid.pendingNone');
  }
  const nodes = t('cluster.grid.nodeCount', { count: g.nodeCount });
  if (g.by !== 'pool') {
    const dimension = g.by.startsWith('label:') ? g.by.slice('label:'.length) : t(`views.grid.groupBy.${g.by}`);
    return `${g.name} · ${dimension} · ${nodes}${g.by === 'instanceType' ? '' : ` · ${g.instanceTypes.join(', ')}`}`;
  }
  const kind = t(g.poolKind === 'nodePool' ? 'cluster.grid.nodePool' : g.poolKind === 'static' ? 'cluster.grid.static' : 'cluster.grid.nodeGroup');
  return `${g.name} · ${kind} · ${nodes} · ${g.instanceTypes.join(', ')}`;
}

function drawGroupTitle(ctx: GridContext, g: GroupBox, view: DrawView, x: number, y: number): void {
  ctx.font = `600 12px ${FONT}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = g.kind === 'pending' && g.podCount > 0 ? OKABE_ITO.orange : view.theme.text;
  ctx.fillText(groupTitle(g, view.t), x, y);
}

function drawNode(ctx: GridContext, layout: ClusterLayout, node: NodeBox, view: DrawView, visible: Rect): void {
  const { theme } = view;
  const alpha = (node.state === 'terminating' ? TERMINATING_NODE_ALPHA : 1) * (node.dim ? DIM_ALPHA : 1);
  const fading = alpha < 1;
  if (fading) ctx.globalAlpha = alpha;
  ctx.fillStyle = theme.nodeFill;
  ctx.fillRect(node.x, node.y, node.w, node.h);
  if (node.state === 'cordoned' || node.state === 'draining') drawHatch(ctx, node, theme.hatch);

  drawBar(ctx, node.cpuBar, node.cpu, theme, ROLE_COLORS.cpuRequested, theme.usedLine);
  drawBar(ctx, node.memBar, node.memory, theme, ROLE_COLORS.memRequested, theme.usedLine);
  if (node.podsBar.w > 0) drawBar(ctx, node.podsBar, { allocatable: node.maxPods, requested: node.podCount, used: 0 }, theme, theme.muted, theme.usedLine);

  if (layout.detail === 'full') {
    const statusOverTiles = view.zoom >= MIN_TEXT_ZOOM && drawNodeText(ctx, node, view);
    if (node.state === 'launching') {
      ctx.font = `italic 11px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillStyle = theme.muted;
      ctx.fillText(view.t('cluster.node.launchingLabel'), node.tileArea.x + node.tileArea.w / 2, node.tileArea.y + 16);
    }
    drawTiles(ctx, layout, node.tileStart, node.tileEnd, view, visible);
    if (statusOverTiles) drawDeferredStatus(ctx, node, view);
  }

  const outline = NODE_OUTLINE[node.state];
  ctx.strokeStyle = outline.color(theme);
  ctx.lineWidth = outline.width;
  ctx.setLineDash(outline.dash);
  ctx.strokeRect(node.x + 0.5, node.y + 0.5, node.w - 1, node.h - 1);
  if (outline.dash.length > 0) ctx.setLineDash([]);
  if (fading) ctx.globalAlpha = 1;
}


/** Diagonal stripes: the SchedulingDisabled look, readable without colour. */
function drawHatch(ctx: GridContext, r: Rect, color: string): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(r.x, r.y, r.w, r.h);
  ctx.clip();
  ctx.beginPath();
  const step = 7;
  for (let d = -r.h; d < r.w; d += step) {
    ctx.moveTo(r.x + d, r.y + r.h);
    ctx.lineTo(r.x + d + r.h, r.y);
  }
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.restore();
}

/**
 * Allocatable is the whole track; requests fill it from the left; actual use (metrics-server)
 * is a thinner, darker bar through the middle, so "requested but idle" and "used beyond
 * requests" both show at a glance.
 */
function drawBar(
  ctx: GridContext,
  r: Rect,
  v: { allocatable: number; requested: number; used: number },
  theme: CanvasTheme,
  requestedColor: string,
  /** One high-contrast colour for use on both bars: it must read over the track and over the fill. */
  usedColor: string,
): void {
  ctx.fillStyle = theme.barTrack;
  ctx.fillRect(r.x, r.y, r.w, r.h);
  if (v.allocatable <= 0) return;
  const req = Math.min(1, v.requested / v.allocatable);
  if (req > 0) {
    ctx.fillStyle = requestedColor;
    ctx.fillRect(r.x, r.y, r.w * req, r.h);
  }
  // Actual use gets its own strip along the bottom of the track, beside the requests (eks-node-viewer #223).
  const used = Math.min(1, v.used / v.allocatable);
  if (used > 0) {
    const h = Math.max(1.5, r.h * 0.4);
    ctx.fillStyle = usedColor;
    ctx.fillRect(r.x, r.y + r.h - h, Math.max(1, r.w * used), h);
  }
}

/** Returns true when the status must be written over the tiles instead (see drawDeferredStatus). */
function drawNodeText(ctx: GridContext, node: NodeBox, view: DrawView): boolean {
  const { theme } = view;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `600 10px ${FONT}`;
  ctx.fillStyle = theme.text;
  ctx.fillText(node.shortName, node.x + 5, node.y + 12);
  ctx.font = `9px ${FONT}`;
  ctx.fillStyle = theme.muted;
  const spot = node.capacityType === 'spot' ? ` · ${view.t('cluster.node.spot')}` : '';
  const typeLine = `${node.instanceType}${spot}`;
  ctx.fillText(typeLine, node.x + 5, node.y + 22);
  if (!node.statusText) return false;
  const status = view.t(`cluster.node.status.${node.state}`);
  // A narrow card has no room for both on one line ("spot" under "launching"): the status moves
  // into the tile area (drawn after the tiles), or, while launching, the tile area already says so.
  if (approxTextWidth(typeLine, 9) + approxTextWidth(status, 9) + 8 > node.w - 10) {
    return node.state !== 'launching';
  }
  ctx.textAlign = 'right';
  ctx.font = `600 9px ${FONT}`;
  ctx.fillStyle = statusColor(node, theme);
  ctx.fillText(status, node.x + node.w - 5, node.y + 22);
  return false;
}

function statusColor(node: NodeBox, theme: CanvasTheme): string {
  if (node.state === 'cordoned' || node.state === 'draining') return OKABE_ITO.orange;
  return node.state === 'launching' || node.state === 'terminating' ? theme.muted : OKABE_ITO.vermillion;
}

/** Canvas text width without measuring (the grid's context is a recording fake in tests): Hangul/CJK take about 1 em, Latin about 0.6. */
export function approxTextWidth(text: string, px: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? px : px * 0.6;
  return w;
}

function drawDeferredStatus(ctx: GridContext, node: NodeBox, view: DrawView): void {
  const status = view.t(`cluster.node.status.${node.state}`);
  const w = Math.min(node.w - 6, approxTextWidth(status, 9) + 8);
  const x = node.x + node.w - 3 - w;
  const y = node.tileArea.y;
  ctx.fillStyle = view.theme.panel;
  ctx.fillRect(x, y, w, 12);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `600 9px ${FONT}`;
  ctx.fillStyle = statusColor(node, view.theme);
  ctx.fillText(status, node.x + node.w - 7, y + 9);
}

function drawTiles(ctx: GridContext, layout: ClusterLayout, start: number, end: number, view: DrawView, visible: Rect): void {
  const { theme, tileAlpha } = view;
  // Inside a dimmed or terminating node the context is already translucent: tiles multiply it.
  const base = ctx.globalAlpha;
  let fill = '';
  for (let i = start; i < end; i++) {
    const tile = layout.pods[i];
    if (tile.x > visible.x + visible.w || tile.y > visible.y + visible.h || tile.x + tile.size < visible.x || tile.y + tile.size < visible.y) continue;
    const alpha = (tileAlpha ? tileAlpha[i] : 1) * (tile.dim ? DIM_ALPHA : 1);
    if (alpha <= 0) continue;
    if (alpha < 1) ctx.globalAlpha = base * alpha;
    if (tile.shape === 'solid') {
      // The common case, kept to one call and no state change when the colour repeats.
      if (fill !== tile.color) ctx.fillStyle = fill = tile.color;
      ctx.fillRect(tile.x, tile.y, tile.size, tile.size);
    } else {
      drawShapedTile(ctx, tile, theme);
      fill = '';
    }
    if (alpha < 1) ctx.globalAlpha = base;
  }
}

function drawShapedTile(ctx: GridContext, tile: PodTile, theme: CanvasTheme): void {
  const { x, y, size: s, color } = tile;
  switch (tile.shape) {
    case 'solid':
      ctx.fillStyle = color;
      ctx.fillRect(x, y, s, s);
      return;
    case 'ring': {
      const b = Math.max(1.5, s * 0.25);
      ctx.fillStyle = color;
      ctx.fillRect(x, y, s, s);
      ctx.fillStyle = theme.nodeFill;
      ctx.fillRect(x + b, y + b, s - 2 * b, s - 2 * b);
      return;
    }
    case 'half':
      ctx.fillStyle = color;
      ctx.fillRect(x, y + s / 2, s, s / 2);
      strokeTile(ctx, tile, color, 1);
      return;
    case 'outline':
      strokeTile(ctx, tile, color, 1.5);
      return;
    case 'faded': {
      const prev = ctx.globalAlpha;
      ctx.globalAlpha = prev * 0.35;
      ctx.fillStyle = color;
      ctx.fillRect(x, y, s, s);
      ctx.globalAlpha = prev;
      strokeTile(ctx, tile, color, 1);
      return;
    }
    case 'cross':
      ctx.fillStyle = color;
      ctx.fillRect(x, y, s, s);
      crossTile(ctx, tile, theme.mark);
      return;
    case 'outlineCross':
      strokeTile(ctx, tile, color, 1.5);
      crossTile(ctx, tile, color);
      return;
    case 'dot':
      ctx.fillStyle = color;
      ctx.fillRect(x + s / 3, y + s / 3, s / 3, s / 3);
      return;
  }
}

function strokeTile(ctx: GridContext, tile: PodTile, color: string, width: number): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  const inset = width / 2;
  ctx.strokeRect(tile.x + inset, tile.y + inset, tile.size - width, tile.size - width);
}

function crossTile(ctx: GridContext, tile: PodTile, color: string): void {
  const { x, y, size: s } = tile;
  const m = s * 0.2;
  ctx.beginPath();
  ctx.moveTo(x + m, y + m);
  ctx.lineTo(x + s - m, y + s - m);
  ctx.moveTo(x + s - m, y + m);
  ctx.lineTo(x + m, y + s - m);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

function drawSelection(ctx: GridContext, layout: ClusterLayout, view: DrawView): void {
  for (const ref of [view.hovered, view.selected]) {
    if (!ref) continue;
    const selected = ref === view.selected;
    let r: Rect | null = null;
    if (ref.kind === 'node') r = layout.nodes.find((n) => n.name === ref.name) ?? null;
    else {
      const t = layout.pods.find((p) => p.name === ref.name);
      if (t) r = { x: t.x, y: t.y, w: t.size, h: t.size };
    }
    if (!r) continue;
    const pad = ref.kind === 'pod' ? 1.5 : 2;
    ctx.strokeStyle = selected ? ROLE_COLORS.selection : view.theme.text;
    ctx.lineWidth = (selected ? 2.5 : 1.5) / Math.max(0.5, view.zoom);
    ctx.strokeRect(r.x - pad, r.y - pad, r.w + 2 * pad, r.h + 2 * pad);
  }
}
