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
import { computeReplicasForMetrics, type HpaEvent, type MetricsOutcome } from './metricProposals';
import type { HpaMetricsClient } from './metricsClient';
import {
  normalizeDesiredReplicas,
  storeScaleEvent,
  type LimitReason,
  type ScaleEvent,
  type TimestampedRecommendation,
} from './normalize';
import {
  DEFAULT_HPA_CONTROLLER_CONFIG,
  type ConditionStatus,
  type HorizontalPodAutoscaler,
  type HorizontalPodAutoscalerStatus,
  type HpaCondition,
  type HpaConditionType,
  type HpaControllerConfig,
  type MetricStatus,
} from './types';
import { msg, type Message } from '../../core/message';
import { pushAll } from '../../core/arrays';
import { scaledStatus, statusWith } from './statusCopy';

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

/**
 * setCondition on the working list: lastTransitionTime moves only when the status flips. A
 * condition that comes out as it was in the previous status is that status's own object, and a
 * list that comes out the same is that status's own list (finishConditions): most syncs change no
 * condition, and the status then keeps its list and objects instead of new copies kept for 15 s.
 * Nothing edits a status's conditions in place, so sharing them is safe.
 */
function setCond(w: Working, now: number, type: HpaConditionType, status: ConditionStatus, reason: string, message: string): void {
  if (w.conditions === w.previousConditions) w.conditions = w.previousConditions.slice();
  const conditions = w.conditions;
  let index = -1;
  for (let i = 0; i < conditions.length; i++) {
    if (conditions[i].type === type) {
      index = i;
      break;
    }
  }
  if (index < 0) {
    conditions.push({ type, status, reason, message, lastTransitionTime: now });
    return;
  }
  const existing = conditions[index];
  const lastTransitionTime = existing.status !== status ? now : existing.lastTransitionTime;
  const original = index < w.previousConditions.length ? w.previousConditions[index] : undefined;
  conditions[index] =
    original !== undefined &&
    original.type === type &&
    original.status === status &&
    original.reason === reason &&
    original.message === message &&
    original.lastTransitionTime === lastTransitionTime
      ? original
      : { type, status, reason, message, lastTransitionTime };
}

/** The previous status's list when every condition came out as its own object, else the new list. */
function finishConditions(w: Working): HpaCondition[] {
  const { conditions, previousConditions } = w;
  if (conditions === previousConditions || conditions.length !== previousConditions.length) return conditions;
  for (let i = 0; i < conditions.length; i++) if (conditions[i] !== previousConditions[i]) return conditions;
  return previousConditions;
}

interface Working {
  previousConditions: HpaCondition[];
  /** previousConditions until the first setCond; a private copy after. */
  conditions: HpaCondition[];
  events: HpaEvent[];
  explanation: Message[];
}

function outcomeFor(
  w: Working,
  current: number,
  limited: { status: boolean; reason?: LimitReason },
  kind: HpaSyncKind,
  desiredOut: number,
  nowSeconds: number,
): HpaSyncOutcome {
  return {
    kind,
    currentReplicas: current,
    desiredReplicas: desiredOut,
    ableToScaleReason: w.conditions.find((c) => c.type === 'AbleToScale')?.reason ?? '',
    scalingLimited: limited.status,
    scalingLimitedReason: limited.reason,
    nowSeconds,
  };
}

/** The state's name as a message, one per state: messages are plain data, never edited, so one is shared. */
const stateNames = new Map<HpaStateName, Message>();

