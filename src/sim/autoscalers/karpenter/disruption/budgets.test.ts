import { describe, expect, it } from 'vitest';
import { allowedDisruptions, allowedDisruptionsByReason, budgetNodeCount, isBudgetActive, remainingDisruptions, UNBOUNDED_DISRUPTIONS } from './budgets';
import type { DisruptionBudget } from '../types';

const at = (iso: string) => Date.parse(iso);

describe('budget node counts (karp-budget-*)', () => {
  it('rounds percentages up', () => {
    expect(budgetNodeCount({ nodes: '30%' }, 10)).toBe(3);
    expect(budgetNodeCount({ nodes: '100%' }, 10)).toBe(10);
    expect(budgetNodeCount({ nodes: '0%' }, 10)).toBe(0);
    expect(budgetNodeCount({ nodes: '5%' }, 10)).toBe(1);
    expect(budgetNodeCount({ nodes: '10%' }, 1)).toBe(1);
    expect(budgetNodeCount({ nodes: '10%' }, 0)).toBe(0);
    expect(budgetNodeCount({ nodes: '3' }, 100)).toBe(3);
  });
  it('subtracts NotReady/deleting nodes, never below zero', () => {
    expect(remainingDisruptions(3, 1)).toBe(2);
    expect(remainingDisruptions(1, 4)).toBe(0);
  });
});

describe('schedules', () => {
  it('@daily with a 48h duration is always active', () => {
    expect(isBudgetActive({ schedule: '@daily', durationSeconds: 48 * 3600 }, at('2024-01-07T00:00:00Z'))).toBe(true);
  });
  it('is inactive when the next hit after now−duration is later than now', () => {
    expect(isBudgetActive({ schedule: '30 6 * * SUN', durationSeconds: 6 * 3600 }, at('2024-01-07T00:00:00Z'))).toBe(false);
    expect(isBudgetActive({ schedule: '30 6 * * SUN', durationSeconds: 6 * 3600 }, at('2024-01-07T07:00:00Z'))).toBe(true);
    // Like Go's cron Next, the hit must be strictly after the checkpoint: the window is [06:30, 12:30).
    expect(isBudgetActive({ schedule: '30 6 * * SUN', durationSeconds: 6 * 3600 }, at('2024-01-07T12:29:59Z'))).toBe(true);
    expect(isBudgetActive({ schedule: '30 6 * * SUN', durationSeconds: 6 * 3600 }, at('2024-01-07T12:30:00Z'))).toBe(false);
  });
  it('evaluates cron in UTC', () => {
    expect(isBudgetActive({ schedule: '0 9 * * *', durationSeconds: 3600 }, at('2024-03-01T09:30:00Z'))).toBe(true);
    expect(isBudgetActive({ schedule: '0 9 * * *', durationSeconds: 3600 }, at('2024-03-01T00:30:00Z'))).toBe(false);
  });
  it('a budget with no schedule is always active', () => {
    expect(isBudgetActive({}, 0)).toBe(true);
  });
});

describe('allowed per reason', () => {
  const budgets: DisruptionBudget[] = [
    { nodes: '10', schedule: '* * * * *', durationSeconds: 3600 },
    { nodes: '100', schedule: '* * * * *', durationSeconds: 3600 },
    { nodes: '100%', schedule: '* * * * *', durationSeconds: 3600 },
    { nodes: '15', reasons: ['Drifted', 'Underutilized'], schedule: '* * * * *', durationSeconds: 3600 },
    { nodes: '5', reasons: ['Drifted'], schedule: '* * * * *', durationSeconds: 3600 },
    { nodes: '0', reasons: ['Underutilized', 'Drifted', 'Empty'], schedule: '@weekly', durationSeconds: 3600 },
    { nodes: '4', reasons: ['Empty'], schedule: '* * * * *', durationSeconds: 3600 },
  ];
  it('takes the minimum over ACTIVE budgets that apply', () => {
    expect(allowedDisruptionsByReason(budgets, 100, at('2000-06-15T12:30:30Z'))).toEqual({ Empty: 4, Drifted: 5, Underutilized: 10 });
  });
  it('the weekly zero budget blocks everything while active', () => {
    expect(allowedDisruptionsByReason(budgets, 100, at('2000-06-18T00:30:00Z'))).toEqual({ Empty: 0, Drifted: 0, Underutilized: 0 });
  });
  it('is unbounded when no budget is active', () => {
    const r = allowedDisruptions([{ nodes: '0', schedule: '@yearly', durationSeconds: 3600 }], 100, 'Empty', at('2000-06-15T12:30:30Z'));
    expect(r.allowed).toBe(UNBOUNDED_DISRUPTIONS);
    expect(allowedDisruptions([], 5, 'Empty', 0).allowed).toBe(UNBOUNDED_DISRUPTIONS);
  });
  it('names the limiting budget', () => {
    expect(allowedDisruptions([{ nodes: '50%' }, { nodes: '2' }], 10, 'Empty', 0).limitingBudget).toEqual({ nodes: '2' });
  });
});
