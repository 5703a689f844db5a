/** Below this zoom a node is drawn as bars only. */
export const COMPACT_ZOOM = 0.55;
export const MIN_ZOOM = 0.15;
export const MAX_ZOOM = 4;
export const FIT_MAX_ZOOM = 1.6;

export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(z) ? z : 1));
}

/** Group titles are drawn at this many screen pixels whatever the zoom. */
export const GROUP_HEADER_PX = 20;
