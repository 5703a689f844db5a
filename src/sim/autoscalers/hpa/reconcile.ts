/**
 * One sync of one HPA (reconcileAutoscaler in horizontal.go), as a pure function: the engine
 * passes the object, the controller's memory for it, the scale subresource and a metrics client,
 * and gets back the decision, the new status, events to record and a readable explanation.
 */
import { tolerancesFor, withDefaults, type DefaultedHpaSpec } from './defaults';
import {
  initialHpaMachineSnapshot,
  persistHpaMachine,
  type HpaStateName,
  type HpaSyncKind,
  type HpaSyncOutcome,
  type PersistedHpaMachine,
} from './hpaMachine';
import { stepPersistedHpaMachine } from './hpaStepper';
import { computeReplicasForMetrics, type HpaEvent, type MetricContext, type MetricsOutcome } from './metricProposals';
import type { HpaMetricsClient } from './metricsClient';
import {
  normalizeDesiredReplicas,
  storeScaleEvent,
  type LimitReason,
  type NormalizationInput,
  type ScaleEvent,
  type TimestampedRecommendation,
} from './normalize';
import {
  DEFAULT_HPA_CONTROLLER_CONFIG,
  type HorizontalPodAutoscaler,
  type HorizontalPodAutoscalerStatus,
  type HpaCondition,
  type HpaControllerConfig,
  type MetricStatus,
} from './types';
import { msg, type Message } from '../../core/message';
import { samePlainData, sameStatusValues, scaledStatus, statusUnlessSame } from './statusCopy';
import { replicasText, targetLine } from './calculationText';
import { beginConditions, conditionReason, finishConditions, setCond } from './conditionTable';

/** What kube-controller-manager keeps in memory per HPA between syncs. */
export interface HpaControllerState {
  recommendations: TimestampedRecommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
  machine: PersistedHpaMachine;
}

export function initialHpaControllerState(): HpaControllerState {
  return { recommendations: [], scaleUpEvents: [], scaleDownEvents: [], machine: persistHpaMachine(initialHpaMachineSnapshot()) };
}

/** The target's scale subresource. `selector` is status.selector; '' means the target has none. */
export interface HpaScaleSubresource {
  specReplicas: number;
  statusReplicas: number;
  selector?: string;
}

export interface ReconcileHpaInput {
  /** The HPA with its previous status (defaults are applied here; passing them pre-applied is fine). */
  hpa: HorizontalPodAutoscaler;
  state: HpaControllerState;
  nowSeconds: number;
  scale: HpaScaleSubresource | { error: string };
  metrics: HpaMetricsClient;
  config?: Partial<HpaControllerConfig>;
  /** Simulates the API server rejecting the scale update. */
  scaleUpdateError?: string;
  /** The previous sync's explanation: the output's is that list itself when it words the same lines. */
  previousExplanation?: Message[];
}

export interface ReconcileHpaOutput {
  /** What the HPA wants spec.replicas to be (equals current when it does not rescale). */
  desiredReplicas: number;
  /** True when the engine should write `desiredReplicas` to the target's spec.replicas. */
  rescale: boolean;
  status: HorizontalPodAutoscalerStatus;
  state: HpaControllerState;
  events: HpaEvent[];
  explanation: Message[];
  outcome: HpaSyncOutcome;
  machineState: HpaStateName;
}

const EVENT_RESCALE = 'SuccessfulRescale';

interface Working {
  previousConditions: HpaCondition[];
  events: HpaEvent[];
  explanation: Message[];
}

/**
 * The sync's working lists, kept for every sync (reconcileHpa does not recurse): finish hands out
 * copies of their final length, or the previous sync's explanation when it is the same lines, and
 * empties them. A list grown by pushes from empty reserves 17 slots.
 */
const work: Working = { previousConditions: [], events: [], explanation: [] };

/** Most syncs raise no event: one frozen empty list serves them (nothing may add to an output's list). */
const NO_EVENTS: HpaEvent[] = Object.freeze([]) as unknown as HpaEvent[];

/**
 * The explanation to hand out: `previous` itself when `lines` word it line for line (a line built
 * anew with the same key and parameters counts as the same), else a copy of `lines`.
 */
