import type { World } from '../core/types';
import { evaluateChecks, newScope, type CheckScope } from './evaluate';
import type { Check } from './types';
import type { Message } from '../core/message';

/** A check attached to a session, latched with the sim time it first held. */
export interface AttachedCheck {
  id: string;
  check: Check;
  /** Sim time (ms) at which it first held since it was attached; null while it has not. */
  heldAtMs: number | null;
  /** Whether it holds at the latest evaluation (a latched check may stop holding later). */
  holdsNow: boolean;
  /** The number a comparison read at the latest evaluation. */
  observed?: number;
  observedUnit?: 'ms';
  /** At the latest evaluation: why it could not hold (an object it names does not exist). */
  reason?: Message;
}

/**
 * Checks evaluated once per tick by the session (session.ts calls evaluateAttached after every
 * step, and rewindAttached when a seek restores an earlier world). Plain data.
 */
export interface AttachedChecks {
  scope: CheckScope;
  entries: AttachedCheck[];
  /** Sim time of the latest evaluation. */
  evaluatedAtMs: number;
}

/** What the UI reads: per check, whether and when it held. */
export interface CheckStatus {
  id: string;
  held: boolean;
  heldAtMs: number | null;
  holdsNow: boolean;
  observed?: number;
  observedUnit?: 'ms';
  reason?: Message;
}

export function attachChecks(world: World, checks: readonly { id: string; check: Check }[]): AttachedChecks {
  const set: AttachedChecks = {
    scope: newScope(world),
    entries: checks.map((c) => ({ id: c.id, check: c.check, heldAtMs: null, holdsNow: false })),
    evaluatedAtMs: -1,
  };
  evaluateAttached(set, world);
  return set;
}

export function evaluateAttached(set: AttachedChecks, world: World): void {
  // Before the moment they were attached (a seek went further back), checks do not run.
  if (world.timeMs < set.scope.startMs) return;
  const values = evaluateChecks(
    set.entries.map((e) => e.check),
    world,
    set.scope,
    set.entries.map((e) => e.id),
  );
  values.forEach((v, i) => {
    const e = set.entries[i];
    e.holdsNow = v.holds;
    if (v.observed !== undefined) e.observed = v.observed;
    else delete e.observed;
    if (v.observedUnit !== undefined) e.observedUnit = v.observedUnit;
    else delete e.observedUnit;
    if (v.reason !== undefined) e.reason = v.reason;
    else delete e.reason;
    if (v.holds && e.heldAtMs === null) e.heldAtMs = world.timeMs;
  });
  set.evaluatedAtMs = world.timeMs;
}

/**
 * The session's world was replaced by an earlier one (seek): unlatch what held after that time and
 * forget the event scans, which the replay's evaluations redo tick by tick (deterministically).
 */
export function rewindAttached(set: AttachedChecks, world: World): void {
  for (const e of set.entries) {
    if (e.heldAtMs !== null && e.heldAtMs > world.timeMs) e.heldAtMs = null;
    e.holdsNow = false;
    delete e.observed;
    delete e.observedUnit;
    delete e.reason;
  }
  set.scope.scans = {};
  set.evaluatedAtMs = -1;
  if (world.timeMs >= set.scope.startMs) evaluateAttached(set, world);
}

/**
 * How late a seek may restore a checkpoint and stay exact: checks that have not held yet were
 * evaluated on every tick up to evaluatedAtMs (from startMs), so a replay must not skip past that.
 */
export function replayFloorMs(set: AttachedChecks): number {
  if (set.entries.every((e) => e.heldAtMs !== null)) return Infinity;
  return Math.max(set.scope.startMs, set.evaluatedAtMs);
}

export function checkStatuses(set: AttachedChecks | undefined): CheckStatus[] {
  if (!set) return [];
  return set.entries.map((e) => ({
    id: e.id,
    held: e.heldAtMs !== null,
    heldAtMs: e.heldAtMs,
    holdsNow: e.holdsNow,
    ...(e.observed !== undefined ? { observed: e.observed } : {}),
    ...(e.observedUnit !== undefined ? { observedUnit: e.observedUnit } : {}),
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
  }));
}
