/**
 * Karpenter's provisioning batcher (pkg/controllers/provisioning/batcher.go): the first pending
 * pod opens a window; every new pod extends it by --batch-idle-duration; it closes when that idle
 * time passes with no new pod, or at --batch-max-duration after it opened, whichever is first.
 * Times are in seconds.
 */
export const DEFAULT_BATCH_IDLE_SECONDS = 1;
export const DEFAULT_BATCH_MAX_SECONDS = 10;

export interface BatchSettings {
  idleSeconds: number;
  maxSeconds: number;
}

export const DEFAULT_BATCH_SETTINGS: BatchSettings = {
  idleSeconds: DEFAULT_BATCH_IDLE_SECONDS,
  maxSeconds: DEFAULT_BATCH_MAX_SECONDS,
};

/** An open batch window; null when no window is open. */
export interface BatchWindow {
  openedAt: number;
  lastPodAt: number;
  podCount: number;
}

export function openOrExtendBatch(window: BatchWindow | null, podArrivalAt: number): BatchWindow {
  if (!window) return { openedAt: podArrivalAt, lastPodAt: podArrivalAt, podCount: 1 };
  return { ...window, lastPodAt: podArrivalAt, podCount: window.podCount + 1 };
}

/** When the window closes if no further pod arrives. */
export function batchCloseAt(window: BatchWindow, settings: BatchSettings = DEFAULT_BATCH_SETTINGS): number {
  return Math.min(window.lastPodAt + settings.idleSeconds, window.openedAt + settings.maxSeconds);
}

export function isBatchClosed(window: BatchWindow, now: number, settings: BatchSettings = DEFAULT_BATCH_SETTINGS): boolean {
  return now >= batchCloseAt(window, settings);
}

/**
 * Replays pod arrival times (any order) and returns when the first batch closes and how many pods
 * it took. A pod arriving exactly at the close time belongs to the next batch.
 */
export function firstBatch(
  podArrivalSeconds: readonly number[],
  settings: BatchSettings = DEFAULT_BATCH_SETTINGS,
): { windowCloseSeconds: number; podsInBatch: number } | undefined {
  const arrivals = [...podArrivalSeconds].sort((a, b) => a - b);
  if (arrivals.length === 0) return undefined;
  let window: BatchWindow | null = null;
  for (const t of arrivals) {
    if (window && t >= batchCloseAt(window, settings)) break;
    window = openOrExtendBatch(window, t);
  }
  const w = window as BatchWindow;
  return { windowCloseSeconds: batchCloseAt(w, settings), podsInBatch: w.podCount };
}