function keptLines(lines: readonly Message[], previous: Message[] | undefined): Message[] {
  if (previous === undefined || previous.length !== lines.length) return lines.slice();
  for (let i = 0; i < lines.length; i++) if (lines[i] !== previous[i] && !samePlainData(lines[i], previous[i])) return lines.slice();
  return previous;
}

/** pushAll for one source, without the rest-parameter array pushAll makes per call. */
function append<T>(target: T[], source: readonly T[]): void {
  for (let i = 0; i < source.length; i++) target.push(source[i]);
}

function outcomeFor(
  current: number,
  scalingLimited: boolean,
  scalingLimitedReason: LimitReason | undefined,
  kind: HpaSyncKind,
  desiredOut: number,
  nowSeconds: number,
): HpaSyncOutcome {
  return {
    kind,
    currentReplicas: current,
    desiredReplicas: desiredOut,
    ableToScaleReason: conditionReason('AbleToScale'),
    scalingLimited,
    scalingLimitedReason,
    nowSeconds,
  };
}

/** The line naming the state, one per state: messages are plain data, never edited, so one is shared. */
const stateLines = new Map<HpaStateName, Message>();

function stateLine(state: HpaStateName): Message {
  let line = stateLines.get(state);
  if (line === undefined) {
    line = msg('engine.hpa.state', { state: msg(`engine.state.${state}`) });
    stateLines.set(state, line);
  }
  return line;
}

function finish(
  input: ReconcileHpaInput,
  w: Working,
  state: Omit<HpaControllerState, 'machine'>,
  status: HorizontalPodAutoscalerStatus,
  outcome: HpaSyncOutcome,
  rescale: boolean,
): ReconcileHpaOutput {
  // The compiled step (hpaStepper.ts, checked against transition()) spares an xstate actor per sync.
  const machine = stepPersistedHpaMachine(input.state.machine, outcome);
  const machineState = machine.value;
  w.explanation.push(stateLine(machineState));
  const explanation = keptLines(w.explanation, input.previousExplanation);
  const events = w.events.length === 0 ? NO_EVENTS : w.events.slice();
  w.explanation.length = 0;
  w.events.length = 0;
  const conditions = finishConditions(w.previousConditions);
  w.previousConditions = NO_CONDITIONS;
  const previous = input.hpa.status;
  // A steady sync words the status it read: that status itself serves (nothing edits one in place).
  const unchanged = previous !== undefined && conditions === previous.conditions && sameStatusValues(status, previous);
  // Every path but a failed scale read passes a status built for this sync: set its conditions
  // in place (the same key order as a spread) rather than copy it once more.
  const out = unchanged ? previous : status === previous ? { ...status } : status;
  if (!unchanged) out.conditions = conditions;
  return {
    desiredReplicas: outcome.desiredReplicas,
    rescale,
    status: out,
    // Literals, not `{ ...state, machine }`: V8 builds a spread followed by a new key on a slow
    // path (~1.3 µs an object, several per sync).
    state: { recommendations: state.recommendations, scaleUpEvents: state.scaleUpEvents, scaleDownEvents: state.scaleDownEvents, machine },
    events,
    explanation,
    outcome,
    machineState,
  };
}

/**
 * withDefaults copies the spec to fill in minReplicas and metrics. When both are set and there is
 * no behavior to default, that copy is the spec key for key (a spread of the same values), and a
 * sync only reads it: the spec itself serves, without a slow spread per sync.
 */
function defaulted(spec: HorizontalPodAutoscaler['spec'], downscaleStabilizationSeconds: number): DefaultedHpaSpec {
  if (spec.behavior === undefined && typeof spec.minReplicas === 'number' && spec.metrics !== undefined && spec.metrics.length > 0) return spec as DefaultedHpaSpec;
  return withDefaults(spec, { downscaleStabilizationSeconds });
}

const NO_CONDITIONS: HpaCondition[] = Object.freeze([]) as unknown as HpaCondition[];

function previousConditionsOf(status: HorizontalPodAutoscalerStatus | undefined): HpaCondition[] {
  return status?.conditions ?? NO_CONDITIONS;
}

const syncState: Omit<HpaControllerState, 'machine'> = { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };

/**
 * The metrics' context and the normalization's input, refilled per sync rather than made: the
 * calculations read them and keep neither (their results hold none of their fields' objects but
 * the lists they were given).
 */
