/**
 * How often the play loop publishes the world to the panels (bumps the store's `version`).
 *
 * Measured (docs/performance.md, "What the long tasks were made of"): at 200 nodes / 5,000 pods
 * the engine's own ticks are a few percent of the main thread while playing at 1000×; the long
 * tasks are the publication that follows each frame's ticks — React re-rendering every panel that
 * reads the world, the charts rebuilding their series over the whole history, and the browser's
 * style, layout, paint and compositor commit for all of it. Publishing every frame cost more than
 * a frame. So the loop keeps advancing the engine every frame but publishes only when the last
 * publication's cost has been paid back: the next one waits `RATIO` times what the last one took
 * (a cheap publication still lands every frame), never longer than `MAX_GAP_MS`, and a frame that
 * publishes leaves the engine less of its budget so the two together fit in one frame.
 *
 * The world stays a function of (log, sim time), so pacing changes what is shown when, never what
 * happens: determinism is untouched.
 */
export const FRAME_MS = 16;
/** Publication takes at most about 1 / RATIO of the main thread while playing. */
const RATIO = 3;
/** Panels show the playing world at least this often, however slow publication gets. */
export const MAX_GAP_MS = 250;
/** The engine always gets at least this much of a publishing frame, so the run keeps moving. */
const MIN_ENGINE_MS = 3;
/** Weight of the newest measurement (publication cost varies frame to frame with what changed). */
const EWMA = 0.5;

export class FramePacer {
  private nextAt = -Infinity;
  private cost = 0;

  /** Whether a frame starting at `now` publishes. */
  due(now: number): boolean {
    return now >= this.nextAt;
  }

  /** Engine budget for this frame: all of `budgetMs`, less what publishing is expected to take. */
  engineBudget(now: number, budgetMs: number): number {
    if (!this.due(now)) return budgetMs;
    return Math.max(MIN_ENGINE_MS, Math.min(budgetMs, FRAME_MS - this.cost));
  }

  /** A publication started at `start` took `costMs` (store listeners, React render and effects). */
  published(start: number, costMs: number): void {
    this.cost = this.cost === 0 ? costMs : EWMA * costMs + (1 - EWMA) * this.cost;
    this.nextAt = start + Math.min(MAX_GAP_MS, RATIO * this.cost);
  }

  /** Publish at the next frame (a command, a seek or a new run changed what panels must show). */
  reset(): void {
    this.nextAt = -Infinity;
  }

  /** Expected cost of a publication, ms (for diagnostics). */
  get costMs(): number {
    return this.cost;
  }
}
