/**
 * The HPA's per-metric replica formulas (replica_calculator.go and metrics/utilization.go),
 * restated. Every function returns the proposal together with the numbers it used, so the
 * playground can explain the decision.
 */
import { isWithinTolerance, type Tolerances } from './defaults';
import { groupPods, type HpaPodInfo, type PodGroup, type PodGroups } from './podGrouping';
import { amount, keepsText, q, ratioText, toleranceText, utilizationLine } from './calculationText';
import { msg, type Message } from '../../core/message';
import type { ResourceUtilizationTotals } from './metricsClient';
import { calculation, decided, type CalcResult, type Decision, type PerPodCalculation } from './calculationResult';

export type { CalcDecision, CalcResult, PerPodCalculation } from './calculationResult';

export interface PerPodMetricInput {
  currentReplicas: number;
  pods: readonly HpaPodInfo[];
  tolerances: Tolerances;
  nowSeconds: number;
  cpuInitializationPeriodSeconds: number;
  initialReadinessDelaySeconds: number;
  /** Name shown in explanations: "cpu", "memory", "packets-per-second". */
  metricLabel: string;
}

/** groupOf of the calculation under way: read only before the calculator returns (see groupPods). */
const groupOfScratch: PodGroup[] = [];

function group(input: PerPodMetricInput, cpuReadinessChecks: boolean): PodGroups {
  return groupPods(
    input.pods,
    {
      cpuReadinessChecks,
      nowSeconds: input.nowSeconds,
      cpuInitializationPeriodSeconds: input.cpuInitializationPeriodSeconds,
      initialReadinessDelaySeconds: input.initialReadinessDelaySeconds,
    },
    groupOfScratch,
  );
}

/**
 * The summary when every pod is ready, per count: the usual case, worded the same every sync
 * (messages are plain data, never edited, so one serves them all).
 */
const readyOnlySummaries = new Map<number, Message>();

function groupSummary(groups: PodGroups): Message {
  if (groups.unready.length === 0 && groups.missing.length === 0 && groups.ignored.length === 0) {
    let summary = readyOnlySummaries.get(groups.readyPodCount);
    if (summary === undefined) {
      summary = msg('engine.hpa.pods', { groups: [msg('engine.hpa.podsReady', { count: groups.readyPodCount })] });
      if (readyOnlySummaries.size >= 4096) readyOnlySummaries.clear();
      readyOnlySummaries.set(groups.readyPodCount, summary);
    }
    return summary;
  }
  const out = [msg('engine.hpa.podsReady', { count: groups.readyPodCount })];
  if (groups.unready.length) out.push(msg('engine.hpa.podsUnready', { count: groups.unready.length, pods: groups.unready.join(', ') }));
  if (groups.missing.length) out.push(msg('engine.hpa.podsMissing', { count: groups.missing.length, pods: groups.missing.join(', ') }));
  if (groups.ignored.length) out.push(msg('engine.hpa.podsIgnored', { count: groups.ignored.length, pods: groups.ignored.join(', ') }));
  return msg('engine.hpa.pods', { groups: out });
}

/*
 * Upstream keeps samples and requests in maps keyed by pod name: removeMetricsForPods drops the
 * ignored and unready pods, and the second pass adds fill-ins for missing and unready ones. Pod
 * names are unique, so those maps are the pods of given groups walked in list order; the sums
 * below walk them in that order (the order of the float additions is the maps' order) without
 * building a map per sync.
 */

/** Σ of the counted (ready) pods' samples: the metrics left after removeMetricsForPods. */
function readySampleTotal(pods: readonly HpaPodInfo[], groups: PodGroups): number {
  let total = 0;
  for (let i = 0; i < pods.length; i++) if (groups.groupOf[i] === 'ready') total += pods[i].sampleMilli!;
  return total;
}

interface UtilizationRatio {
  ratio: number;
  utilization: number;
  rawAverage: number;
  usageTotal: number;
  requestTotal: number;
}

/** GetResourceUtilizationRatio over the counted pods (every pod has a request by then). */
function utilizationRatio(pods: readonly HpaPodInfo[], groups: PodGroups, target: number): UtilizationRatio | { error: string } {
  let usageTotal = 0;
  let requestTotal = 0;
  for (let i = 0; i < pods.length; i++) {
    if (groups.groupOf[i] !== 'ready') continue;
    usageTotal += pods[i].sampleMilli!;
    requestTotal += pods[i].requestMilli!;
  }
  return ratioOfTotals(usageTotal, requestTotal, groups.readyPodCount, target);
}

