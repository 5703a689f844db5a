/**
 * A ScaledObject's control loop as a person would name its states. The engine sends one POLLED
 * event per pollingInterval with the executor's phase, and steps the machine with
 * `stepKedaPersisted`, compiled from this definition (core/compiledStepper.ts: xstate's
 * `transition()` builds an actor scope per call); it never runs as a live actor.
 * `stepKedaMachine` (xstate's `transition()`) stays the reference the tests use.
 *
 *   inactive → activating → active → coolingDown → inactive, plus fallback and paused.
 */
import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import type { ExecutorPhase } from './executor';
import type { Message } from '../../core/message';
import { compileStepper } from '../../core/compiledStepper';

export interface KedaMachineContext {
  replicas: number;
  lastPhase: ExecutorPhase | null;
  explanation: Message[];
}

export type KedaMachineEvent = {
  type: 'POLLED';
  phase: ExecutorPhase;
  /** Some metric is being served from fallback (failures > failureThreshold). */
  fallbackActive: boolean;
  replicas: number;
  explanation: Message[];
};

const routing = [
  { guard: 'isPaused', target: '#keda.paused', actions: 'record' },
  { guard: 'inFallback', target: '#keda.fallback', actions: 'record' },
  { guard: 'activated', target: '#keda.activating', actions: 'record' },
  { guard: 'active', target: '#keda.active', actions: 'record' },
  { guard: 'coolingDown', target: '#keda.coolingDown', actions: 'record' },
  { target: '#keda.inactive', actions: 'record' },
] as const;

export const kedaMachine = setup({
  types: {
    context: {} as KedaMachineContext,
    events: {} as KedaMachineEvent,
    input: {} as { replicas: number },
  },
  guards: {
    isPaused: ({ event }) => event.phase === 'paused',
    inFallback: ({ event }) => event.fallbackActive,
    activated: ({ event }) => event.phase === 'activated',
    active: ({ event }) => event.phase === 'active',
    coolingDown: ({ event }) => event.phase === 'coolingDown',
  },
  actions: {
    record: assign(({ event }) => ({
      replicas: event.replicas,
      lastPhase: event.phase,
      explanation: event.explanation,
    })),
  },
}).createMachine({
  id: 'keda',
  context: ({ input }) => ({ replicas: input.replicas, lastPhase: null, explanation: [] }),
  initial: 'inactive',
  states: {
    inactive: { on: { POLLED: [...routing] } },
    activating: { on: { POLLED: [...routing] } },
    active: { on: { POLLED: [...routing] } },
    coolingDown: { on: { POLLED: [...routing] } },
    fallback: { on: { POLLED: [...routing] } },
    paused: { on: { POLLED: [...routing] } },
  },
});

export type KedaMachineSnapshot = SnapshotFrom<typeof kedaMachine>;
export type KedaStateName = 'inactive' | 'activating' | 'active' | 'coolingDown' | 'fallback' | 'paused';

export function initialKedaSnapshot(replicas: number): KedaMachineSnapshot {
  return initialTransition(kedaMachine, { replicas })[0];
}

export function stepKedaMachine(snapshot: KedaMachineSnapshot, event: KedaMachineEvent): KedaMachineSnapshot {
  return transition(kedaMachine, snapshot, event)[0];
}

/** The engine's step on the persisted form ({value, context}); throws at load if the machine leaves the compiled subset. */
export const stepKedaPersisted = compileStepper(kedaMachine);

export function kedaStateName(snapshot: KedaMachineSnapshot): KedaStateName {
  return snapshot.value;
}
