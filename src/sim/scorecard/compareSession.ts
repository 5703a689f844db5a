/**
 * Run B beside run A on one clock: B is its own session, advanced or rewound to A's sim time.
 * Engine code (no UI), so it works the same wherever the engine runs (main thread or a worker).
 */
import { advance, seekNow, type Session } from '../session';
import type { Trace, TraceSample } from '../trace/trace';
import { HISTORY_MS } from '../session';

/** Bring B to `timeMs` (A's clock): forward by whole ticks, or back through B's checkpoints. */
export function syncSessionTo(b: Session, timeMs: number): void {
  const now = b.world.timeMs;
  if (timeMs > now) {
    // Extend B's horizon first so a later seek back can replay to any point it has reached.
    advance(b, timeMs - now);
  } else if (timeMs < now) {
    seekNow(b, timeMs);
  }
}

/** A session's chart history as trace JSON (docs/trace.md), for Export and the scorecard. */
export function historyTrace(s: Session): Trace {
  const samples: TraceSample[] = s.history;
  return {
    version: 1,
    scenario: s.spec.name,
    seed: s.spec.seed,
    durationSeconds: Math.round(s.world.timeMs / 1000),
    sampleSeconds: HISTORY_MS / 1000,
    samples,
    // The world keeps its most recent events (a ring); older ones are not in the export.
    events: [...s.world.events],
  };
}
