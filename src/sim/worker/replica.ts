/**
 * The engine worker's copy of the page's run. A run is a function of (scenario, seed, command log,
 * sim time), so the worker can keep an exact replica of the page's session by following the log
 * and the clock alone: it takes the checkpoints (the deep copies that cost the page long frames at
 * high speed) and answers seeks and long replays, then hands the resulting world to the page.
 */
import type { TimedCommand } from '../core/commands';
import type { AttachedChecks } from '../checks/attached';
import { advance, HISTORY_MS, seek, type Session } from '../session';
import { enqueueCommand } from '../commands/apply';
import type { TraceSample } from '../trace/trace';
import type { World } from '../core/types';
import { freezeKrrFrames } from '../autoscalers/vpa/krrHistory';

function sameCommand(a: TimedCommand, b: TimedCommand): boolean {
  return a === b || (a.atMs === b.atMs && a.input === b.input && JSON.stringify(a.command) === JSON.stringify(b.command));
}

/** Ticks between progress reports (and chances to notice a cancel). */
export const CHUNK_TICKS = 300;

/**
 * Bring the replica to the page's command log and sim time, in chunks (yields progress 0..1).
 * Commands that differ from the replica's log at or before its clock (the page issued a command
 * after seeking back, or the replica ran past a command it had not yet heard of) force a replay
 * from the last checkpoint before the difference; later ones are simply queued. The replica's own
 * checks are never involved: the page owns them (see `goto`).
 */
export function* syncReplica(r: Session, log: readonly TimedCommand[], timeMs: number, chunk = CHUNK_TICKS): Generator<number, void> {
  let i = 0;
  while (i < r.log.length && i < log.length && sameCommand(r.log[i], log[i])) i++;
  let divergeMs = Infinity;
  for (let k = i; k < r.log.length; k++) divergeMs = Math.min(divergeMs, r.log[k].atMs);
  for (let k = i; k < log.length; k++) divergeMs = Math.min(divergeMs, log[k].atMs);
  const now = r.world.timeMs;
  if (divergeMs <= now || timeMs < now) {
    r.log = log.slice();
    // Checkpoints from the difference on hold worlds that applied (or missed) the old commands.
    r.checkpoints = r.checkpoints.filter((c) => c.timeMs < divergeMs);
    if (r.checkpoints.length === 0) throw new Error('replica: no checkpoint before the first command');
    const back = Math.min(timeMs, divergeMs - 1);
    r.horizonMs = Math.max(r.horizonMs, back);
    // The world now is past `back`, so seek restores a checkpoint and rebuilds the queue from the new log.
    for (const p of seek(r, back, chunk)) yield p * 0.5;
    r.horizonMs = r.world.timeMs;
  } else {
    const dropped = new Set(r.log.slice(i));
    if (dropped.size > 0) r.world.pendingCommands = r.world.pendingCommands.filter((c) => !dropped.has(c));
    r.log = r.log.slice(0, i);
    for (let k = i; k < log.length; k++) {
      r.log.push(log[k]);
      enqueueCommand(r.world, log[k]);
    }
  }
  yield* advanceInChunks(r, timeMs, chunk);
}

function* advanceInChunks(r: Session, timeMs: number, chunk: number): Generator<number, void> {
  const start = r.world.timeMs;
  const span = Math.max(1, timeMs - start);
  while (r.world.timeMs + r.world.tickMs <= timeMs) {
    advance(r, Math.min(timeMs - r.world.timeMs, chunk * r.world.tickMs));
    yield (r.world.timeMs - start) / span;
  }
}

/** What the page installs after a seek or replay done by the replica. */
export interface GotoResult {
  world: World;
  /** The page keeps its chart samples up to this time and appends `samples`. */
  keepHistoryToMs: number;
  samples: TraceSample[];
  checks?: AttachedChecks;
  horizonMs: number;
}

export interface GotoJob {
  log: readonly TimedCommand[];
  /** The page's sim time when it asked (its world = the run at that time). */
  fromMs: number;
  targetMs: number;
  checks?: AttachedChecks;
}

/**
 * A seek (target before the page's time) or a replay forward (after it), run by the replica with
 * the page's checks attached. Yields progress; the caller may stop iterating (Cancel) after any
 * yield and still take `gotoResult`: the replay stays where it has got to. The catch-up to the
 * page's time comes first and is not reported as progress of the seek itself.
 */
export function* goto(r: Session, job: GotoJob, chunk = CHUNK_TICKS): Generator<number, void> {
  for (const _ of syncReplica(r, job.log, job.fromMs, chunk)) yield 0;
  yield* gotoTarget(r, job, chunk);
}

/** The part of `goto` after the replica has caught up with the page: the person's seek or replay. */
export function* gotoTarget(r: Session, job: GotoJob, chunk = CHUNK_TICKS): Generator<number, void> {
  r.checks = job.checks;
  if (job.targetMs < r.world.timeMs) {
    for (const p of seek(r, job.targetMs, chunk)) yield p;
  } else {
    yield* advanceInChunks(r, job.targetMs, chunk);
  }
  yield 1;
}

/** The replica's state after `goto`, for the page; the page's checks go back to the page. */
export function gotoResult(r: Session, fromMs: number): GotoResult {
  const keepHistoryToMs = Math.min(fromMs, r.world.timeMs);
  const checks = r.checks;
  delete r.checks;
  return {
    world: r.world,
    keepHistoryToMs,
    samples: r.history.filter((h) => h.t * 1000 > keepHistoryToMs),
    checks,
    horizonMs: r.horizonMs,
  };
}

const MAX_HISTORY = (4 * 3600_000) / HISTORY_MS;

/**
 * Install a replica's result in the page's session. The world arrives by structured clone, which
 * keeps shared objects shared but not frozen: freeze the KRR frames again so checkpoints keep
 * sharing them.
 */
export function installGotoResult(session: Session, res: GotoResult): void {
  freezeKrrFrames(res.world);
  session.world = res.world;
  const kept = session.history.filter((h) => h.t * 1000 <= res.keepHistoryToMs);
  for (const s of res.samples) kept.push(s);
  session.history = kept.length > MAX_HISTORY ? kept.slice(kept.length - MAX_HISTORY) : kept;
  if (res.checks) session.checks = res.checks;
  else delete session.checks;
  session.horizonMs = Math.max(session.horizonMs, session.world.timeMs);
}