function stateName(state: HpaStateName): Message {
  let name = stateNames.get(state);
  if (name === undefined) {
    name = msg(`engine.state.${state}`);
    stateNames.set(state, name);
  }
  return name;
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
  w.explanation.push(msg('engine.hpa.state', { state: stateName(machineState) }));
  // Every path but a failed scale read passes a status built for this sync: set its conditions
  // in place (the same key order as a spread) rather than copy it once more.
  const out = status === input.hpa.status ? { ...status } : status;
  out.conditions = finishConditions(w);
  return {
    desiredReplicas: outcome.desiredReplicas,
    rescale,
    status: out,
    // Literals, not `{ ...state, machine }`: V8 builds a spread followed by a new key on a slow
    // path (~1.3 µs an object, several per sync).
    state: { recommendations: state.recommendations, scaleUpEvents: state.scaleUpEvents, scaleDownEvents: state.scaleDownEvents, machine },
    events: w.events,
    explanation: w.explanation,
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

export function reconcileHpa(input: ReconcileHpaInput): ReconcileHpaOutput {
  // The engine passes the defaults themselves: no copy of them per sync (nothing writes to a config).
  const config: HpaControllerConfig =
    input.config === undefined || input.config === DEFAULT_HPA_CONTROLLER_CONFIG ? DEFAULT_HPA_CONTROLLER_CONFIG : { ...DEFAULT_HPA_CONTROLLER_CONFIG, ...input.config };
  const now = input.nowSeconds;
  const spec = defaulted(input.hpa.spec, config.downscaleStabilizationSeconds);
  const previous: HorizontalPodAutoscalerStatus = input.hpa.status ?? { currentReplicas: 0, desiredReplicas: 0 };
  const previousConditions = previous.conditions ?? [];
  const w: Working = { previousConditions, conditions: previousConditions, events: [], explanation: [] };
  let state: Omit<HpaControllerState, 'machine'> = {
    recommendations: input.state.recommendations,
    scaleUpEvents: input.state.scaleUpEvents,
    scaleDownEvents: input.state.scaleDownEvents,
  };

  if ('error' in input.scale) {
    w.events.push({ type: 'Warning', reason: 'FailedGetScale', message: input.scale.error });
    setCond(w, now, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${input.scale.error}`);
    w.explanation.push(msg('engine.hpa.failedGetScale', { target: `${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}`, error: input.scale.error }));
    const current = previous.currentReplicas;
    return finish(input, w, state, previous, baseOutcome('failedGetScale', current, previous.desiredReplicas, now), false);
  }
  setCond(w, now, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
  const current = input.scale.specReplicas;
  // Literals, not `{ ...state, recommendations }` (statusCopy.ts says why): the state is this
  // function's own three-key literal, and finish reads only those keys.
  if (state.recommendations.length === 0) {
    state = { recommendations: [{ replicas: current, timestampSeconds: now }], scaleUpEvents: state.scaleUpEvents, scaleDownEvents: state.scaleDownEvents };
  }
  const minReplicas = spec.minReplicas;
  w.explanation.push(msg('engine.hpa.target', { target: `${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}`, replicas: current, min: minReplicas, max: spec.maxReplicas }));

  let desired: number;
  let rescaleReason = '';
  let metricStatuses: MetricStatus[] | undefined;
  let limited: { status: boolean; reason?: LimitReason } = { status: false };

  if (current === 0 && minReplicas !== 0) {
    setCond(w, now, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
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
      setCond(w, now, 'ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector");
      w.events.push({ type: 'Warning', reason: 'FailedComputeMetricsReplicas', message: 'selector is required' });
      w.explanation.push(msg('engine.hpa.noSelector'));
      const status = { ...previous, currentReplicas: current };
      return finish(input, w, state, status, baseOutcome('metricsUnavailable', current, previous.desiredReplicas, now), false);
    }
    const metrics: MetricsOutcome = computeReplicasForMetrics(
      {
        namespace: input.hpa.metadata.namespace ?? 'default',
        specReplicas: current,
        statusReplicas: input.scale.statusReplicas,
        tolerances: tolerancesFor(spec, config),
        nowSeconds: now,
        config,
        metrics: input.metrics,
      },
      spec.metrics,
    );
    pushAll(w.events, metrics.events);
    pushAll(w.explanation, metrics.explanation);
    setCond(w, now, 'ScalingActive', metrics.scalingActive.status, metrics.scalingActive.reason, metrics.scalingActive.message);
    metricStatuses = metrics.statuses;
    if (metrics.replicas === -1) {
      w.events.push({ type: 'Warning', reason: 'FailedComputeMetricsReplicas', message: metrics.error ?? '' });
      const status = { ...previous, currentReplicas: current, currentMetrics: metricStatuses };
      return finish(input, w, state, status, baseOutcome('metricsUnavailable', current, previous.desiredReplicas, now), false);
    }
    desired = Math.max(0, metrics.replicas);
    if (desired > current) rescaleReason = `${metrics.metricName} above target`;
    if (desired < current) rescaleReason = 'All metrics below target';
    const normalized = normalizeDesiredReplicas({
      currentReplicas: current,
      proposal: desired,
      minReplicas,
      maxReplicas: spec.maxReplicas,
      behavior: spec.behavior,
      recommendations: state.recommendations,
      scaleUpEvents: state.scaleUpEvents,
      scaleDownEvents: state.scaleDownEvents,
      nowSeconds: now,
      downscaleStabilizationSeconds: config.downscaleStabilizationSeconds,
    });
    state = { recommendations: normalized.recommendations, scaleUpEvents: state.scaleUpEvents, scaleDownEvents: state.scaleDownEvents };
    setCond(w, now, 'AbleToScale', 'True', normalized.ableToScale.reason, normalized.ableToScale.message);
    setCond(w, now, 'ScalingLimited', normalized.scalingLimited.status, normalized.scalingLimited.reason, normalized.scalingLimited.message);
    limited = { status: normalized.scalingLimited.status === 'True', reason: normalized.scalingLimited.reason };
    pushAll(w.explanation, normalized.explanation);
    desired = normalized.desiredReplicas;
  }

  if (desired === current) {
    w.explanation.push(msg('engine.hpa.noChange', { replicas: current }));
    const status = statusWith(previous, current, current, metricStatuses);
    return finish(input, w, state, status, outcomeFor(w, current, limited, 'unchanged', current, now), false);
  }
  if (input.scaleUpdateError !== undefined) {
    w.events.push({
      type: 'Warning',
      reason: 'FailedRescale',
      message: `New size: ${desired}; reason: ${rescaleReason}; error: ${input.scaleUpdateError}`,
    });
    setCond(w, now, 'AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${input.scaleUpdateError}`);
    w.explanation.push(msg('engine.hpa.failedRescale', { error: input.scaleUpdateError }));
    const status: HorizontalPodAutoscalerStatus = { ...previous, currentReplicas: current, currentMetrics: metricStatuses };
    return finish(input, w, state, status, outcomeFor(w, current, limited, 'rescaleFailed', desired, now), false);
  }
  setCond(w, now, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
  w.events.push({ type: 'Normal', reason: EVENT_RESCALE, message: `New size: ${desired}; reason: ${rescaleReason}` });
  const events = storeScaleEvent(spec.behavior, { scaleUpEvents: state.scaleUpEvents, scaleDownEvents: state.scaleDownEvents }, current, desired, now);
  state = { recommendations: state.recommendations, scaleUpEvents: events.scaleUpEvents, scaleDownEvents: events.scaleDownEvents };
  w.explanation.push(msg('engine.hpa.rescale', { current, replicas: desired, reason: rescaleReason }));
  const status = scaledStatus(previous, current, desired, metricStatuses, now);
  return finish(input, w, state, status, outcomeFor(w, current, limited, 'rescaled', desired, now), true);
}

function baseOutcome(kind: HpaSyncKind, current: number, desired: number, nowSeconds: number): HpaSyncOutcome {
  return { kind, currentReplicas: current, desiredReplicas: desired, ableToScaleReason: '', scalingLimited: false, nowSeconds };
}