const NO_METRICS_CLIENT = undefined as unknown as HpaMetricsClient;
const metricContext: MetricContext = {
  namespace: '',
  specReplicas: 0,
  statusReplicas: 0,
  tolerances: { scaleDown: 0, scaleUp: 0 },
  nowSeconds: 0,
  config: DEFAULT_HPA_CONTROLLER_CONFIG,
  metrics: NO_METRICS_CLIENT,
  previousMetrics: undefined,
};
const normalizationInput: NormalizationInput = {
  currentReplicas: 0,
  proposal: 0,
  minReplicas: 0,
  maxReplicas: 0,
  behavior: undefined,
  recommendations: [],
  scaleUpEvents: [],
  scaleDownEvents: [],
  nowSeconds: 0,
  downscaleStabilizationSeconds: 0,
};

export function reconcileHpa(input: ReconcileHpaInput): ReconcileHpaOutput {
  // The engine passes the defaults themselves: no copy of them per sync (nothing writes to a config).
  const config: HpaControllerConfig =
    input.config === undefined || input.config === DEFAULT_HPA_CONTROLLER_CONFIG ? DEFAULT_HPA_CONTROLLER_CONFIG : { ...DEFAULT_HPA_CONTROLLER_CONFIG, ...input.config };
  const now = input.nowSeconds;
  const spec = defaulted(input.hpa.spec, config.downscaleStabilizationSeconds);
  const previous: HorizontalPodAutoscalerStatus = input.hpa.status ?? { currentReplicas: 0, desiredReplicas: 0 };
  const previousConditions = previousConditionsOf(previous);
  const w = work;
  w.previousConditions = previousConditions;
  beginConditions(previousConditions);
  // Kept for every sync: its keys are replaced as the sync goes (finish copies them out).
  const state = syncState;
  state.recommendations = input.state.recommendations;
  state.scaleUpEvents = input.state.scaleUpEvents;
  state.scaleDownEvents = input.state.scaleDownEvents;

  if ('error' in input.scale) {
    w.events.push({ type: 'Warning', reason: 'FailedGetScale', message: input.scale.error });
    setCond(now, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${input.scale.error}`);
    w.explanation.push(msg('engine.hpa.failedGetScale', { target: `${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}`, error: input.scale.error }));
    const current = previous.currentReplicas;
    return finish(input, w, state, previous, baseOutcome('failedGetScale', current, previous.desiredReplicas, now), false);
  }
  setCond(now, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
  const current = input.scale.specReplicas;
  if (state.recommendations.length === 0) state.recommendations = [{ replicas: current, timestampSeconds: now }];
  const minReplicas = spec.minReplicas;
  w.explanation.push(targetLine(spec.scaleTargetRef, current, minReplicas, spec.maxReplicas));

  let desired: number;
  let rescaleReason = '';
  let metricStatuses: MetricStatus[] | undefined;
  let scalingLimited = false;
  let scalingLimitedReason: LimitReason | undefined;

  if (current === 0 && minReplicas !== 0) {
    setCond(now, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
    w.explanation.push(msg('engine.hpa.disabled'));
    const status = { ...previous, currentReplicas: current, desiredReplicas: current, currentMetrics: undefined };
    return finish(input, w, state, status, baseOutcome('disabled', current, current, now), false);
  } else if (current > spec.maxReplicas) {
    rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
    desired = spec.maxReplicas;
    w.explanation.push(msg('engine.hpa.aboveMax', { replicas: desired }));
  } else if (current < minReplicas) {
    rescaleReason = 'Current number of replicas below Spec.MinReplicas';
    desired = minReplicas;
    w.explanation.push(msg('engine.hpa.belowMin', { replicas: desired }));
  } else {
    if (input.scale.selector === '') {
      w.events.push({ type: 'Warning', reason: 'SelectorRequired', message: 'selector is required' });
      setCond(now, 'ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector");
      w.events.push({ type: 'Warning', reason: 'FailedComputeMetricsReplicas', message: 'selector is required' });
      w.explanation.push(msg('engine.hpa.noSelector'));
      const status = { ...previous, currentReplicas: current };
      return finish(input, w, state, status, baseOutcome('metricsUnavailable', current, previous.desiredReplicas, now), false);
    }
    const ctx = metricContext;
    ctx.namespace = input.hpa.metadata.namespace ?? 'default';
    ctx.specReplicas = current;
    ctx.statusReplicas = input.scale.statusReplicas;
    ctx.tolerances = tolerancesFor(spec, config);
    ctx.nowSeconds = now;
    ctx.config = config;
    ctx.metrics = input.metrics;
    ctx.previousMetrics = previous.currentMetrics;
    const metrics: MetricsOutcome = computeReplicasForMetrics(ctx, spec.metrics);
    ctx.metrics = NO_METRICS_CLIENT;
    ctx.previousMetrics = undefined;
    append(w.events, metrics.events);
    append(w.explanation, metrics.explanation);
    setCond(now, 'ScalingActive', metrics.scalingActive.status, metrics.scalingActive.reason, metrics.scalingActive.message);
    metricStatuses = metrics.statuses;
    if (metrics.replicas === -1) {
      w.events.push({ type: 'Warning', reason: 'FailedComputeMetricsReplicas', message: metrics.error ?? '' });
      const status = { ...previous, currentReplicas: current, currentMetrics: metricStatuses };
      return finish(input, w, state, status, baseOutcome('metricsUnavailable', current, previous.desiredReplicas, now), false);
    }
    desired = Math.max(0, metrics.replicas);
    if (desired > current) rescaleReason = `${metrics.metricName} above target`;
    if (desired < current) rescaleReason = 'All metrics below target';
    const n = normalizationInput;
    n.currentReplicas = current;
    n.proposal = desired;
    n.minReplicas = minReplicas;
    n.maxReplicas = spec.maxReplicas;
    n.behavior = spec.behavior;
    n.recommendations = state.recommendations;
    n.scaleUpEvents = state.scaleUpEvents;
    n.scaleDownEvents = state.scaleDownEvents;
    n.nowSeconds = now;
    n.downscaleStabilizationSeconds = config.downscaleStabilizationSeconds;
    const normalized = normalizeDesiredReplicas(n);
    state.recommendations = normalized.recommendations;
    setCond(now, 'AbleToScale', 'True', normalized.ableToScale.reason, normalized.ableToScale.message);
    setCond(now, 'ScalingLimited', normalized.scalingLimited.status, normalized.scalingLimited.reason, normalized.scalingLimited.message);
    scalingLimited = normalized.scalingLimited.status === 'True';
    scalingLimitedReason = normalized.scalingLimited.reason;
    append(w.explanation, normalized.explanation);
    desired = normalized.desiredReplicas;
  }

  if (desired === current) {
    w.explanation.push(replicasText('engine.hpa.noChange', current));
    const status = statusUnlessSame(previous, current, current, metricStatuses);
    return finish(input, w, state, status, outcomeFor(current, scalingLimited, scalingLimitedReason, 'unchanged', current, now), false);
  }
  if (input.scaleUpdateError !== undefined) {
    w.events.push({
      type: 'Warning',
      reason: 'FailedRescale',
      message: `New size: ${desired}; reason: ${rescaleReason}; error: ${input.scaleUpdateError}`,
    });
    setCond(now, 'AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${input.scaleUpdateError}`);
    w.explanation.push(msg('engine.hpa.failedRescale', { error: input.scaleUpdateError }));
    const status: HorizontalPodAutoscalerStatus = { ...previous, currentReplicas: current, currentMetrics: metricStatuses };
    return finish(input, w, state, status, outcomeFor(current, scalingLimited, scalingLimitedReason, 'rescaleFailed', desired, now), false);
  }
  setCond(now, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
  w.events.push({ type: 'Normal', reason: EVENT_RESCALE, message: `New size: ${desired}; reason: ${rescaleReason}` });
  const events = storeScaleEvent(spec.behavior, { scaleUpEvents: state.scaleUpEvents, scaleDownEvents: state.scaleDownEvents }, current, desired, now);
  state.scaleUpEvents = events.scaleUpEvents;
  state.scaleDownEvents = events.scaleDownEvents;
  w.explanation.push(msg('engine.hpa.rescale', { current, replicas: desired, reason: rescaleReason }));
  const status = scaledStatus(previous, current, desired, metricStatuses, now);
  return finish(input, w, state, status, outcomeFor(current, scalingLimited, scalingLimitedReason, 'rescaled', desired, now), true);
}

function baseOutcome(kind: HpaSyncKind, current: number, desired: number, nowSeconds: number): HpaSyncOutcome {
  return { kind, currentReplicas: current, desiredReplicas: desired, ableToScaleReason: '', scalingLimited: false, nowSeconds };
}
