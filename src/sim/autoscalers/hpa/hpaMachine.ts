/**
 * The HPA's control loop as a person would narrate it. One SYNC event per reconcile carries what
 * that sync decided; the state says where the autoscaler stands. The engine steps it only with
 * xstate's pure `transition()`; the persisted form is plain JSON ({value, context}).
 */
import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import type { LimitReason } from './normalize';

export type HpaSyncKind =
  /** spec.replicas is 0 while minReplicas > 0: autoscaling is off. */
  | 'disabled'
  /** The scale subresource could not be read. */
  | 'failedGetScale'
  /** No usable metric (or a broken one during a would-be scale-down): no decision. */
  | 'metricsUnavailable'
  /** The scale was written. */
  | 'rescaled'
  /** Writing the scale failed. */
  | 'rescaleFailed'
  /** The decision kept the current count. */
  | 'unchanged';

export interface HpaSyncOutcome {
  kind: HpaSyncKind;
  nowSeconds: number;
  currentReplicas: number;
  desiredReplicas: number;
  /** AbleToScale reason after the sync (ReadyForNewScale, ScaleDownStabilized, …). */
  ableToScaleReason: string;
  /** ScalingLimited=True and why, when the normalization ran this sync. */
  scalingLimited: boolean;
  scalingLimitedReason?: LimitReason;
}

export const HPA_STATE_NAMES = [
  'stable',
  'scalingUp',
  'scalingDown',
  'scaleDownStabilized',
  'scaleUpStabilized',
  'limitedAtMin',
  'limitedAtMax',
  'rateLimited',
  'unableToCompute',
  'disabled',
] as const;

export type HpaStateName = (typeof HPA_STATE_NAMES)[number];

export interface HpaMachineContext {
  syncCount: number;
  lastSyncSeconds: number | null;
  /** Sim seconds of the last successful rescale. */
  lastRescaleSeconds: number | null;
  currentReplicas: number;
  desiredReplicas: number;
}

export type HpaMachineEvent = { type: 'SYNC'; outcome: HpaSyncOutcome };

const isRescale = (o: HpaSyncOutcome): boolean => o.kind === 'rescaled';
const limitedBy = (o: HpaSyncOutcome, ...reasons: LimitReason[]): boolean =>
  o.kind === 'unchanged' && o.scalingLimited && o.scalingLimitedReason !== undefined && reasons.includes(o.scalingLimitedReason);

export const hpaMachine = setup({
  types: {
    context: {} as HpaMachineContext,
    events: {} as HpaMachineEvent,
  },
  guards: {
    isDisabled: ({ event }) => event.outcome.kind === 'disabled',
    cannotCompute: ({ event }) => ['failedGetScale', 'metricsUnavailable', 'rescaleFailed'].includes(event.outcome.kind),
    rescaledUp: ({ event }) => isRescale(event.outcome) && event.outcome.desiredReplicas > event.outcome.currentReplicas,
    rescaledDown: ({ event }) => isRescale(event.outcome) && event.outcome.desiredReplicas < event.outcome.currentReplicas,
    heldAtMax: ({ event }) => limitedBy(event.outcome, 'TooManyReplicas'),
    heldAtMin: ({ event }) => limitedBy(event.outcome, 'TooFewReplicas'),
    heldByRate: ({ event }) => limitedBy(event.outcome, 'ScaleUpLimit', 'ScaleDownLimit'),
    heldByDownWindow: ({ event }) => event.outcome.kind === 'unchanged' && event.outcome.ableToScaleReason === 'ScaleDownStabilized',
    heldByUpWindow: ({ event }) => event.outcome.kind === 'unchanged' && event.outcome.ableToScaleReason === 'ScaleUpStabilized',
  },
  actions: {
    recordSync: assign(({ context, event }) => ({
      syncCount: context.syncCount + 1,
      lastSyncSeconds: event.outcome.nowSeconds,
      lastRescaleSeconds: event.outcome.kind === 'rescaled' ? event.outcome.nowSeconds : context.lastRescaleSeconds,
      currentReplicas: event.outcome.currentReplicas,
      desiredReplicas: event.outcome.desiredReplicas,
    })),
  },
}).createMachine({
  id: 'hpa',
  initial: 'stable',
  context: { syncCount: 0, lastSyncSeconds: null, lastRescaleSeconds: null, currentReplicas: 0, desiredReplicas: 0 },
  on: {
    // Guards are checked in order; the first match names the state.
    SYNC: [
      { guard: 'isDisabled', target: '.disabled', actions: 'recordSync' },
      { guard: 'cannotCompute', target: '.unableToCompute', actions: 'recordSync' },
      { guard: 'rescaledUp', target: '.scalingUp', actions: 'recordSync' },
      { guard: 'rescaledDown', target: '.scalingDown', actions: 'recordSync' },
      { guard: 'heldAtMax', target: '.limitedAtMax', actions: 'recordSync' },
      { guard: 'heldAtMin', target: '.limitedAtMin', actions: 'recordSync' },
      { guard: 'heldByRate', target: '.rateLimited', actions: 'recordSync' },
      { guard: 'heldByDownWindow', target: '.scaleDownStabilized', actions: 'recordSync' },
      { guard: 'heldByUpWindow', target: '.scaleUpStabilized', actions: 'recordSync' },
      { target: '.stable', actions: 'recordSync' },
    ],
  },
  states: {
    stable: { description: 'Metrics are within tolerance of the target; nothing to do.' },
    scalingUp: { description: 'The last sync raised the replica count.' },
    scalingDown: { description: 'The last sync lowered the replica count.' },
    scaleDownStabilized: { description: 'Metrics say fewer replicas, but a higher recommendation inside the scale-down window holds the count.' },
    scaleUpStabilized: { description: 'Metrics say more replicas, but a lower recommendation inside the scale-up window holds the count.' },
    limitedAtMin: { description: 'Metrics want fewer replicas than minReplicas.' },
    limitedAtMax: { description: 'Metrics want more replicas than maxReplicas.' },
    rateLimited: { description: 'A scaling policy (or the legacy 2×/4 rule) allows no further change yet.' },
    unableToCompute: { description: 'The HPA could not read the scale or its metrics and made no decision.' },
    disabled: { description: 'The target has 0 replicas and minReplicas > 0, so autoscaling is off.' },
  },
});

export type HpaMachineSnapshot = SnapshotFrom<typeof hpaMachine>;

/** What the world stores: plain JSON. */
export interface PersistedHpaMachine {
  value: HpaStateName;
  context: HpaMachineContext;
}

export function initialHpaMachineSnapshot(): HpaMachineSnapshot {
  return initialTransition(hpaMachine)[0];
}

export function stepHpaMachine(snapshot: HpaMachineSnapshot, outcome: HpaSyncOutcome): HpaMachineSnapshot {
  return transition(hpaMachine, snapshot, { type: 'SYNC', outcome })[0];
}

export function hpaStateName(snapshot: HpaMachineSnapshot): HpaStateName {
  return snapshot.value;
}

export function persistHpaMachine(snapshot: HpaMachineSnapshot): PersistedHpaMachine {
  return { value: hpaStateName(snapshot), context: { ...snapshot.context } };
}

export function restoreHpaMachine(persisted: PersistedHpaMachine): HpaMachineSnapshot {
  return hpaMachine.resolveState({ value: persisted.value, context: { ...persisted.context } });
}
