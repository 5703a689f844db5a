import { Cron } from 'croner';
import type { DisruptionBudget, DisruptionReason } from '../types';
import { DISRUPTION_REASONS } from '../types';

/** What upstream returns when no budget constrains a reason (math.MaxInt32). */
export const UNBOUNDED_DISRUPTIONS = 2147483647;

/**
 * Nodes a budget allows for a NodePool with `numNodes` initialized, non-terminating nodes.
 * Percentages round UP (5% of 10 nodes is 1), as intstr.GetScaledValueFromIntOrPercent(…, true).
 */
export function budgetNodeCount(budget: Pick<DisruptionBudget, 'nodes'>, numNodes: number): number {
  const text = budget.nodes.trim();
  if (text.endsWith('%')) {
    const pct = Number(text.slice(0, -1));
    return Math.ceil((pct * numNodes) / 100);
  }
  return Number(text);
}

/**
 * A scheduled budget is active when the first cron hit after (now − duration) is not after now.
 * The cron is evaluated in UTC; nowMs is a Unix epoch in milliseconds.
 */
export function isBudgetActive(budget: Pick<DisruptionBudget, 'schedule' | 'durationSeconds'>, nowMs: number): boolean {
  if (budget.schedule === undefined && budget.durationSeconds === undefined) return true;
  const cron = new Cron(budget.schedule ?? '* * * * *', { timezone: 'UTC', paused: true });
  const checkpoint = new Date(nowMs - (budget.durationSeconds ?? 0) * 1000);
  const next = cron.nextRun(checkpoint);
  return next !== null && next.getTime() <= nowMs;
}

function appliesTo(budget: DisruptionBudget, reason: DisruptionReason): boolean {
  return !budget.reasons || budget.reasons.length === 0 || budget.reasons.includes(reason);
}

export interface AllowedDisruptions {
  allowed: number;
  /** The active budget that set the allowance, if any. */
  limitingBudget?: DisruptionBudget;
}

/** Minimum over active budgets that apply to `reason`; unbounded when none is active. */
export function allowedDisruptions(
  budgets: readonly DisruptionBudget[],
  numNodes: number,
  reason: DisruptionReason,
  nowMs: number,
): AllowedDisruptions {
  let result: AllowedDisruptions = { allowed: UNBOUNDED_DISRUPTIONS };
  for (const b of budgets) {
    if (!appliesTo(b, reason) || !isBudgetActive(b, nowMs)) continue;
    const n = budgetNodeCount(b, numNodes);
    if (n < result.allowed) result = { allowed: n, limitingBudget: b };
  }
  return result;
}

export function allowedDisruptionsByReason(
  budgets: readonly DisruptionBudget[],
  numNodes: number,
  nowMs: number,
): Record<DisruptionReason, number> {
  const out = {} as Record<DisruptionReason, number>;
  for (const r of DISRUPTION_REASONS) out[r] = allowedDisruptions(budgets, numNodes, r, nowMs).allowed;
  return out;
}

/** What is left once nodes already NotReady or being deleted are counted against the allowance. */
export function remainingDisruptions(allowed: number, notReadyOrDeleting: number): number {
  return Math.max(allowed - notReadyOrDeleting, 0);
}
