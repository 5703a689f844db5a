import type { Pod, World } from '../../../core/types';
import { emitEvent } from '../../../core/world';
import { openOrExtendBatch } from '../batcher';
import { provisioningLogLines, requestsJson, type ProvisioningV1 } from '../logs';
import { couldNotSchedulePod } from '../logsV1';
import { scheduleDuration } from '../v1Log';
import { cheapestPrice, type LaunchChoice } from '../offeringSelection';
import { createFleet } from './fleet';
import { nodeClaimRequests, solveScheduling, type PlannedNodeClaim } from '../scheduling';
import { karpenterLog } from './logging';
import { fireDueTimers, provisioningState, sendMachine } from './machineDriver';
import { launchNodeClaim, newClaimName } from './nodeClaims';
import { styleOfPool, type KarpenterState, type ProvisioningExplanation } from './state';
import {
  daemonSetSpecs,
  launchedCapacity,
  liveNominations,
  nodePoolTemplates,
  provisionablePods,
  schedulingTargets,
  toPodToSchedule,
} from './worldViews';
import { msg, type Message } from '../../../core/message';

/**
 * Karpenter's provisioning loop, run every second: new unschedulable pods open or extend the batch
 * window (the statechart's 1 s idle / 10 s max timers); when it closes, one scheduling simulation
 * over every pending pod decides which pods fit existing or in-flight capacity and which new
 * NodeClaims to launch.
 */

/** A pod that could not be placed is tried again after this long (upstream requeues it). */
export const RETRY_UNSCHEDULABLE_MS = 30_000;

function noteNewPendingPods(world: World, state: KarpenterState, pending: readonly Pod[], nominated: ReadonlySet<string>): number {
  const now = world.timeMs;
  const stillPending = new Set(pending.map((p) => p.name));
  for (const name of Object.keys(state.seenPending)) if (!stillPending.has(name)) delete state.seenPending[name];
  let fresh = 0;
  for (const p of pending) {
    if (nominated.has(p.name)) continue;
    const seen = state.seenPending[p.name];
    if (seen !== undefined && now - seen < RETRY_UNSCHEDULABLE_MS) continue;
    state.seenPending[p.name] = now;
    state.batch = openOrExtendBatch(state.batch, now / 1000);
    fresh++;
  }
  if (state.batch && fresh > 1) state.batch = { ...state.batch, podCount: state.batch.podCount + fresh - 1 };
  return fresh;
}

export function runProvisioningTick(world: World, state: KarpenterState): void {
  const nominations = liveNominations(world, state);
  const nominated = new Set([...nominations.values()].flat());
  const pending = provisionablePods(world);
  if (noteNewPendingPods(world, state, pending, nominated) > 0) sendMachine(state, { type: 'POD_PENDING' }, world.timeMs);
  fireDueTimers(state, world.timeMs);
  if (provisioningState(state.machine.value) !== 'launching') return;
  const launched = provisionBatch(world, state);
  state.batch = null;
  sendMachine(state, { type: launched > 0 ? 'NODECLAIMS_LAUNCHED' : 'NOTHING_TO_LAUNCH' }, world.timeMs);
}

function cheapestTypes(claim: PlannedNodeClaim, n = 5): { instanceType: string; price: number }[] {
  return claim.instanceTypeOptions.slice(0, n).map((o) => ({ instanceType: o.name, price: cheapestPrice(o, claim.requirements) }));
}

