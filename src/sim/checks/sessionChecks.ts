import { advance, type Session } from '../session';
import { attachChecks, checkStatuses, type CheckStatus } from './attached';
import type { Check } from './types';

/**
 * Attach checks to a session from now on (replacing any attached before): they are evaluated now
 * and after every tick of advance/seek. Returns their statuses after the first evaluation.
 */
export function setSessionChecks(session: Session, checks: readonly { id: string; check: Check }[]): CheckStatus[] {
  session.checks = attachChecks(session.world, checks);
  return checkStatuses(session.checks);
}

export function clearSessionChecks(session: Session): void {
  delete session.checks;
}

export function sessionCheckStatuses(session: Session): CheckStatus[] {
  return checkStatuses(session.checks);
}

/**
 * Advance tick by tick until the attached check `id` has held, or sim time reaches `untilMs`
 * ("run until this check holds", at most its budget). Returns the check's status at the stop.
 */
export function advanceUntilHeld(session: Session, id: string, untilMs: number): CheckStatus | undefined {
  const entry = () => session.checks?.entries.find((e) => e.id === id);
  while (entry() && entry()!.heldAtMs === null && session.world.timeMs + session.world.tickMs <= untilMs) {
    advance(session, session.world.tickMs);
  }
  return checkStatuses(session.checks).find((s) => s.id === id);
}
