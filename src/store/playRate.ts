import { create } from 'zustand';

/**
 * The speed the play loop actually achieves (sim seconds per real second), measured over about
 * half a second of playing. At high speeds on a slow or busy machine the engine cannot keep up
 * with the speed picked; the loop then drops its backlog rather than freeze the page, and the
 * controls show this figure beside the chosen speed, so the shown speed is never a fiction.
 */
interface PlayRateState {
  /** null until measured (or after a pause). */
  achieved: number | null;
}

export const usePlayRate = create<PlayRateState>(() => ({ achieved: null }));

const WINDOW_MS = 500;
/** A longer silence than this means the loop was paused (or the tab hidden): start a new window. */
const GAP_MS = 250;
let windowStart = -Infinity;
let lastCall = -Infinity;
let simMs = 0;

/** Called by the play loop every playing frame: `ranSimMs` of sim time ran in the frame at `now`. */
export function notePlayed(now: number, ranSimMs: number): void {
  if (now - lastCall > GAP_MS) {
    windowStart = now;
    simMs = 0;
  }
  lastCall = now;
  simMs += ranSimMs;
  const wall = now - windowStart;
  if (wall < WINDOW_MS) return;
  const achieved = simMs / wall;
  windowStart = now;
  simMs = 0;
  if (usePlayRate.getState().achieved !== achieved) usePlayRate.setState({ achieved });
}

/** Forget the measurement (paused, a new run). */
export function resetPlayRate(): void {
  lastCall = -Infinity;
  if (usePlayRate.getState().achieved !== null) usePlayRate.setState({ achieved: null });
}
