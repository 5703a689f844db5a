import { fitZoom, layoutCluster } from '../cluster/layout';
import type { ClusterLayout, ClusterSlice, Size } from '../cluster/layoutTypes';

/** The zoom a grid was last fitted at, for its box, and how much of the box's height it filled then. */
export interface FittedZoom {
  zoom: number;
  width: number;
  height: number;
  fill: number;
}

/**
 * The grid laid out to fit its box. Fitting tries up to 11 layouts (fitZoom): at 30,000 pods that is
 * ~100 ms, too much to repeat every time the run moves. So the last fit's zoom is kept while the
 * box is the same size, the grid still fits in it, and it still fills at least 85% of what it filled
 * when fitted. Otherwise, for example when nodes come or go, the grid is fitted again.
 */
export function fittedLayout(world: ClusterSlice, size: Size, last: FittedZoom | null): { layout: ClusterLayout; fit: FittedZoom } {
  const options = { colorBy: 'status' as const };
  if (last !== null && last.width === size.width && last.height === size.height) {
    const layout = layoutCluster(world, size, { ...options, zoom: last.zoom });
    const fill = (layout.height * last.zoom) / size.height;
    if (fill <= 1 && fill >= last.fill * 0.85) return { layout, fit: last };
  }
  const zoom = fitZoom(world, size);
  const layout = layoutCluster(world, size, { ...options, zoom });
  return { layout, fit: { zoom, width: size.width, height: size.height, fill: (layout.height * zoom) / size.height } };
}