/**
 * The first pass's ratio, one object for every calculation (one per metric per sync): the
 * calculation reads it before it returns, and nothing keeps it.
 */
const firstRatio: UtilizationRatio = { ratio: 0, utilization: 0, rawAverage: 0, usageTotal: 0, requestTotal: 0 };
const NO_MATCHED_METRICS = Object.freeze({ error: 'no metrics returned matched known pods' });

function ratioOfTotals(usageTotal: number, requestTotal: number, readyPodCount: number, target: number): UtilizationRatio | { error: string } {
  if (requestTotal === 0) return NO_MATCHED_METRICS;
  const utilization = Math.trunc((usageTotal * 100) / requestTotal);
  const first = firstRatio;
  first.ratio = utilization / target;
  first.utilization = utilization;
  first.rawAverage = Math.trunc(usageTotal / readyPodCount);
  first.usageTotal = usageTotal;
  first.requestTotal = requestTotal;
  return first;
}

/** GetMetricUsageRatio: integer average over every sample, then average / target. */
function plainRatio(total: number, count: number, targetMilli: number): { ratio: number; average: number; total: number } {
  const average = Math.trunc(total / count);
  return { ratio: average / targetMilli, average, total };
}

/** calculatePodRequests: every listed pod must carry a request for the resource. */
function missingRequest(pods: readonly HpaPodInfo[], resource: string): { error: string } | undefined {
  for (const pod of pods) {
    if (pod.requestMilli === undefined) {
      return { error: `missing request for ${resource} in container ${pod.missingRequestContainer ?? pod.name} of Pod ${pod.name}` };
    }
  }
  return undefined;
}

interface SecondPass {
  newRatio: number;
  count: number;
}

/**
 * The shared tail of both per-pod algorithms: keep the current count when the ratio is inside
 * tolerance, otherwise scale; with missing or unready pods, redo the ratio with conservative
 * fill-ins and refuse any result that changes direction. The explanation starts with the
 * caller's two lines; without a second pass it is one literal of four (pushes onto a list of two
 * grew it to nineteen slots, every sync).
 */
function decide<I extends PerPodMetricInput, F>(
  input: I,
  groups: PodGroups,
  usageRatio: number,
  // A module function and the first pass, not a closure or an argument object: either, made per
  // sync, costs more (and a name wrapper under tsx) than the pass it rarely runs.
  secondPass: (input: I, groups: PodGroups, first: F, explanation: Message[]) => SecondPass,
  first: F,
  summary: Message,
  measured: Message,
  // A Utilization target words the ratio as "59% / 60%": built only when the count changes.
  utilizationPercent?: number,
  targetUtilization?: number,
): Decision & { explanation: Message[] } {
  const current = input.currentReplicas;
  const scaleUpWithUnready = groups.unready.length > 0 && usageRatio > 1.0;
  if (!scaleUpWithUnready && groups.missing.length === 0) {
    const tolerance = toleranceText(usageRatio, input.tolerances);
    if (isWithinTolerance(usageRatio, input.tolerances)) {
      return decided(current, groups.readyPodCount, 'withinTolerance', [summary, measured, tolerance, keepsText(current)]);
    }
    const replicas = Math.ceil(usageRatio * groups.readyPodCount);
    const ratio = utilizationPercent === undefined ? ratioText(usageRatio) : `${utilizationPercent}% / ${targetUtilization}%`;
    return decided(replicas, groups.readyPodCount, 'scaled', [summary, measured, tolerance, msg('engine.hpa.desired', { count: groups.readyPodCount, ratio, replicas })]);
  }
  const explanation = [summary, measured];
  const decision = secondPassDecision(input, usageRatio, secondPass(input, groups, first, explanation), explanation);
  return { replicas: decision.replicas, newUsageRatio: decision.newUsageRatio, podsCounted: decision.podsCounted, decision: decision.decision, explanation };
}

