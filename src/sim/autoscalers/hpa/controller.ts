import type { World } from '../../core/types';
import { emitEvent, log } from '../../core/world';
import type { HorizontalPodAutoscaler } from './types';
import type { HpaMetricsClient } from './metricsClient';
import { DEFAULT_HPA_CONTROLLER_CONFIG } from './types';
import { initialHpaControllerState, reconcileHpa, type HpaControllerState, type HpaScaleSubresource, type ReconcileHpaInput } from './reconcile';
import { recordHpaEvents, type HpaEventRecord } from './eventLog';
import { listingMetricsClient, releaseListingMetricsClient, worldMetricsClient } from './worldMetrics';
import { UtilizationAccumulator } from './utilizationTotals';
import { listTargetPods } from './targetListing';
import type { PodGroupingOptions } from './podGrouping';
import { msg, type Message } from '../../core/message';
import { hpaWithStatus } from './statusCopy';

/**
 * kube-controller-manager's horizontal-pod-autoscaler loop over the world: every 15 s
 * (--horizontal-pod-autoscaler-sync-period) each HPA reads its target's scale subresource and
 * metrics, decides (reconcile.ts), and writes the target's spec.replicas when it rescales.
 */
export const HPA_CONTROLLER = 'horizontal-pod-autoscaler';

export interface HpaRecord {
  hpa: HorizontalPodAutoscaler;
  state: HpaControllerState;
  events: HpaEventRecord[];
  createdAtSeconds: number;
  explanation: Message[];
  machineState: string;
  lastSyncSeconds: number;
}

export interface HpaWorldState {
  records: Record<string, HpaRecord>;
}

export function hpaState(world: World): HpaWorldState {
  return ((world.autoscalers.hpa as HpaWorldState | undefined) ??= { records: {} });
}

export function hpaKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export function newHpaRecord(hpa: HorizontalPodAutoscaler, nowSeconds: number): HpaRecord {
  return {
    hpa,
    state: initialHpaControllerState(),
    events: [],
    createdAtSeconds: nowSeconds,
    explanation: [msg('engine.hpa.waiting', { period: 15 })],
    machineState: 'stable',
    lastSyncSeconds: -1,
  };
}

/** The scale subresource's selector, kept per labels object (a template's labels are replaced, never edited). */
const selectors = new WeakMap<Record<string, string>, string>();

function selectorText(labels: Record<string, string>): string {
  let text = selectors.get(labels);
  if (text === undefined) {
    text = Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    selectors.set(labels, text);
  }
  return text;
}

/**
 * The utilization totals for the listing to gather when the HPA's one metric is a resource
 * Utilization: reconcile then asks the client for exactly those (the client checks the resource
 * and options, and any other question takes its own pass), and the listing fetches every pod
 * anyway; the totals' own walk over the same pods was the larger part of their cost.
 */
function listingTotals(hpa: HorizontalPodAutoscaler, nowSeconds: number): UtilizationAccumulator | undefined {
  const metrics = hpa.spec.metrics;
  if (metrics === undefined || metrics.length !== 1 || metrics[0].type !== 'Resource') return undefined;
  const resource = metrics[0].resource.name;
  if (resource !== 'cpu' && resource !== 'memory') return undefined;
  // Its options are read during the sync only (the client compares them with the calculation's).
  listingGrouping.cpuReadinessChecks = resource === 'cpu';
  listingGrouping.nowSeconds = nowSeconds;
  listedTotals.restart(resource, listingGrouping);
  return listedTotals;
}

/**
 * One accumulator and grouping for every sync, not new ones each: the sync reads their totals
 * and keeps none of them (the ignored names it hands out are never reused, see restart).
 */
const listingGrouping: PodGroupingOptions = {
  cpuReadinessChecks: true,
  nowSeconds: 0,
  cpuInitializationPeriodSeconds: DEFAULT_HPA_CONTROLLER_CONFIG.cpuInitializationPeriodSeconds,
  initialReadinessDelaySeconds: DEFAULT_HPA_CONTROLLER_CONFIG.initialReadinessDelaySeconds,
};
const listedTotals = new UtilizationAccumulator('cpu', listingGrouping);

/**
 * The scale subresource and reconcileHpa's input of the sync under way, refilled rather than made
 * per sync: reconcileHpa reads them and its output keeps neither (nor does anything it calls).
 */
