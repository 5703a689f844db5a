import type { Controller } from '../../core/controllers';
import type { World } from '../../core/types';
import type { AutoscalerModule } from '../module';
import { DISRUPTION_POLL_SECONDS } from './disruption/controller';
import { advanceDisruption, runDisruptionPoll } from './engine/disruptionLoop';
import { reclaimInterruptedInstances } from './engine/interruption';
import { karpenterKinds } from './engine/kinds';
import { karpenterState } from './engine/machineDriver';
import { syncNodeClaims } from './engine/nodeClaims';
import { runProvisioningTick } from './engine/provisioner';
import { peekKarpenterState } from './engine/state';
import { karpenterTraceEntries } from './engine/traceEntries';
import { karpenterWhy } from './engine/why';
import './engine/manifestValidation';

/**
 * Karpenter in the engine: a 1 s loop (NodeClaim lifecycle, spot reclaim deadlines, the
 * provisioning batcher and launches, the disruption validation wait and execution) and the 10 s
 * disruption poll. Both step one statechart (karpenterMachine) kept as plain data in
 * world.autoscalers.karpenter.
 */
export const PROVISIONER_PERIOD_MS = 1000;

/** Nothing to do in a world without Karpenter objects or claims (most scenarios). */
function active(world: World): boolean {
  const s = peekKarpenterState(world);
  return s !== undefined && (Object.keys(s.nodePools).length > 0 || Object.keys(s.nodeClaims).length > 0 || Object.keys(s.interruptions).length > 0);
}

export function runKarpenterSecond(world: World): void {
  if (!active(world)) return;
  const state = karpenterState(world);
  syncNodeClaims(world, state);
  reclaimInterruptedInstances(world, state);
  runProvisioningTick(world, state);
  advanceDisruption(world, state);
}

export function runKarpenterDisruption(world: World): void {
  if (!active(world)) return;
  runDisruptionPoll(world, karpenterState(world));
}

export const karpenterControllers: Controller[] = [
  { name: 'karpenter', periodMs: PROVISIONER_PERIOD_MS, phaseMs: 0, run: runKarpenterSecond },
  { name: 'karpenter-disruption', periodMs: DISRUPTION_POLL_SECONDS * 1000, phaseMs: 5000, run: runKarpenterDisruption },
];

/**
 * The Why heading's state: the machine runs two parallel regions (provisioning and disruption);
 * name each region's state ("provisioning: idle · disruption: consolidating"), never the raw value object.
 */
export function karpenterStateName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return '';
  return Object.entries(value as Record<string, unknown>)
    .map(([region, v]) => `${region}: ${karpenterStateName(v)}`)
    .join(' · ');
}

export const karpenterModule: AutoscalerModule = {
  name: 'karpenter',
  controllers: karpenterControllers,
  kinds: karpenterKinds,
  trace: karpenterTraceEntries,
  explain(world) {
    const lines = karpenterWhy(world);
    const s = peekKarpenterState(world);
    if (!s || lines.length === 0) return [];
    const at = Math.max(s.lastProvisioning?.atMs ?? 0, s.lastDisruption?.atMs ?? 0) / 1000;
    return [{ object: 'Karpenter', state: karpenterStateName(s.machine.value), at, lines }];
  },
};

export { interruptSpotInstance } from './engine/interruption';
export { karpenterWhy } from './engine/why';
export { peekKarpenterState, type KarpenterState, type NodeClaimRecord } from './engine/state';
export { claimViews } from './engine/kinds';
