import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterSlice } from '../cluster/layoutTypes';
import { fittedLayout, type FittedZoom } from './fittedLayout';
import { drawCluster } from '../cluster/draw';
import { canvasThemeFor } from '../theme/palette';

/**
 * One run's node grid, read-only, for compare mode: the same layout and drawing as the main grid
 * (node boxes, requests/usage bars, pod tiles), fitted to its box. `version` says the world changed.
 */
export function MiniGrid({ world, version, label, testId }: { world: ClusterSlice; version: number; label: string; testId: string }) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const r = entries[0].contentRect;
      setSize({ width: Math.floor(r.width), height: Math.floor(r.height) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const fitted = useRef<FittedZoom | null>(null);
  const layout = useMemo(() => {
    if (size.width <= 0 || size.height <= 0 || version < 0) return null;
    const { layout, fit } = fittedLayout(world, size, fitted.current);
    fitted.current = fit;
    return layout;
  }, [world, version, size]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    const el = boxRef.current;
    if (!canvas || !ctx || !layout || !el) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(size.height * dpr);
    canvas.style.width = `${size.width}px`;
    canvas.style.height = `${size.height}px`;
    const theme = canvasThemeFor((name) => getComputedStyle(el).getPropertyValue(name));
    drawCluster(ctx, layout, { zoom: layout.zoom, panX: 0, panY: 0, width: size.width, height: size.height, dpr, theme, selected: null, hovered: null, t });
  }, [layout, size, t]);

  const notReady = layout?.nodes.filter((n) => n.state === 'notReady').length ?? 0;
  return (
    <figure className="mini-grid" data-testid={testId} data-nodes={layout?.nodes.length ?? 0} data-not-ready={notReady}>
      <figcaption>{label}</figcaption>
      <div className="mini-grid-box" ref={boxRef}>
        <canvas ref={canvasRef} role="img" aria-label={label} />
      </div>
    </figure>
  );
}
