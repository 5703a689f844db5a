import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { canvasThemeFor, DARK_CANVAS } from '../theme/palette';
import { drawCluster, type SelectionRef, type Translate } from './draw';
import { FadeInTracker } from './fadeIn';
import { hitTest, screenToContent, type ClusterHit } from './hitTest';
import { useGridView } from '../../store/gridViewStore';
import { engine, engineReady } from '../../store/engine';
import { compileGridQuery } from './gridQuery';
import { GridFilterBar } from './GridFilterBar';
import { clampZoom } from './zoom';
import { fitZoom, layoutCluster } from './layout';
import type { ClusterLayout, ColorBy } from './layoutTypes';
import { GridToolbar } from './GridToolbar';
import { GridTooltip } from './GridTooltip';
import { PanelBoundary } from './PanelBoundary';
import { useElementSize } from './useElementSize';
import { useThrottledVersion } from './useThrottledVersion';
import './cluster.css';

/** The kube-ops-view-like node grid. Safe to place anywhere: it fills its container. */
export function ClusterView() {
  const { t } = useTranslation();
  return (
    <PanelBoundary title={t('cluster.grid.title')} retryLabel={t('cluster.retry')}>
      <ClusterGrid />
    </PanelBoundary>
  );
}

interface Anchor {
  /** A node to keep under the cursor, or null to keep the vertical fraction. */
  node: string | null;
  /** The anchor point relative to the node's box (fraction of w/h), or the content fraction. */
  fx: number;
  fy: number;
  sx: number;
  sy: number;
}

const DRAG_THRESHOLD_PX = 4;
/** Re-layout at most ~15 times a second while the sim plays. */
const LAYOUT_INTERVAL_MS = 66;
const EDGE_PX = 40;
const EMPTY_WORKLOADS = new Map<string, string>();

