/**
 * The VPA control loop as a person would name its states. The engine steps it after each
 * recommender and updater pass with `stepVpaPersisted`, compiled from this definition
 * (core/compiledStepper.ts: xstate's `transition()` builds an actor scope per call); it never
 * runs as a live actor. `stepVpaMachine` (xstate's `transition()`) stays the reference the tests use.
 *
 *   noRecommendation → recommending → podsWithinBounds | evicting | resizingInPlace | offMode
 */
import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import { compileStepper } from '../../core/compiledStepper';
import type { VpaUpdateMode } from './types';

export interface VpaMachineContext {
  mode: VpaUpdateMode;
  /** Pods on the update queue in the last updater pass. */
  queued: number;
  evicted: number;
  resizedInPlace: number;
}

export type VpaMachineEvent =
  | { type: 'RECOMMENDER_RAN'; hasRecommendation: boolean }
  | { type: 'UPDATER_RAN'; queued: number; evicted: number; resizedInPlace: number }
  | { type: 'MODE_CHANGED'; mode: VpaUpdateMode };

/** Off and Initial never touch running pods; the updater leaves them alone. */
function updaterActs(mode: VpaUpdateMode): boolean {
  return mode !== 'Off' && mode !== 'Initial';
}

const updaterRouting = [
  { guard: 'updaterIdleByMode', target: '#vpa.offMode', actions: 'recordUpdater' },
  { guard: 'evictedSome', target: '#vpa.evicting', actions: 'recordUpdater' },
  { guard: 'resizedSome', target: '#vpa.resizingInPlace', actions: 'recordUpdater' },
  { target: '#vpa.podsWithinBounds', actions: 'recordUpdater' },
] as const;

const lostRecommendation = { guard: 'noRecommendation', target: '#vpa.noRecommendation' } as const;

export const vpaMachine = setup({
  types: {
    context: {} as VpaMachineContext,
    events: {} as VpaMachineEvent,
    input: {} as { mode: VpaUpdateMode },
  },
  guards: {
    hasRecommendation: ({ event }) => event.type === 'RECOMMENDER_RAN' && event.hasRecommendation,
    noRecommendation: ({ event }) => event.type === 'RECOMMENDER_RAN' && !event.hasRecommendation,
    updaterIdleByMode: ({ context }) => !updaterActs(context.mode),
    evictedSome: ({ event }) => event.type === 'UPDATER_RAN' && event.evicted > 0,
    resizedSome: ({ event }) => event.type === 'UPDATER_RAN' && event.resizedInPlace > 0,
  },
  actions: {
    recordUpdater: assign(({ event }) =>
      event.type === 'UPDATER_RAN'
        ? { queued: event.queued, evicted: event.evicted, resizedInPlace: event.resizedInPlace }
        : {},
    ),
    recordMode: assign(({ event }) => (event.type === 'MODE_CHANGED' ? { mode: event.mode } : {})),
  },
}).createMachine({
  id: 'vpa',
  context: ({ input }) => ({ mode: input.mode, queued: 0, evicted: 0, resizedInPlace: 0 }),
  initial: 'noRecommendation',
  on: { MODE_CHANGED: { actions: 'recordMode' } },
  states: {
    noRecommendation: {
      on: { RECOMMENDER_RAN: { guard: 'hasRecommendation', target: 'recommending' } },
    },
    recommending: {
      on: { UPDATER_RAN: [...updaterRouting], RECOMMENDER_RAN: lostRecommendation },
    },
    podsWithinBounds: {
      on: { UPDATER_RAN: [...updaterRouting], RECOMMENDER_RAN: lostRecommendation },
    },
    evicting: {
      on: { UPDATER_RAN: [...updaterRouting], RECOMMENDER_RAN: lostRecommendation },
    },
    resizingInPlace: {
      on: { UPDATER_RAN: [...updaterRouting], RECOMMENDER_RAN: lostRecommendation },
    },
    offMode: {
      on: { UPDATER_RAN: [...updaterRouting], RECOMMENDER_RAN: lostRecommendation },
    },
  },
});

export type VpaMachineSnapshot = SnapshotFrom<typeof vpaMachine>;
export type VpaStateName =
  | 'noRecommendation'
  | 'recommending'
  | 'podsWithinBounds'
  | 'evicting'
  | 'resizingInPlace'
  | 'offMode';

export function initialVpaSnapshot(mode: VpaUpdateMode): VpaMachineSnapshot {
  return initialTransition(vpaMachine, { mode })[0];
}

export function stepVpaMachine(snapshot: VpaMachineSnapshot, event: VpaMachineEvent): VpaMachineSnapshot {
  return transition(vpaMachine, snapshot, event)[0];
}

/** The engine's step on the persisted form ({value, context}); throws at load if the machine leaves the compiled subset. */
export const stepVpaPersisted = compileStepper(vpaMachine);

export function vpaStateName(snapshot: VpaMachineSnapshot): VpaStateName {
  return snapshot.value;
}
