import type { World } from '../../../core/types';
import { emitEvent, log } from '../../../core/world';
import type { KarpenterEvent } from '../disruption/controller';
import { renderLogLine, type KarpenterLogLine, type LogStyle } from '../logs';
import { formatMemory } from '../units';
import type { KarpenterState, NodeClaimRecord } from './state';

export const LOG_CONTROLLER = 'karpenter';

/** The wall-clock time of now, as the log timestamps show it. */
export function isoNow(world: World): string {
  return new Date(world.startEpochMs + world.timeMs).toISOString();
}

export function karpenterLog(world: World, line: KarpenterLogLine, style: LogStyle): void {
  log(world, LOG_CONTROLLER, renderLogLine(line, isoNow(world), style), line.level === 'DEBUG' ? 'DEBUG' : 'INFO');
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
  const fields: Record<string, unknown> = { NodeClaim: { name: claim.name }, 'provider-id': claim.providerId, Node: { name: claim.nodeName } };
  if (step === 'initialized') {
    fields.allocatable = { cpu: `${claim.allocatable.cpuMillis}m`, memory: formatMemory(claim.allocatable.memoryMiB), pods: String(claim.allocatable.pods) };
  }
  return { level: 'INFO', logger: 'controller', message: `${step} nodeclaim`, fields };
}

export function deletedNodeClaimLine(claim: NodeClaimRecord, style: LogStyle): KarpenterLogLine {
  return style === 'v0.27'
    ? { level: 'INFO', logger: 'controller.machine.termination', message: 'deleted machine', fields: { machine: claim.name, provisioner: claim.nodePool, node: claim.nodeName } }
    : { level: 'INFO', logger: 'controller', message: 'deleted nodeclaim', fields: { NodeClaim: { name: claim.name }, Node: { name: claim.nodeName }, 'provider-id': claim.providerId } };
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