/** Solve the batch and launch its NodeClaims; returns how many were launched. */
export function provisionBatch(world: World, state: KarpenterState): number {
  const nominations = liveNominations(world, state);
  const nominated = new Set([...nominations.values()].flat());
  const pods = provisionablePods(world).filter((p) => !nominated.has(p.name));
  if (pods.length === 0) return 0;
  const result = solveScheduling({
    pods: pods.map(toPodToSchedule),
    existingNodes: schedulingTargets(world, state, nominations),
    templates: nodePoolTemplates(world, state),
    daemonSets: daemonSetSpecs(world),
    launchedCapacity: launchedCapacity(state),
  });
  for (const p of result.existingPlacements) state.nominations[p.pod] = { target: p.node, atMs: world.timeMs };

  const planned: { claim: PlannedNodeClaim & { name: string }; launch: LaunchChoice; fallback: Message | null }[] = [];
  const errors = [...result.podErrors];
  for (const claim of result.newNodeClaims) {
    const fleet = createFleet(world, state, claim.instanceTypeOptions, claim.requirements, styleOfPool(state, claim.nodePool));
    const launch = fleet.launch;
    if (!launch) {
      const error = fleet.lastError
        ? `launching nodeclaim, creating instance, insufficient capacity, with fleet error(s), InsufficientInstanceCapacity: ${fleet.lastError}`
        : `no available offering for nodepool "${claim.nodePool}"`;
      for (const p of claim.pods) errors.push({ pod: p.name, error });
      continue;
    }
    planned.push({ claim: { ...claim, name: `${claim.nodePool}-pending` }, launch, fallback: fleet.note });
  }
  const explanation: ProvisioningExplanation = { atMs: world.timeMs, pods: pods.length, nodeClaims: [], errors };
  // Upstream logs these during Solve, before "found provisionable pod(s)" (scheduler.go:253).
  for (const e of result.podErrors) {
    const pod = world.pods.get(e.pod);
    if (pod && unschedulableDue(world, state, pod.name, e.error)) karpenterLog(world, couldNotSchedulePod(pod.name, pod.namespace, e.error), 'v1');
  }
  if (planned.length === 0 && result.newNodeClaims.length > 0) {
    const style = styleOfPool(state, result.newNodeClaims[0].nodePool);
    for (const line of provisioningLogLines(pods.length, [], style, provisioningV1(world, pods, result))) karpenterLog(world, line, style);
  }
  if (planned.length > 0) {
    // Names are drawn before launching so the "created nodeclaim" lines can name them.
    const taken = new Set<string>();
    for (const p of planned) {
      p.claim.name = newClaimName(world, state, p.claim.nodePool, taken);
      taken.add(p.claim.name);
    }
    const style = styleOfPool(state, planned[0].claim.nodePool);
    const lines = provisioningLogLines(pods.length, planned.map((p) => p.claim), style, provisioningV1(world, pods, result));
    for (const line of lines) karpenterLog(world, line, style);
    for (const { claim, launch, fallback } of planned) {
      const why = `${claim.pods.length} pod(s) requesting ${requestsJson(nodeClaimRequests(claim))} fit together; cheapest of ${claim.instanceTypeOptions.length} types`;
      const record = launchNodeClaim(world, state, claim.nodePool, launch, why, claim.name);
      for (const p of claim.pods) state.nominations[p.name] = { target: record.nodeName, atMs: world.timeMs };
      explanation.nodeClaims.push({
        name: record.name,
        nodePool: claim.nodePool,
        pods: claim.pods.map((p) => p.name),
        requests: requestsJson(nodeClaimRequests(claim)),
        cheapest: cheapestTypes(claim),
        optionCount: claim.instanceTypeOptions.length,
        launched: msg('engine.karpenter.launched', { instanceType: launch.instanceType, capacityType: launch.capacityType, zone: launch.zone, price: launch.price }),
        ...(fallback ? { fallback } : {}),
      });
    }
  }
  const solverErrors = new Set(result.podErrors);
  for (const e of errors) reportUnschedulable(world, state, e, !solverErrors.has(e));
  state.lastProvisioning = explanation;
  return planned.length;
}

/** The v1 provisioner lines' inputs, all from this batch's scheduling result. */
function provisioningV1(world: World, pods: readonly Pod[], result: ReturnType<typeof solveScheduling>): ProvisioningV1 {
  return {
    pods: pods.map((p) => `${p.namespace}/${p.name}`),
    duration: scheduleDuration(world.timeMs, pods.length),
    nodeClaims: result.newNodeClaims.length,
    nodeClaimPods: result.newNodeClaims.reduce((s, c) => s + c.pods.length, 0),
    existing: { nodes: new Set(result.existingPlacements.map((p) => p.node)).size, pods: result.existingPlacements.length },
  };
}

const unschedulableKey = (podName: string, error: string) => `Pod/${podName}/FailedScheduling/Failed to schedule pod, ${error}`;

/** The FailedScheduling event (and its log line) repeats at most every 2 minutes per pod and error. */
function unschedulableDue(world: World, state: KarpenterState, podName: string, error: string): boolean {
  const last = state.eventSeenMs[unschedulableKey(podName, error)];
  return last === undefined || world.timeMs - last >= 120_000;
}

function reportUnschedulable(world: World, state: KarpenterState, e: { pod: string; error: string }, logIt: boolean): void {
  const pod = world.pods.get(e.pod);
  if (!pod || !unschedulableDue(world, state, pod.name, e.error)) return;
  state.eventSeenMs[unschedulableKey(pod.name, e.error)] = world.timeMs;
  const message = `Failed to schedule pod, ${e.error}`;
  emitEvent(world, { kind: 'Pod', name: pod.name, namespace: pod.namespace, type: 'Warning', reason: 'FailedScheduling', message, source: 'karpenter' });
  if (logIt) karpenterLog(world, couldNotSchedulePod(pod.name, pod.namespace, e.error), 'v1');
}
