import { describe, expect, it } from 'vitest';
import { advance, seekNow } from '../session';
import { advanceUntilHeld, clearSessionChecks, sessionCheckStatuses, setSessionChecks } from './sessionChecks';
import { exampleSession, runTo } from './testSessions';

describe('checks attached to a session', () => {
  it('are evaluated every tick of advance and latched with the time they first held', () => {
    const s = runTo(exampleSession('ca-nginx-scaleout'), 30);
    setSessionChecks(s, [
      { id: 'pending', check: { type: 'pods', phase: 'Pending', op: '>', value: 0 } },
      { id: 'scaleUp', check: { type: 'event', reason: 'TriggeredScaleUp' } },
      { id: 'five', check: { type: 'nodes', nodeGroup: 'ng1', op: '=', value: 5 } },
    ]);
    expect(sessionCheckStatuses(s).map((c) => c.held)).toEqual([false, false, false]);
    // One big advance: the pods are Pending only for a few seconds in it, which per-tick evaluation catches.
    advance(s, 10 * 60_000);
    const [pending, scaleUp, five] = sessionCheckStatuses(s);
    expect(pending.held).toBe(true);
    expect(pending.holdsNow).toBe(false);
    expect(pending.heldAtMs).toBeGreaterThanOrEqual(60_000);
    expect(pending.heldAtMs).toBeLessThan(70_000);
    expect(scaleUp.heldAtMs).toBeGreaterThan(pending.heldAtMs!);
    expect(five.heldAtMs).toBeGreaterThan(scaleUp.heldAtMs!);
    expect(five.observed).toBe(5);
    expect(five.observedUnit).toBeUndefined();
  });

  it("say when a reading is a time, so the lesson's check line prints it as a clock", () => {
    const s = runTo(exampleSession('ca-nginx-scaleout'), 30);
    setSessionChecks(s, [{ id: 'late', check: { type: 'elapsed', op: '>=', value: 120_000 } }]);
    advance(s, 45_000);
    expect(sessionCheckStatuses(s)[0]).toMatchObject({ held: false, observed: 45_000, observedUnit: 'ms' });
  });

  it('unlatch when a seek goes back before that time and latch again at the same time on replay', () => {
    const s = runTo(exampleSession('ca-nginx-scaleout'), 30);
    setSessionChecks(s, [
      { id: 'scaleUp', check: { type: 'event', reason: 'TriggeredScaleUp' } },
      { id: 'five', check: { type: 'nodes', nodeGroup: 'ng1', op: '=', value: 5 } },
    ]);
    advance(s, 6 * 60_000);
    const before = sessionCheckStatuses(s);
    expect(before.every((c) => c.held)).toBe(true);
    const between = before[0].heldAtMs! + 1000;
    seekNow(s, between);
    const back = sessionCheckStatuses(s);
    expect(back[0]).toMatchObject({ held: true, heldAtMs: before[0].heldAtMs });
    expect(back[1]).toMatchObject({ held: false, heldAtMs: null });
    // Before the checks were attached, nothing holds (and nothing is evaluated).
    seekNow(s, 10_000);
    expect(sessionCheckStatuses(s).map((c) => c.held)).toEqual([false, false]);
    seekNow(s, 6 * 60_000 + 30_000);
    expect(sessionCheckStatuses(s).map((c) => c.heldAtMs)).toEqual(before.map((c) => c.heldAtMs));
  });

  it('advanceUntilHeld stops on the tick the check first holds, or at the limit', () => {
    const s = exampleSession('nginx-to-scaleout');
    setSessionChecks(s, [{ id: 'p', check: { type: 'pods', phase: 'Pending', op: '=', value: 6 } }]);
    const held = advanceUntilHeld(s, 'p', 5 * 60_000);
    expect(held?.held).toBe(true);
    expect(s.world.timeMs).toBe(held?.heldAtMs);
    setSessionChecks(s, [{ id: 'never', check: { type: 'nodes', op: '>', value: 3 } }]);
    const limit = s.world.timeMs + 60_000;
    expect(advanceUntilHeld(s, 'never', limit)?.held).toBe(false);
    expect(s.world.timeMs).toBe(limit);
    clearSessionChecks(s);
    expect(sessionCheckStatuses(s)).toEqual([]);
  });
});