const scaleRead: HpaScaleSubresource = { specReplicas: 0, statusReplicas: 0, selector: '' };
const syncInput: ReconcileHpaInput = {
  hpa: undefined as unknown as HorizontalPodAutoscaler,
  state: undefined as unknown as HpaControllerState,
  nowSeconds: 0,
  scale: scaleRead,
  metrics: undefined as unknown as HpaMetricsClient,
  config: DEFAULT_HPA_CONTROLLER_CONFIG,
  scaleUpdateError: undefined,
  previousExplanation: undefined,
};

export function syncHpa(world: World, record: HpaRecord): void {
  const now = world.timeMs / 1000;
  const { hpa } = record;
  const namespace = hpa.metadata.namespace ?? 'default';
  const ref = hpa.spec.scaleTargetRef;
  const target = ref.kind === 'Deployment' ? world.deployments.get(ref.name) : undefined;
  const input = syncInput;
  input.hpa = hpa;
  input.state = record.state;
  input.nowSeconds = now;
  input.previousExplanation = record.explanation;
  if (target) {
    const totals = listingTotals(hpa, now);
    const listed = listTargetPods(world, target, namespace, totals);
    scaleRead.specReplicas = target.replicas;
    scaleRead.statusReplicas = listed.active;
    scaleRead.selector = selectorText(target.template.labels);
    input.scale = scaleRead;
    input.metrics = listingMetricsClient(world, target, namespace, listed.pods, listed.inNamespace, totals);
  } else {
    input.scale = { error: `deployments/scale.apps "${ref.name}" not found` };
    input.metrics = worldMetricsClient(world, { name: ref.name, template: { labels: {} } } as never, namespace);
  }
  const out = reconcileHpa(input);
  // Nothing of the sync stays reachable through the kept input.
  input.hpa = undefined as never;
  input.state = undefined as never;
  input.metrics = undefined as never;
  input.previousExplanation = undefined;
  releaseListingMetricsClient();
  record.state = out.state;
  // An unchanged status is the previous one itself (reconcileHpa says when), and so is the object.
  if (out.status !== hpa.status) record.hpa = hpaWithStatus(hpa, out.status);
  record.explanation = out.explanation;
  record.machineState = out.machineState;
  record.lastSyncSeconds = now;
  // Most syncs raise no event: the folded list stays as it is.
  if (out.events.length > 0) record.events = recordHpaEvents(record.events, out.events, now).slice(-50);
  for (let i = 0; i < out.events.length; i++) {
    const e = out.events[i];
    emitEvent(world, { kind: 'HorizontalPodAutoscaler', name: hpa.metadata.name, namespace, type: e.type, reason: e.reason, message: e.message, source: HPA_CONTROLLER });
  }
  if (out.rescale && target) {
    const from = target.replicas;
    target.replicas = out.desiredReplicas;
    target.lastScaledBy = `HorizontalPodAutoscaler/${hpa.metadata.name}`;
    world.workloadsDirty = true;
    log(world, HPA_CONTROLLER, `Successful rescale of ${namespace}/${hpa.metadata.name}, old size: ${from}, new size: ${out.desiredReplicas}, reason: ${out.events.find((e) => e.reason === 'SuccessfulRescale')?.message.replace(/^New size: \d+; reason: /, '') ?? 'desired replicas changed'}`);
  }
}

/**
 * The records' keys sorted, per records object, kept while its keys are the same ones in the same
 * order (records are added and removed far less often than they sync).
 */
const sortedKeys = new WeakMap<Record<string, HpaRecord>, { keys: string[]; sorted: string[] }>();

function sortedRecordKeys(records: Record<string, HpaRecord>): readonly string[] {
  const keys = Object.keys(records);
  const kept = sortedKeys.get(records);
  if (kept !== undefined && sameList(kept.keys, keys)) return kept.sorted;
  const sorted = keys.slice().sort();
  sortedKeys.set(records, { keys, sorted });
  return sorted;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function runHpaController(world: World): void {
  const state = hpaState(world);
  const keys = sortedRecordKeys(state.records);
  for (let i = 0; i < keys.length; i++) syncHpa(world, state.records[keys[i]]);
}
