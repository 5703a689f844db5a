import { chooseLaunch, type LaunchChoice } from '../offeringSelection';
import type { PlannedNodeClaim } from '../scheduling';
import type { DisruptionReason } from '../types';
import { isEmpty, sortCandidates, type DisruptionNode } from './candidates';
import { computeConsolidation, filterOutSameType, type ConsolidationContext } from './consolidation';

export type DisruptionMethod = 'emptiness' | 'multi-node-consolidation' | 'single-node-consolidation';

export interface DisruptionCommand {
  method: DisruptionMethod;
  reason: DisruptionReason;
  decision: 'delete' | 'replace';
  candidates: DisruptionNode[];
  replacement?: { nodeClaim: PlannedNodeClaim; launch: LaunchChoice };
  /** Candidates' price minus the replacement's launch price, USD/hour. */
  savings: number;
}

export interface MethodOutcome {
  command?: DisruptionCommand;
  /** Unconsolidatable messages per node (single-node consolidation reports them). */
  unconsolidatable: { node: string; message: string }[];
  /** Some candidate was skipped only because its NodePool's budget was used up. */
  constrainedByBudgets: boolean;
}

/** Per-NodePool remaining disruptions for this method's reason (copied, then decremented). */
export type BudgetMapping = Record<string, number>;

function takeWithinBudget(sorted: readonly DisruptionNode[], budget: BudgetMapping) {
  const left = { ...budget };
  const taken: DisruptionNode[] = [];
  let constrained = false;
  for (const c of sorted) {
    const pool = c.nodePool as string;
    if ((left[pool] ?? 0) <= 0) {
      constrained = true;
      continue;
    }
    taken.push(c);
    left[pool] -= 1;
  }
  return { taken, constrained };
}

function price(nodes: readonly DisruptionNode[]): number {
  return nodes.reduce((s, n) => s + n.price, 0);
}

/** Emptiness: every empty candidate that fits the budget goes into ONE delete command. */
export function emptiness(candidates: readonly DisruptionNode[], budget: BudgetMapping): MethodOutcome {
  const { taken, constrained } = takeWithinBudget(sortCandidates(candidates.filter(isEmpty)), budget);
  if (taken.length === 0) return { unconsolidatable: [], constrainedByBudgets: constrained };
  return {
    command: { method: 'emptiness', reason: 'Empty', decision: 'delete', candidates: taken, savings: price(taken) },
    unconsolidatable: [],
    constrainedByBudgets: constrained,
  };
}

/** At most this many candidates are considered together (multinodeconsolidation.go). */
export const MAX_MULTI_NODE_CANDIDATES = 100;

/**
 * Multi-node consolidation: binary search for the longest prefix of the sorted, budget-filtered
 * candidates that can be deleted, or replaced by one cheaper node that is not one of their types.
 */
export function multiNodeConsolidation(
  candidates: readonly DisruptionNode[],
  budget: BudgetMapping,
  ctx: ConsolidationContext,
): MethodOutcome {
  const { taken, constrained } = takeWithinBudget(sortCandidates(candidates), budget);
  const pool = taken.slice(0, MAX_MULTI_NODE_CANDIDATES);
  const none: MethodOutcome = { unconsolidatable: [], constrainedByBudgets: constrained };
  if (pool.length < 2) return none;
  let lo = 1;
  let hi = pool.length - 1;
  let best: DisruptionCommand | undefined;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const batch = pool.slice(0, mid + 1);
    const d = computeConsolidation(batch, ctx);
    let valid: DisruptionCommand | undefined;
    if (d.action === 'delete') {
      valid = { method: 'multi-node-consolidation', reason: 'Underutilized', decision: 'delete', candidates: batch, savings: price(batch) };
    } else if (d.action === 'replace') {
      const options = filterOutSameType(d.replacement.instanceTypeOptions, d.replacement.requirements, batch);
      const launch = chooseLaunch(options, d.replacement.requirements);
      if (launch) {
        valid = {
          method: 'multi-node-consolidation',
          reason: 'Underutilized',
          decision: 'replace',
          candidates: batch,
          replacement: { nodeClaim: { ...d.replacement, instanceTypeOptions: options }, launch },
          savings: price(batch) - launch.price,
        };
      }
    }
    if (valid) {
      best = valid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return { command: best, unconsolidatable: [], constrainedByBudgets: constrained };
}

/** Single-node consolidation: the first candidate (in savings order) with a valid command wins. */
export function singleNodeConsolidation(
  candidates: readonly DisruptionNode[],
  budget: BudgetMapping,
  ctx: ConsolidationContext,
): MethodOutcome {
  const unconsolidatable: MethodOutcome['unconsolidatable'] = [];
  let constrained = false;
  for (const c of sortCandidates(candidates)) {
    if ((budget[c.nodePool as string] ?? 0) <= 0) {
      constrained = true;
      continue;
    }
    const d = computeConsolidation([c], ctx);
    if (d.action === 'delete') {
      return {
        command: { method: 'single-node-consolidation', reason: 'Underutilized', decision: 'delete', candidates: [c], savings: c.price },
        unconsolidatable,
        constrainedByBudgets: constrained,
      };
    }
    if (d.action === 'replace') {
      return {
        command: {
          method: 'single-node-consolidation',
          reason: 'Underutilized',
          decision: 'replace',
          candidates: [c],
          replacement: { nodeClaim: d.replacement, launch: d.launch },
          savings: c.price - d.launch.price,
        },
        unconsolidatable,
        constrainedByBudgets: constrained,
      };
    }
    if (d.message) unconsolidatable.push({ node: c.name, message: d.message });
  }
  return { unconsolidatable, constrainedByBudgets: constrained };
}
