import type { ManifestDoc, TimedCommand } from './core/commands';
import type { ScenarioSpec } from './core/scenario';
import type { World } from './core/types';
import { deflatePods, packWorld, unpackWorld, type PackedWorld } from './core/checkpoint';
import { packUnsharedRings, restoreRings, type PackedRings } from './core/checkpointRings';
import { step } from './core/step';
import { settleCpu } from './cluster/cpuLedgerPending';
import { createWorld } from './bootstrap';
import { enqueueCommand } from './commands/apply';
import { sampleWorld, type TraceSample } from './trace/trace';
import { autoscalerTraceEntries } from './autoscalers/trace';
import { packUnsharedKrrHead, restoreKrrHead, type PackedKrrFrames } from './autoscalers/vpa/krrFrameCodec';
import { evaluateAttached, replayFloorMs, rewindAttached, type AttachedChecks } from './checks/attached';

/**
 * A run: scenario + seed + the person's command log. The log and the scenario fully describe it,
 * so any past moment can be rebuilt by replaying from the nearest checkpoint. Checkpoints are
 * packed copies (core/checkpoint.ts: pods as columns, the rest deep-copied, sharing the frozen KRR
 * frames, events and logs; shrunk once past the recent quarter hour) taken every
 * checkpointIntervalMs of sim time; their number is capped by a budget of pods held
 * (maxCheckpoints), and when over it the checkpoint whose removal leaves the smallest gap goes, so
 * they stay evenly spread over the run and memory is flat.
 */
export const CHECKPOINT_MS = 60_000;

/**
 * Packing a large world costs tens of milliseconds, and shrinking it once it is old as much again,
 * while replaying a few minutes of it costs less; so big worlds are checkpointed less often.
 * Replays are exact either way.
 */
export function checkpointIntervalMs(pods: number): number {
  return pods < 1_000 ? CHECKPOINT_MS : pods < 2_500 ? 5 * CHECKPOINT_MS : 10 * CHECKPOINT_MS;
}
const MAX_CHECKPOINTS = 180;
/**
 * How many pods all checkpoints together may hold. Over a simulated day at 6,600 pods a checkpoint
 * past the recent quarter hour holds ~1.8 MB once shrunk (shrinkOldCheckpoints: 0.3 MB of
 * deflated pod columns, 1.0 MB of nodes and controller state, 0.3 MB of packed KRR head, events and
 * log lines); unshrunk it held ~7 MB, and a deep copy ~17. The budget keeps 75 of them, in ~133 MB
 * (the 25 the budget kept before took ~184 MB): within the day no gap grows past 20 minutes, so no
 * seek replays more. 5,000 pods keep 100; 30,000 pods (~4 MB each, shrunk) keep 16.
 */
const CHECKPOINT_POD_BUDGET = 500_000;
const MIN_CHECKPOINTS = 6;

export function maxCheckpoints(pods: number): number {
  return Math.max(MIN_CHECKPOINTS, Math.min(MAX_CHECKPOINTS, Math.floor(CHECKPOINT_POD_BUDGET / Math.max(1, pods))));
}

/**
 * A run's first half hour replays two to four times slower than a later stretch of the same
 * length: every pod is created, scheduled and started, and the autoscalers make their first and
 * largest decisions (the Cluster Autoscaler's first scale-down simulates draining every candidate
 * node). Measured over the day bench's world (6,600 pods, HPA + CA), in CPU time: 0:00–0:20 took
 * 1.18 s, later 20-minute stretches 0.3–0.55 s. Thinning therefore weighs that stretch three times,
 * which keeps its checkpoints about three times as dense, so no seek has to replay it whole.
 */
export const COSTLY_HEAD_MS = 30 * CHECKPOINT_MS;
const COSTLY_HEAD_WEIGHT = 3;

/** What replaying from `fromMs` to `toMs` costs, in weighted milliseconds of sim time. */
export function replayWeightMs(fromMs: number, toMs: number): number {
  const head = Math.max(0, Math.min(toMs, COSTLY_HEAD_MS) - fromMs);
  return toMs - fromMs + (COSTLY_HEAD_WEIGHT - 1) * head;
}

