import { create } from 'zustand';
import type { TimedCommand } from '../sim/core/commands';
import type { Session } from '../sim/session';
import { usePlayground } from './playgroundStore';
import { lessonOwnCommands } from './lessonStore';

/**
 * Lost work made explicit (issue #12 item 9). Issuing a command after scrubbing back replaces the
 * rest of the run (session.issueCommand drops the later commands and the horizon): this store
 * notices that by watching the playground store, keeps what was replaced, and offers Undo.
 * Switching scenario with commands of the person's own in the run asks first (confirmDiscard).
 * Watching from outside keeps playgroundStore.ts untouched.
 */
export interface Replaced {
  /** The sim time the run was replaced after. */
  atMs: number;
  session: Session;
  previousLog: TimedCommand[];
  previousHorizonMs: number;
}

interface UndoState {
  replaced: Replaced | null;
  /** The question on screen, answered by resolve(true = discard). */
  confirm: { changes: number; resolve: (discard: boolean) => void } | null;
  dismiss(): void;
}

export const useUndo = create<UndoState>((set) => ({
  replaced: null,
  confirm: null,
  dismiss: () => set({ replaced: null }),
}));

interface Snapshot {
  session: Session | null;
  logRef: TimedCommand[] | null;
  log: TimedCommand[];
  horizonMs: number;
}

let snap: Snapshot = { session: null, logRef: null, log: [], horizonMs: 0 };

/** Compare the run with what it was at the last store update; called on every update. */
export function observeRun(session: Session | null): void {
  if (session !== snap.session) {
    snap = { session, logRef: session?.log ?? null, log: session ? [...session.log] : [], horizonMs: session?.horizonMs ?? 0 };
    if (useUndo.getState().replaced && useUndo.getState().replaced?.session !== session) useUndo.setState({ replaced: null });
    return;
  }
  if (!session) return;
  if (session.log !== snap.logRef) {
    const now = session.world.timeMs;
    const kept = new Set(session.log);
    const lost = snap.log.some((c) => !kept.has(c));
    // Run after "now" existed (more than a tick of it, or later commands) and is gone: say so.
    if (lost || snap.horizonMs > now + session.world.tickMs) {
      useUndo.setState({ replaced: { atMs: now, session, previousLog: snap.log, previousHorizonMs: Math.max(snap.horizonMs, now) } });
    }
    snap = { session, logRef: session.log, log: [...session.log], horizonMs: session.horizonMs };
    return;
  }
  snap.horizonMs = Math.max(snap.horizonMs, session.horizonMs);
}

let watching = false;

/** Start watching the playground store (once). */
export function watchRuns(): void {
  if (watching) return;
  watching = true;
  observeRun(usePlayground.getState().session);
  usePlayground.subscribe((s) => observeRun(s.session));
}

/**
 * Undo: the run as it was before the change, at the moment it branched; the rest of it can be
 * scrubbed again. The engine replays it from its first checkpoint.
 */
export function undoReplace(): void {
  const r = useUndo.getState().replaced;
  const { session, scenario, terminal } = usePlayground.getState();
  if (!r || !scenario || session !== r.session) return;
  useUndo.setState({ replaced: null });
  usePlayground.getState().loadScenario(scenario, r.previousLog);
  const restored = usePlayground.getState().session;
  if (!restored) return;
  restored.horizonMs = r.previousHorizonMs;
  // The console keeps what it showed; the seek rebuilds the world up to the branch point.
  usePlayground.setState({ terminal });
  usePlayground.getState().seekTo(r.atMs);
}

/**
 * Commands of the person's own in the current run (typed, sliders, buttons). In a lesson, the steps'
 * own Show me commands are the lesson's, not the person's: it prepares them again.
 */
export function userChanges(): number {
  return lessonOwnCommands()?.length ?? usePlayground.getState().session?.log.length ?? 0;
}

/** Before replacing the run: true at once if nothing of the person's would be lost, else ask. */
export function confirmDiscard(): Promise<boolean> {
  const changes = userChanges();
  if (changes === 0) return Promise.resolve(true);
  useUndo.getState().confirm?.resolve(false);
  return new Promise((resolve) => {
    useUndo.setState({
      confirm: {
        changes,
        resolve: (discard) => {
          useUndo.setState({ confirm: null });
          resolve(discard);
        },
      },
    });
  });
}