function secondPassDecision(input: PerPodMetricInput, usageRatio: number, { newRatio, count }: SecondPass, explanation: Message[]): Decision {
  const current = input.currentReplicas;
  explanation.push(msg('engine.hpa.fillIns', { count, ratio: ratioText(newRatio) }));
  const flipped = (usageRatio < 1.0 && newRatio > 1.0) || (usageRatio > 1.0 && newRatio < 1.0);
  if (isWithinTolerance(newRatio, input.tolerances)) {
    explanation.push(toleranceText(newRatio, input.tolerances), keepsText(current));
    return { replicas: current, newUsageRatio: newRatio, podsCounted: count, decision: 'withinTolerance' };
  }
  if (flipped) {
    explanation.push(msg('engine.hpa.directionFlipped', { replicas: current }));
    return { replicas: current, newUsageRatio: newRatio, podsCounted: count, decision: 'directionFlipped' };
  }
  const replicas = Math.ceil(newRatio * count);
  if ((newRatio < 1.0 && replicas > current) || (newRatio > 1.0 && replicas < current)) {
    explanation.push(msg('engine.hpa.countFlipped', { count, ratio: ratioText(newRatio), replicas, current }));
    return { replicas: current, newUsageRatio: newRatio, podsCounted: count, decision: 'countFlipped' };
  }
  explanation.push(msg('engine.hpa.desired', { count, ratio: ratioText(newRatio), replicas }));
  return { replicas, newUsageRatio: newRatio, podsCounted: count, decision: 'scaled' };
}

interface UtilizationPassInput {
  input: PerPodMetricInput & { targetUtilization: number };
  groups: PodGroups;
  first: UtilizationRatio;
}

/** Adds a fill-in at `percentOfRequest` of its request for every pod of `group`, in list order. */
function fillIn(pass: UtilizationPassInput, group: PodGroup, percentOfRequest: number, acc: { usage: number; request: number; count: number }): void {
  const pods = pass.input.pods;
  for (let i = 0; i < pods.length; i++) {
    if (pass.groups.groupOf[i] !== group) continue;
    const podRequest = pods[i].requestMilli!;
    acc.usage += Math.trunc((podRequest * percentOfRequest) / 100);
    acc.request += podRequest;
    acc.count++;
  }
}

function utilizationSecondPass(
  input: PerPodMetricInput & { targetUtilization: number },
  groups: PodGroups,
  first: UtilizationRatio,
  explanation: Message[],
): SecondPass {
  const pass: UtilizationPassInput = { input, groups, first };
  const acc = { usage: first.usageTotal, request: first.requestTotal, count: groups.readyPodCount };
  if (groups.missing.length > 0) {
    if (first.ratio < 1.0) {
      // Scale-down: assume each silent pod runs at its request (or at the target, if above 100%).
      const fallback = Math.max(100, input.targetUtilization);
      fillIn(pass, 'missing', fallback, acc);
      explanation.push(msg('engine.hpa.missingDown', { count: groups.missing.length, percent: fallback }));
    } else if (first.ratio > 1.0) {
      fillIn(pass, 'missing', 0, acc);
      explanation.push(msg('engine.hpa.missingUp', { count: groups.missing.length }));
    }
  }
  if (groups.unready.length > 0 && first.ratio > 1.0) {
    fillIn(pass, 'unready', 0, acc);
    explanation.push(msg('engine.hpa.unreadyUp', { count: groups.unready.length, value: '0%' }));
  }
  // Requests cover every pod, so the second pass cannot lose all entries; guard anyway.
  const newRatio = acc.request === 0 ? first.ratio : Math.trunc((acc.usage * 100) / acc.request) / input.targetUtilization;
  return { newRatio, count: acc.count };
}

function plainSecondPass(
  input: PerPodMetricInput & { targetAverageMilli: number },
  groups: PodGroups,
  first: { ratio: number; total: number },
  explanation: Message[],
): SecondPass {
  let total = first.total;
  let count = groups.readyPodCount;
  if (groups.missing.length > 0 && first.ratio !== 1.0) {
    // Scale-down: assume silent pods sit exactly at the target; scale-up: assume them idle.
    const fill = first.ratio < 1.0 ? input.targetAverageMilli : 0;
    for (let i = 0; i < groups.missing.length; i++) total += fill; // one float addition per fill-in, as upstream's map sum
    count += groups.missing.length;
    explanation.push(msg('engine.hpa.missingFill', { count: groups.missing.length, value: q(fill) }));
  }
  if (groups.unready.length > 0 && first.ratio > 1.0) {
    count += groups.unready.length;
    explanation.push(msg('engine.hpa.unreadyUp', { count: groups.unready.length, value: '0' }));
  }
  return { newRatio: plainRatio(total, count, input.targetAverageMilli).ratio, count };
}