/**
 * Drop checkpoints (never the first or the newest, nor any taken at or after `keepFromMs`) until
 * `max` remain, always merging the gap that is cheapest to replay (replayWeightMs).
 */
export function thinCheckpoints<T extends { timeMs: number }>(list: T[], max: number, keepFromMs = Infinity): T[] {
  const out = list.slice();
  while (out.length > Math.max(2, max)) {
    let best = -1;
    let bestGap = Infinity;
    for (let i = 1; i < out.length - 1 && out[i].timeMs < keepFromMs; i++) {
      const gap = replayWeightMs(out[i - 1].timeMs, out[i + 1].timeMs);
      if (gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    if (best < 0) break;
    out.splice(best, 1);
  }
  return out;
}

/**
 * The checkpoints of the last quarter hour are never thinned: the seek people make most is a
 * little way back from where they paused, and in a long run the even spread leaves the gap before
 * the newest checkpoint as long as any (an hour over a simulated day at 6,600 pods).
 */
const RECENT_CHECKPOINTS_MS = 15 * CHECKPOINT_MS;

export interface Checkpoint {
  timeMs: number;
  packed: PackedWorld;
  /** The KRR head, packed once the live world stopped sharing it (krrFrameCodec.ts; null: it cannot be). */
  krrHead?: PackedKrrFrames | null;
  /** Its log lines and events, each packed once the live ring dropped them (checkpointRings.ts). */
  rings: PackedRings;
}

export interface Session {
  spec: ScenarioSpec;
  manifests: ManifestDoc[];
  world: World;
  /** Commands the person issued (the scenario's own timeline is part of the spec). */
  log: TimedCommand[];
  checkpoints: Checkpoint[];
  /** Furthest sim time ever reached: the scrubber's right end. */
  horizonMs: number;
  /** A sample every HISTORY_MS for charts, rebuilt by replay when seeking back. */
  history: TraceSample[];
  /** Checks (a lesson step's) evaluated after every tick, latched with the time they first held (src/sim/checks). */
  checks?: AttachedChecks;
  /**
   * False when another copy of this run keeps the checkpoints (the engine worker's replica,
   * src/sim/worker): the page's session then never pays for deep copies while playing, and seeks
   * are answered by the replica.
   */
  checkpointing?: boolean;
}

export const HISTORY_MS = 5_000;
const MAX_HISTORY = 4 * 3600_000 / HISTORY_MS;

function record(session: Session): void {
  const w = session.world;
  if (w.timeMs % HISTORY_MS !== 0) return;
  const last = session.history[session.history.length - 1];
  if (last && last.t * 1000 >= w.timeMs) return;
  session.history.push(sampleWorld(w, false));
  if (session.history.length > MAX_HISTORY) session.history.splice(0, session.history.length - MAX_HISTORY);
}

/**
 * The session's state now, as a trace sample: the newest history sample when it was taken at the
 * world's time, else a sample of the world as it stands. History keeps one sample every HISTORY_MS,
 * so a run paused between two (a lesson's "run until" stops on the tick its check held) would show
 * an autoscaler as it was up to 4 s earlier, next to kubectl answering from the world now.
 */
export function currentSample(session: Session): TraceSample {
  return sampleTakenNow(session) ?? sampleWorld(session.world, false);
}

/** currentSample's autoscaler entries alone: what a view polled every frame needs, without the pods' pass. */
export function currentAutoscalerStates(session: Session): TraceSample['autoscalers'] {
  return sampleTakenNow(session)?.autoscalers ?? autoscalerTraceEntries(session.world);
}

function sampleTakenNow(session: Session): TraceSample | undefined {
  const last = session.history[session.history.length - 1];
  return last !== undefined && last.t * 1000 === session.world.timeMs ? last : undefined;
}

export function createSession(spec: ScenarioSpec, manifests: ManifestDoc[], log: TimedCommand[] = []): Session {
  const world = createWorld(spec, manifests);
  const session: Session = {
    spec,
    manifests,
    world,
    log: [],
    checkpoints: [takeCheckpoint(world)],
    horizonMs: 0,
    history: [sampleWorld(world, false)],
  };
  for (const cmd of log) {
    session.log.push(cmd);
    enqueueCommand(world, cmd);
  }
  return session;
}

function checkpoint(session: Session): void {
  const w = session.world;
  const last = session.checkpoints[session.checkpoints.length - 1];
  if (w.timeMs % CHECKPOINT_MS !== 0 || (last && w.timeMs - last.timeMs < checkpointIntervalMs(w.pods.size))) return;
  session.checkpoints.push(takeCheckpoint(w));
  const max = maxCheckpoints(w.pods.size);
  const recentFromMs = w.timeMs - RECENT_CHECKPOINTS_MS;
  if (session.checkpoints.length > max) session.checkpoints = thinCheckpoints(session.checkpoints, max, recentFromMs);
  shrinkOldCheckpoints(session.checkpoints, recentFromMs, w);
}

/**
 * Shrink the checkpoints that aged out of the recent quarter hour: deflate their pod columns, and
 * pack what they no longer share with the live world: the log lines its ring has dropped, and the
 * KRR head of a window it has compacted. Shrunk, a checkpoint costs ~1.8 MB at 6,600 pods instead
 * of ~6, so three times as many fit in the same memory and a seek replays a third of the gap.
 */
function shrinkOldCheckpoints(list: Checkpoint[], recentFromMs: number, live: World): void {
  for (const c of list) {
    if (c.timeMs >= recentFromMs) break;
    deflatePods(c.packed);
    if (c.krrHead === undefined) c.krrHead = packUnsharedKrrHead(c.packed.rest, live);
    packUnsharedRings(c.packed.rest, live, c.rings);
  }
}

/** Advance by whole ticks; returns the ticks run. */
export function advance(session: Session, dtMs: number): number {
  const w = session.world;
  const target = w.timeMs + dtMs;
  let ticks = 0;
  while (w.timeMs + w.tickMs <= target) {
    step(w);
    ticks++;
    if (session.checkpointing !== false) checkpoint(session);
    record(session);
    if (session.checks) evaluateAttached(session.checks, w);
  }
  session.horizonMs = Math.max(session.horizonMs, w.timeMs);
  // Between advances the world is whole: the views, the console's throwaway copies
  // (structuredClone, which cannot see what the load model owes the CPU ledger) and anything
  // else outside the engine read every CPU addition made so far.
  settleCpu(w);
  return ticks;
}

/**
 * Record and queue a command. It applies at the next tick boundary; stamping it just after "now"
 * keeps it out of any checkpoint taken at "now", so a replay applies it exactly once.
 * Issuing a command in the past (after seeking back) discards the log after that moment. Commands
 * stamped at this same instant (issued while paused here, not applied yet) stay, in order: a
 * paused person who types `kubectl autoscale` and then moves the Load slider means both.
 */
export function issueCommand(session: Session, input: string, command: TimedCommand['command']): TimedCommand {
  const atMs = session.world.timeMs + 1;
  const discarded = new Set(session.log.filter((c) => c.atMs > atMs));
  session.log = session.log.filter((c) => !discarded.has(c));
  session.world.pendingCommands = session.world.pendingCommands.filter((c) => !discarded.has(c));
  session.checkpoints = session.checkpoints.filter((c) => c.timeMs <= session.world.timeMs);
  session.horizonMs = session.world.timeMs;
  const cmd: TimedCommand = { atMs, input, command };
  session.log.push(cmd);
  enqueueCommand(session.world, cmd);
  return cmd;
}

/**
 * Every command one line stands for (`kubectl scale deployment a b --replicas=4`), stamped at the
 * same instant and applied in order.
 */
export function issueCommands(session: Session, input: string, commands: readonly TimedCommand['command'][]): TimedCommand[] {
  if (commands.length === 0) return [];
  const first = issueCommand(session, input, commands[0]);
  const out = [first];
  for (const command of commands.slice(1)) {
    const cmd: TimedCommand = { atMs: first.atMs, input, command };
    session.log.push(cmd);
    enqueueCommand(session.world, cmd);
    out.push(cmd);
  }
  return out;
}

function takeCheckpoint(world: World): Checkpoint {
  return { timeMs: world.timeMs, packed: packWorld(world), rings: {} };
}

function restoreCheckpoint(c: Checkpoint): World {
  const world = unpackWorld(c.packed);
  if (c.krrHead) restoreKrrHead(world, c.krrHead);
  restoreRings(world, c.rings);
  return world;
}

/**
 * Jump to `targetMs`: restore the nearest checkpoint at or before it and replay. Yields progress
 * (0..1) every `ticksPerChunk` ticks so a UI can show a long replay; run it to completion with
 * `for (const _ of seek(...))`.
 */
export function* seek(session: Session, targetMs: number, ticksPerChunk = 600): Generator<number, void> {
  const target = Math.max(0, Math.min(targetMs, session.horizonMs));
  let base = session.checkpoints[0];
  // Attached checks that have not held yet must see every tick from where they were last evaluated.
  const floor = Math.min(target, session.checks ? replayFloorMs(session.checks) : Infinity);
  for (const c of session.checkpoints) if (c.timeMs <= floor && c.timeMs >= base.timeMs) base = c;
  if (!(session.world.timeMs <= target && session.world.timeMs >= base.timeMs)) {
    const world = restoreCheckpoint(base);
    world.pendingCommands = [];
    for (const cmd of [...session.spec.timeline, ...session.log]) if (cmd.atMs > base.timeMs) enqueueCommand(world, cmd);
    session.world = world;
    if (session.checks) rewindAttached(session.checks, world);
  }
  session.history = session.history.filter((h) => h.t * 1000 <= session.world.timeMs);
  const start = session.world.timeMs;
  // The minute SCRUB_LEAD_MS before the target (rounded up) is where a long seek leaves a checkpoint.
  const scrubAtMs = Math.ceil((target - SCRUB_LEAD_MS) / CHECKPOINT_MS) * CHECKPOINT_MS;
  let ticks = 0;
  while (session.world.timeMs + session.world.tickMs <= target) {
    step(session.world);
    record(session);
    if (session.checks) evaluateAttached(session.checks, session.world);
    const t = session.world.timeMs;
    if (t === scrubAtMs && t - start >= SCRUB_CHECKPOINT_AFTER_MS) keepScrubCheckpoint(session);
    if (++ticks % ticksPerChunk === 0) yield (session.world.timeMs - start) / Math.max(1, target - start);
  }
  yield 1;
}

/** Where a long seek leaves its checkpoint: this far before its target (to the minute)... */
const SCRUB_LEAD_MS = 10 * CHECKPOINT_MS;
/** ...when it has replayed at least this much by then (a seek of 15 minutes or more). */
const SCRUB_CHECKPOINT_AFTER_MS = 5 * CHECKPOINT_MS;

/**
 * A person who seeks back often seeks again nearby (scrubbing, stepping back a minute), and each
 * such seek would replay the same long gap from the same checkpoint. So a long seek packs the world
 * ten minutes before its target and inserts it among the checkpoints, one over the budget: seeks
 * up to ten minutes back from there, or forward again, then replay minutes, not the gap.
 * Playing on past the horizon thins them back to the budget (the scrub checkpoint usually goes
 * first: it splits a gap the others span).
 */
function keepScrubCheckpoint(session: Session): void {
  if (session.checkpointing === false) return;
  const w = session.world;
  const list = session.checkpoints;
  let at = list.length;
  while (at > 0 && list[at - 1].timeMs > w.timeMs) at--;
  if (at > 0 && list[at - 1].timeMs === w.timeMs) return;
  list.splice(at, 0, takeCheckpoint(w));
  const max = maxCheckpoints(w.pods.size) + 1;
  if (list.length > max) session.checkpoints = thinCheckpoints(list, max, session.horizonMs - RECENT_CHECKPOINTS_MS);
}

export function seekNow(session: Session, targetMs: number): void {
  for (const _ of seek(session, targetMs, Number.MAX_SAFE_INTEGER)) {
    /* run to completion */
  }
}
