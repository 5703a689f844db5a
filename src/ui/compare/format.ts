import type { TraceSample } from '../../sim/trace/trace';

/** 90 → "1:30", 3725 → "1:02:05" (the sim clock). */
export function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${h > 0 ? `${h}:${String(m).padStart(2, '0')}` : m}:${String(s).padStart(2, '0')}`;
}

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A's chart samples up to B's sim time: B runs in the worker and can trail A by a sync in flight,
 * and a scorecard of A's longer run against B's shorter one would compare different spans.
 * The same list when nothing is past that time (the usual case once paused).
 */
export function historyUpTo(history: readonly TraceSample[], timeMs: number): readonly TraceSample[] {
  let n = history.length;
  while (n > 0 && history[n - 1].t * 1000 > timeMs) n--;
  return n === history.length ? history : history.slice(0, n);
}
