import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { plotScales, type PlotView } from './geometry';
import { bandRuns } from './bands';
import type { PanelModel } from './series';

interface Props {
  panel: PanelModel;
  times: readonly number[];
  view: PlotView;
  children: ReactNode;
}

/**
 * Shades a panel's bands (e.g. "ScaledObject active") over its plot. The panel itself stays the
 * shared ChartPanel; this lays a translucent, click-through SVG on the plot area it finds inside.
 */
export function BandOverlay({ panel, times, view, children }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const measure = () => {
      const plot = host.querySelector('.plot');
      if (!plot) return;
      const a = host.getBoundingClientRect();
      const b = plot.getBoundingClientRect();
      const next = { top: Math.round(b.top - a.top), left: Math.round(b.left - a.left) };
      setOffset((prev) => (prev && prev.top === next.top && prev.left === next.left ? prev : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(host);
    return () => ro.disconnect();
  }, []);

  const { x, margin } = plotScales(panel, times, view);
  const bottom = view.height - margin.bottom;
  return (
    <div ref={hostRef} className="banded-chart" style={{ position: 'relative' }}>
      {children}
      {offset && (
        <svg
          className="band-overlay"
          data-testid={`bands-${panel.id}`}
          width={view.width}
          height={view.height}
          style={{ position: 'absolute', top: offset.top, left: offset.left, pointerEvents: 'none' }}
          aria-hidden="true"
        >
          {(panel.bands ?? []).flatMap((band) =>
            bandRuns(band, times, view.t0, view.t1).map((r) => {
              const x0 = x(r.from);
              const w = Math.max(1, x(r.to) - x0);
              return (
                <g key={`${band.key}-${r.from}`} data-band={band.key}>
                  <rect
                    x={x0}
                    y={margin.top}
                    width={w}
                    height={bottom - margin.top}
                    fill={band.color}
                    fillOpacity={0.16}
                  />
                  {w > 44 && (
                    <text x={x0 + 3} y={margin.top + 10} className="tick" fill={band.color}>
                      {band.label}
                    </text>
                  )}
                </g>
              );
            }),
          )}
        </svg>
      )}
    </div>
  );
}
