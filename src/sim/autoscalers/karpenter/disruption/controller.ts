import type { DisruptionReason, NodePool } from '../types';
import { allowedDisruptions, remainingDisruptions } from './budgets';
import { isConsolidatable, notCandidateReason, type DisruptionNode } from './candidates';
import { computeConsolidation, type ConsolidationContext } from './consolidation';
import {
  emptiness,
  multiNodeConsolidation,
  singleNodeConsolidation,
  type BudgetMapping,
  type DisruptionCommand,
  type MethodOutcome,
} from './methods';
import { pushAll } from '../../../core/arrays';

/** Disruption loop timings (FIDELITY §7). */
export const DISRUPTION_POLL_SECONDS = 10;
export const DISRUPTION_VALIDATION_SECONDS = 15;

export interface KarpenterEvent {
  kind: 'Node' | 'NodeClaim' | 'NodePool';
  name: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface DisruptionInput extends ConsolidationContext {
  nowSeconds: number;
  /** Wall-clock now as a Unix epoch (ms), for budget cron schedules (evaluated in UTC). */
  nowEpochMs: number;
}

export interface BudgetView {
  nodePool: string;
  reason: DisruptionReason;
  nodes: number;
  allowed: number;
  disrupting: number;
  remaining: number;
}

export interface DisruptionResult {
  command?: DisruptionCommand;
  events: KarpenterEvent[];
  budgets: BudgetView[];
}

function poolsOf(ctx: ConsolidationContext): Map<string, NodePool> {
  return new Map(ctx.templates.map((t) => [t.nodePool.name, t.nodePool]));
}

/** Per-NodePool remaining disruptions for a reason (helpers.go BuildDisruptionBudgetMapping). */
export function buildBudgetMapping(
  input: DisruptionInput,
  reason: DisruptionReason,
): { mapping: BudgetMapping; views: BudgetView[] } {
  const mapping: BudgetMapping = {};
  const views: BudgetView[] = [];
  for (const pool of poolsOf(input).values()) {
    const members = input.nodes.filter((n) => n.nodePool === pool.name && n.initialized);
    const disrupting = members.filter((n) => !n.ready || n.markedForDeletion).length;
    const { allowed } = allowedDisruptions(pool.disruption.budgets, members.length, reason, input.nowEpochMs);
    const remaining = remainingDisruptions(allowed, disrupting);
    mapping[pool.name] = remaining;
    views.push({ nodePool: pool.name, reason, nodes: members.length, allowed, disrupting, remaining });
  }
  return { mapping, views };
}

function unconsolidatableEvents(node: DisruptionNode, message: string): KarpenterEvent[] {
  return [
    { kind: 'Node', name: node.name, type: 'Normal', reason: 'Unconsolidatable', message },
    { kind: 'NodeClaim', name: node.nodeClaimName, type: 'Normal', reason: 'Unconsolidatable', message },
  ];
}

/** Candidates for the emptiness method and for the consolidation methods, with filter events. */
export function disruptionCandidates(input: DisruptionInput) {
  const pools = poolsOf(input);
  const events: KarpenterEvent[] = [];
  const forEmptiness: DisruptionNode[] = [];
  const forConsolidation: DisruptionNode[] = [];
  for (const node of input.nodes) {
    if (notCandidateReason(node, pools)) continue;
    const pool = pools.get(node.nodePool as string) as NodePool;
    if (pool.disruption.consolidateAfterSeconds === null) {
      pushAll(events, unconsolidatableEvents(node, `NodePool "${pool.name}" has consolidation disabled`));
      continue;
    }
    if (!isConsolidatable(node, pool.disruption.consolidateAfterSeconds, input.nowSeconds)) continue;
    forEmptiness.push(node);
    if (pool.disruption.consolidationPolicy !== 'WhenEmptyOrUnderutilized') {
      pushAll(events, unconsolidatableEvents(node, `NodePool "${pool.name}" has non-empty consolidation disabled`));
      continue;
    }
    forConsolidation.push(node);
  }
  return { forEmptiness, forConsolidation, events };
}

function blockedEvents(views: BudgetView[], outcome: MethodOutcome): KarpenterEvent[] {
  if (!outcome.constrainedByBudgets) return [];
  return views
    .filter((v) => v.allowed === 0)
    .map((v) => ({
      kind: 'NodePool' as const,
      name: v.nodePool,
      type: 'Normal' as const,
      reason: 'DisruptionBlocked',
      message: `No allowed disruptions for disruption reason ${v.reason} due to blocking budget`,
    }));
}

/**
 * One pass of the disruption controller: Emptiness, then multi-node, then single-node
 * consolidation (drift is not simulated). The first method that yields a command wins; the
 * engine then waits DISRUPTION_VALIDATION_SECONDS and calls validateCommand before acting.
 */
export function computeDisruption(input: DisruptionInput): DisruptionResult {
  const { forEmptiness, forConsolidation, events } = disruptionCandidates(input);
  const budgets: BudgetView[] = [];

  const empty = buildBudgetMapping(input, 'Empty');
  pushAll(budgets, empty.views);
  const e = emptiness(forEmptiness, empty.mapping);
  pushAll(events, blockedEvents(empty.views, e));
  if (e.command) return { command: e.command, events, budgets };

  const under = buildBudgetMapping(input, 'Underutilized');
  pushAll(budgets, under.views);
  const multi = multiNodeConsolidation(forConsolidation, under.mapping, input);
  if (multi.command) return { command: multi.command, events, budgets };
  const single = singleNodeConsolidation(forConsolidation, under.mapping, input);
  pushAll(events, blockedEvents(under.views, single));
  for (const u of single.unconsolidatable) {
    const node = input.nodes.find((n) => n.name === u.node) as DisruptionNode;
    pushAll(events, unconsolidatableEvents(node, u.message));
  }
  return { command: single.command, events, budgets };
}

/**
 * Re-check a command after the validation wait (validation.go): candidates still eligible and
 * within budget; empty nodes still empty; a consolidation still gives the same action with no
 * new instance types.
 */
export function validateCommand(command: DisruptionCommand, input: DisruptionInput): { valid: boolean; reason?: string } {
  const { forEmptiness, forConsolidation } = disruptionCandidates(input);
  const eligible = new Map((command.method === 'emptiness' ? forEmptiness : forConsolidation).map((n) => [n.name, n]));
  const current = command.candidates.map((c) => eligible.get(c.name));
  if (current.some((c) => c === undefined)) return { valid: false, reason: 'a candidate is no longer eligible' };
  const nodes = current as DisruptionNode[];
  const { mapping } = buildBudgetMapping(input, command.reason);
  const perPool: Record<string, number> = {};
  for (const n of nodes) perPool[n.nodePool as string] = (perPool[n.nodePool as string] ?? 0) + 1;
  if (Object.entries(perPool).some(([p, k]) => k > (mapping[p] ?? 0))) return { valid: false, reason: 'disruption budget exceeded' };
  if (command.method === 'emptiness') {
    return nodes.every((n) => n.pods.every((p) => p.daemonSet || p.terminal))
      ? { valid: true }
      : { valid: false, reason: 'pods scheduled to an empty candidate' };
  }
  const again = computeConsolidation(nodes, input);
  if (again.action !== command.decision) return { valid: false, reason: 'command is no longer valid, pod churn' };
  if (again.action === 'replace' && command.replacement) {
    const before = new Set(command.replacement.nodeClaim.instanceTypeOptions.map((o) => o.name));
    if (again.replacement.instanceTypeOptions.some((o) => !before.has(o.name))) {
      return { valid: false, reason: 'replacement instance types changed' };
    }
  }
  return { valid: true };
}

/** NodeClaims older than their NodePool's expireAfter: deleted without any budget check. */
export function expiredNodes(
  nodes: readonly DisruptionNode[],
  pools: readonly NodePool[],
  nowSeconds: number,
): DisruptionNode[] {
  const byName = new Map(pools.map((p) => [p.name, p]));
  return nodes.filter((n) => {
    const pool = n.nodePool ? byName.get(n.nodePool) : undefined;
    const ttl = pool?.template.expireAfterSeconds;
    return ttl !== null && ttl !== undefined && !n.markedForDeletion && nowSeconds - n.createdAtSeconds >= ttl;
  });
}