const ClusterGrid = memo(function ClusterGrid() {
  const { t } = useTranslation();
  const version = useThrottledVersion(LAYOUT_INTERVAL_MS);
  const session = usePlayground((s) => s.session);
  const selection = usePlayground((s) => s.selection);
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(containerRef);
  const [zoom, setZoom] = useState(1);
  const [colorBy, setColorBy] = useState<ColorBy>('status');
  const [hover, setHover] = useState<{ hit: ClusterHit; x: number; y: number } | null>(null);

  const pan = useRef({ x: 0, y: 0 });
  const anchor = useRef<Anchor | null>(null);
  const tracker = useRef(new FadeInTracker());
  const alphaBuffer = useRef<Float32Array | null>(null);
  const frame = useRef(0);
  const theme = useRef(DARK_CANVAS);
  const drag = useRef<{ x: number; y: number; panX: number; panY: number; moved: boolean } | null>(null);
  const hovered = useRef<SelectionRef | null>(null);
  const selectedRef = useRef<SelectionRef | null>(selection);
  const tRef = useRef<Translate>(t);
  tRef.current = t;
  selectedRef.current = selection;

  const world = session?.world ?? null;
  const queryText = useGridView((s) => s.query);
  const sortBy = useGridView((s) => s.sortBy);
  const groupBy = useGridView((s) => s.groupBy);
  // The engine is loaded whenever a world exists; the selector parser lives there.
  const query = useMemo(() => (world && engineReady() ? compileGridQuery(queryText, engine()) : null), [world, queryText]);
  const layout = useMemo<ClusterLayout | null>(() => {
    if (!world || size.width <= 0) return null;
    // `version` is the signal that the (mutable) world changed.
    return version >= 0 ? layoutCluster(world, size, { zoom, colorBy, sortBy, groupBy, query: query ?? undefined }) : null;
  }, [world, version, size, zoom, colorBy, sortBy, groupBy, query]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  const clampPan = useCallback(() => {
    const l = layoutRef.current;
    if (!l) return;
    const contentW = l.width * l.zoom;
    const contentH = l.height * l.zoom;
    const minX = Math.min(0, size.width - contentW) - EDGE_PX;
    const minY = Math.min(0, size.height - contentH) - EDGE_PX;
    pan.current.x = Math.min(EDGE_PX, Math.max(minX, pan.current.x));
    pan.current.y = Math.min(EDGE_PX, Math.max(minY, pan.current.y));
  }, [size]);

  const draw = useCallback(() => {
    frame.current = 0;
    const canvas = canvasRef.current;
    const l = layoutRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !l || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const now = performance.now();
    alphaBuffer.current = tracker.current.alphas(l, now, alphaBuffer.current);
    drawCluster(ctx, l, {
      zoom: l.zoom,
      panX: pan.current.x,
      panY: pan.current.y,
      width: canvas.width / dpr,
      height: canvas.height / dpr,
      dpr,
      theme: theme.current,
      selected: selectedRef.current,
      hovered: hovered.current,
      t: tRef.current,
      tileAlpha: alphaBuffer.current,
    });
    if (tracker.current.animating) frame.current = requestAnimationFrame(draw);
  }, []);

  const requestDraw = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(draw);
  }, [draw]);

  useEffect(
    () => () => {
      // Reset too: StrictMode unmounts and remounts, and a stale id would block every later draw.
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    },
    [],
  );

  // Backing store follows the element size and the screen's pixel ratio.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(size.height * dpr);
    canvas.style.width = `${size.width}px`;
    canvas.style.height = `${size.height}px`;
    requestDraw();
  }, [size, requestDraw]);

  // A new scenario: forget old tiles and fit the cluster to the view.
  useLayoutEffect(() => {
    tracker.current.reset();
    pan.current = { x: 0, y: 0 };
    const s = usePlayground.getState().session;
    const el = containerRef.current;
    if (s && el && el.clientWidth > 0) {
      setZoom(clampZoom(fitZoom(s.world, { width: el.clientWidth, height: el.clientHeight })));
    }
  }, [session]);

  useLayoutEffect(() => {
    if (!layout) return;
    const el = containerRef.current;
    if (el) theme.current = canvasThemeFor((name) => getComputedStyle(el).getPropertyValue(name));
    tracker.current.observe(layout, performance.now());
    const a = anchor.current;
    if (a) {
      anchor.current = null;
      const node = a.node ? layout.nodes.find((n) => n.name === a.node) : undefined;
      if (node) {
        pan.current.x = a.sx - (node.x + a.fx * node.w) * layout.zoom;
        pan.current.y = a.sy - (node.y + a.fy * node.h) * layout.zoom;
      } else {
        pan.current.x = 0;
        pan.current.y = a.sy - a.fy * layout.height * layout.zoom;
      }
    }
    clampPan();
    requestDraw();
  }, [layout, clampPan, requestDraw]);

  useEffect(() => {
    requestDraw();
  }, [selection, requestDraw]);

  // A theme switch changes CSS variables without a new sim version: re-read them and redraw.
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(() => {
      const el = containerRef.current;
      if (!el) return;
      theme.current = canvasThemeFor((name) => getComputedStyle(el).getPropertyValue(name));
      requestDraw();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => observer.disconnect();
  }, [requestDraw]);

  // Scroll a selection made elsewhere (details panel, console) into view.
  useEffect(() => {
    const l = layoutRef.current;
    if (!selection || !l) return;
    const box =
      selection.kind === 'node' ? l.nodes.find((n) => n.name === selection.name) : l.pods.find((p) => p.name === selection.name);
    if (!box) return;
    const y = box.y * l.zoom + pan.current.y;
    if (y < 0 || y > size.height - 20) {
      pan.current.y = size.height / 3 - box.y * l.zoom;
      clampPan();
      requestDraw();
    }
  }, [selection, size, clampPan, requestDraw]);

  const zoomAt = useCallback(
    (next: number, sx: number, sy: number) => {
      const l = layoutRef.current;
      const z = clampZoom(next);
      if (!l || z === l.zoom) return;
      const p = screenToContent({ zoom: l.zoom, panX: pan.current.x, panY: pan.current.y }, sx, sy);
      const hit = hitTest(l, p.x, p.y);
      const node = hit?.kind === 'node' ? hit.node : hit?.kind === 'pod' ? hit.node : null;
      anchor.current = node
        ? { node: node.name, fx: (p.x - node.x) / node.w, fy: (p.y - node.y) / node.h, sx, sy }
        : { node: null, fx: 0, fy: l.height > 0 ? p.y / l.height : 0, sx, sy };
      setZoom(z);
    },
    [],
  );

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const l = layoutRef.current;
      if (!l) return;
      const rect = canvas.getBoundingClientRect();
      const factor = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015));
      const z = canvas.currentCSSZoom || 1;
      zoomAt(l.zoom * factor, (e.clientX - rect.left) / z, (e.clientY - rect.top) / z);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  const pointAt = (e: React.PointerEvent) => {
    const rect = e.currentTarget.getBoundingClientRect();
    // Projector mode zooms the page (CSS zoom): pointer offsets come zoomed, the layout is not.
    const z = (e.currentTarget as HTMLElement).currentCSSZoom || 1;
    return { sx: (e.clientX - rect.left) / z, sy: (e.clientY - rect.top) / z };
  };

  const updateHover = (sx: number, sy: number) => {
    const l = layoutRef.current;
    if (!l) return;
    const p = screenToContent({ zoom: l.zoom, panX: pan.current.x, panY: pan.current.y }, sx, sy);
    const hit = hitTest(l, p.x, p.y);
    const ref: SelectionRef | null = hit && hit.kind !== 'group' ? { kind: hit.kind, name: hit.name } : null;
    if (ref?.name !== hovered.current?.name || ref?.kind !== hovered.current?.kind) {
      hovered.current = ref;
      requestDraw();
    }
    setHover(hit ? { hit, x: sx, y: sy } : null);
  };

  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, panX: pan.current.x, panY: pan.current.y, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (d) {
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      d.moved = true;
      pan.current = { x: d.panX + dx, y: d.panY + dy };
      clampPan();
      setHover(null);
      requestDraw();
      return;
    }
    const { sx, sy } = pointAt(e);
    updateHover(sx, sy);
  };
  const onPointerUp = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const l = layoutRef.current;
    if (!l) return;
    const { sx, sy } = pointAt(e);
    const p = screenToContent({ zoom: l.zoom, panX: pan.current.x, panY: pan.current.y }, sx, sy);
    const hit = hitTest(l, p.x, p.y);
    usePlayground.getState().select(hit && hit.kind !== 'group' ? { kind: hit.kind, name: hit.name } : null);
  };
  const onPointerLeave = () => {
    if (hovered.current) {
      hovered.current = null;
      requestDraw();
    }
    setHover(null);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const l = layoutRef.current;
    if (!l) return;
    if (e.key === '+' || e.key === '=') zoomAt(l.zoom * 1.25, size.width / 2, size.height / 2);
    else if (e.key === '-') zoomAt(l.zoom / 1.25, size.width / 2, size.height / 2);
    else if (e.key === 'Escape') usePlayground.getState().select(null);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const fit = () => {
    if (!world) return;
    pan.current = { x: 0, y: 0 };
    setZoom(clampZoom(fitZoom(world, size, colorBy)));
  };
  // The page's layout changed under the grid (projector mode, the lesson panel): fit again.
  const fitRef = useRef(fit);
  useEffect(() => {
    fitRef.current = fit;
  });
  useEffect(() => {
    const onLayout = () => fitRef.current();
    window.addEventListener('playground:layout', onLayout);
    return () => window.removeEventListener('playground:layout', onLayout);
  }, []);

  const counts = useMemo(() => {
    if (!layout) return { nodes: 0, pods: 0, pending: 0 };
    const pending = layout.groups.find((g) => g.kind === 'pending')?.podCount ?? 0;
    return { nodes: layout.nodes.length, pods: layout.pods.length, pending };
  }, [layout]);
  // The canvas is opaque to tests and screen readers: say what the filter, sort and grouping did.
  const arrangement = useMemo(
    () => ({
      order: layout?.nodes.map((n) => n.shortName).join(' ') ?? '',
      groups: layout?.groups.filter((g) => g.kind === 'pool').map((g) => g.name).join('|') ?? '',
      matched: layout?.nodes.filter((n) => !n.dim).length ?? 0,
      notReady: layout?.nodes.filter((n) => n.state === 'notReady').length ?? 0,
    }),
    [layout],
  );
  const labelKeys = useMemo(() => {
    const keys = new Set<string>();
    if (world) for (const n of world.nodes.values()) for (const k of Object.keys(n.labels)) keys.add(k);
    return [...keys].sort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- node labels change only as nodes come and go; the layout says when
  }, [world, layout?.nodes.length]);

  return (
    <div
      className="cluster-view"
      data-testid="cluster-view"
      data-nodes={counts.nodes}
      data-pods={counts.pods}
      data-pending={counts.pending}
      data-node-order={arrangement.order}
      data-groups={arrangement.groups}
      data-matched={arrangement.matched}
      data-not-ready={arrangement.notReady}
    >
      <GridToolbar
        colorBy={colorBy}
        onColorBy={setColorBy}
        zoom={layout?.zoom ?? zoom}
        onZoom={(z) => zoomAt(z, size.width / 2, size.height / 3)}
        onFit={fit}
        workloads={layout?.workloadColors ?? EMPTY_WORKLOADS}
      />
      <GridFilterBar world={world} labelKeys={labelKeys} error={query?.error ?? null} matched={arrangement.matched} total={counts.nodes} />
      <div className="cluster-stage" ref={containerRef}>
        <canvas
          ref={canvasRef}
          className="cluster-canvas"
          role="img"
          tabIndex={0}
          aria-label={t('cluster.grid.ariaLabel', counts)}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = null)}
          onPointerLeave={onPointerLeave}
          onKeyDown={onKeyDown}
          style={{ cursor: hover?.hit && hover.hit.kind !== 'group' ? 'pointer' : 'grab' }}
        />
        {!world && <div className="cluster-empty">{t('cluster.grid.empty')}</div>}
        {hover && world && !drag.current && <GridTooltip world={world} hit={hover.hit} x={hover.x} y={hover.y} bounds={size} />}
      </div>
    </div>
  );
});