/** Resource metric with an averageUtilization target (GetResourceReplicas). */
export function resourceUtilizationReplicas(
  input: PerPodMetricInput & { resource: string; targetUtilization: number },
): CalcResult<PerPodCalculation> {
  if (input.pods.length === 0) return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const groups = group(input, input.resource === 'cpu');
  if (groups.readyPodCount === 0) return { ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' };
  const noRequest = missingRequest(input.pods, input.resource);
  if (noRequest) return { ok: false, error: noRequest.error };
  const first = utilizationRatio(input.pods, groups, input.targetUtilization);
  if ('error' in first) return { ok: false, error: first.error };
  return utilizationOutcome(input, groups, first);
}

/** The pods of resourceUtilizationFromTotals' input: nothing reads them once no pod is missing or unready. */
export const NO_PODS: readonly HpaPodInfo[] = Object.freeze([]);

/** The totals' groups other than ready and ignored: empty by the totals' contract, and read only. */
const NO_GROUPS: PodGroup[] = Object.freeze([]) as unknown as PodGroup[];
const NO_NAMES: string[] = Object.freeze([]) as unknown as string[];
const totalsGroups: PodGroups = { readyPodCount: 0, groupOf: NO_GROUPS, unready: NO_NAMES, missing: NO_NAMES, ignored: NO_NAMES };

/**
 * resourceUtilizationReplicas from the first pass's totals (HpaMetricsClient.resourceUtilizationTotals):
 * with every pod ready or ignored, decide keeps to its first branch, which reads no pod.
 */
export function resourceUtilizationFromTotals(
  input: PerPodMetricInput & { resource: string; targetUtilization: number },
  totals: ResourceUtilizationTotals,
): CalcResult<PerPodCalculation> {
  // One object for every call: the calculation copies its lists out (calculation) and keeps none of it.
  const groups = totalsGroups;
  groups.readyPodCount = totals.readyPodCount;
  groups.ignored = totals.ignored;
  const first = ratioOfTotals(totals.usageTotal, totals.requestTotal, totals.readyPodCount, input.targetUtilization);
  if ('error' in first) return { ok: false, error: first.error };
  return utilizationOutcome(input, groups, first);
}

function utilizationOutcome(
  input: PerPodMetricInput & { resource: string; targetUtilization: number },
  groups: PodGroups,
  first: UtilizationRatio,
): CalcResult<PerPodCalculation> {
  const measured = utilizationLine(
    input.metricLabel,
    first.utilization,
    amount(first.rawAverage, input.resource),
    amount(Math.trunc(first.requestTotal / groups.readyPodCount), input.resource),
    groups.readyPodCount,
    input.targetUtilization,
  );
  const outcome = decide(input, groups, first.ratio, utilizationSecondPass, first, groupSummary(groups), measured, first.utilization, input.targetUtilization);
  return calculation(outcome, first.ratio, first.utilization, first.rawAverage, groups, outcome.explanation);
}

/**
 * Per-pod average against an averageValue target: Resource AverageValue (CPU readiness checks
 * apply when resource is "cpu") and Pods metrics (no readiness checks). calcPlainMetricReplicas.
 */
export function plainMetricReplicas(
  input: PerPodMetricInput & { targetAverageMilli: number; resource?: string },
): CalcResult<PerPodCalculation> {
  if (input.pods.length === 0) return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const groups = group(input, input.resource === 'cpu');
  if (groups.readyPodCount === 0) return { ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' };
  const first = plainRatio(readySampleTotal(input.pods, groups), groups.readyPodCount, input.targetAverageMilli);
  const measured = msg('engine.hpa.average', {
    metric: input.metricLabel,
    average: amount(first.average, input.resource),
    pods: groups.readyPodCount,
    target: amount(input.targetAverageMilli, input.resource),
  });
  const outcome = decide(input, groups, first.ratio, plainSecondPass, first, groupSummary(groups), measured);
  return calculation(outcome, first.ratio, undefined, first.average, groups, outcome.explanation);
}
