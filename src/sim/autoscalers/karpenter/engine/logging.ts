import type { World } from '../../../core/types';
import { emitEvent, log } from '../../../core/world';
import type { KarpenterEvent } from '../disruption/controller';
import { renderLogLine, type KarpenterLogLine, type LogStyle } from '../logs';
import * as v1 from '../logsV1';
import { contextFields, karpenterCommit } from '../v1Log';
import type { KarpenterState, NodeClaimRecord } from './state';

export const LOG_CONTROLLER = 'karpenter';

/** The wall-clock time of now, as the log timestamps show it. */
export function isoNow(world: World): string {
  return new Date(world.startEpochMs + world.timeMs).toISOString();
}

/**
 * Karpenter's chart runs at logLevel info, so its V(1) lines (level DEBUG) would not reach the pod's
 * output; they are stored with level DEBUG so a reader can tell them apart.
 */
export function karpenterLog(world: World, line: KarpenterLogLine, style: LogStyle): void {
  const context = style === 'v1' ? contextFields(karpenterCommit(world), line.ctx, world.timeMs) : {};
  log(world, LOG_CONTROLLER, renderLogLine(line, isoNow(world), style, context), line.level);
}

/** NodeClaim lifecycle lines after launch: the node joined, then became Ready (initialized). */
export function lifecycleLogLine(claim: NodeClaimRecord, step: 'registered' | 'initialized', style: LogStyle): KarpenterLogLine {
  if (style === 'v0.27') {
    return {
      level: 'INFO',
      logger: 'controller.machine.lifecycle',
      message: `${step} machine`,
      fields: { machine: claim.name, provisioner: claim.nodePool, node: claim.nodeName },
    };
  }
  return step === 'registered' ? v1.registeredNodeClaim(claim) : v1.initializedNodeClaim(claim);
}

export function deletedNodeClaimLine(claim: NodeClaimRecord, style: LogStyle): KarpenterLogLine {
  return style === 'v0.27'
    ? { level: 'INFO', logger: 'controller.machine.termination', message: 'deleted machine', fields: { machine: claim.name, provisioner: claim.nodePool, node: claim.nodeName } }
    : v1.deletedNodeClaim(claim, claim.registeredMs >= 0);
}

/** Upstream dedupes events: Unconsolidatable for 15 min, DisruptionBlocked for 1 min, others 2 min. */
function dedupeMs(reason: string): number {
  if (reason === 'Unconsolidatable') return 15 * 60_000;
  if (reason === 'DisruptionBlocked') return 60_000;
  return 120_000;
}

export function karpenterEvent(world: World, state: KarpenterState, e: KarpenterEvent, dedupe = true): void {
  const key = `${e.kind}/${e.name}/${e.reason}/${e.message}`;
  const last = state.eventSeenMs[key];
  if (dedupe && last !== undefined && world.timeMs - last < dedupeMs(e.reason)) return;
  state.eventSeenMs[key] = world.timeMs;
  emitEvent(world, { kind: e.kind, name: e.name, namespace: '', type: e.type, reason: e.reason, message: e.message, source: 'karpenter' });
}

/** Forget de-duplication keys older than the longest window, so the map does not grow forever. */
export function pruneEventKeys(world: World, state: KarpenterState): void {
  for (const [k, t] of Object.entries(state.eventSeenMs)) if (world.timeMs - t > 15 * 60_000) delete state.eventSeenMs[k];
}
