import type { ClusterLayout } from './layoutTypes';

/** How long a new pod takes to fade in, in wall-clock ms. */
export const FADE_MS = 400;
/**
 * At most this many tiles fade at once. A burst beyond it (a 500-pod scale-up) appears at once:
 * the per-tile alpha path costs more than a plain fill, and a frame must never stall on it.
 */
export const MAX_FADING = 120;

/**
 * Remembers which pods the grid has already shown, and when each new one first appeared, so new
 * tiles fade in. Time is wall-clock (animation), never sim time.
 */
export class FadeInTracker {
  private seen = new Set<string>();
  private bornAt = new Map<string, number>();
  private primed = false;

  /** Record the tiles of a fresh layout; the first layout ever shown does not animate. */
  observe(layout: ClusterLayout, nowMs: number): void {
    const current = new Set<string>();
    let fading = this.bornAt.size;
    for (const tile of layout.pods) {
      current.add(tile.name);
      if (this.seen.has(tile.name)) continue;
      this.seen.add(tile.name);
      if (this.primed && fading < MAX_FADING) {
        this.bornAt.set(tile.name, nowMs);
        fading++;
      }
    }
    // Forget pods that left, so a recreated name fades in again and the sets stay bounded.
    if (current.size !== this.seen.size) {
      for (const name of this.seen) if (!current.has(name)) this.seen.delete(name);
      for (const name of this.bornAt.keys()) if (!current.has(name)) this.bornAt.delete(name);
    }
    this.primed = true;
  }

  /**
   * Per-tile opacity for this frame, or null when nothing is fading (the fast path). Reuses
   * `into` when it is big enough, so steady animation does not allocate per frame.
   */
  alphas(layout: ClusterLayout, nowMs: number, into: Float32Array | null): Float32Array | null {
    for (const [name, born] of this.bornAt) if (nowMs - born >= FADE_MS) this.bornAt.delete(name);
    if (this.bornAt.size === 0) return null;
    const out = into && into.length >= layout.pods.length ? into : new Float32Array(layout.pods.length);
    for (let i = 0; i < layout.pods.length; i++) {
      const born = this.bornAt.get(layout.pods[i].name);
      out[i] = born === undefined ? 1 : Math.max(0.05, Math.min(1, (nowMs - born) / FADE_MS));
    }
    return out;
  }

  get animating(): boolean {
    return this.bornAt.size > 0;
  }

  reset(): void {
    this.seen.clear();
    this.bornAt.clear();
    this.primed = false;
  }
}
