import { initialTransition, type StateValue } from 'xstate';
import { compileStepper, stepStored } from '../../core/compiledStepper';
import type { World } from '../../core/types';
import { cpaMachine, type CpaMachineContext, type CpaMachineEvent } from './cpaMachine';
import type { ClusterStatus } from './logic';
import type { CpaParams } from './params';
import type { Message } from '../../core/message';

/** Where CPA instances keep their state in the world (plain data, checkpointed with structuredClone). */
export const CPA_STATE_KEY = 'cluster-proportional-autoscaler';

/** One CPA process (one Deployment running the image). */
export interface CpaInstanceState {
  /** "namespace/name" of the CPA's own Deployment. */
  deployment: string;
  argv: string[];
  flagErrors: string[];
  reported: string[];
  podRunning: boolean;
  nextPollMs: number;
  machine: { value: StateValue; context: CpaMachineContext };
  /** The params parsed from the ConfigMap version they came from (rebuilt only when it changes). */
  previous?: { version: string; params: CpaParams };
  status?: ClusterStatus;
  /** Replicas the last poll computed (null before a successful poll). */
  replicas: number | null;
  nodes: number;
  cores: number;
  explanation: Message | null;
  polls: number;
  /** Sim seconds of the last poll (0 before the first). */
  lastPollSeconds: number;
}

export interface CpaWorldState {
  instances: Record<string, CpaInstanceState>;
}

export function cpaWorldState(world: World): CpaWorldState {
  let s = world.autoscalers[CPA_STATE_KEY] as CpaWorldState | undefined;
  if (!s) {
    s = { instances: {} };
    world.autoscalers[CPA_STATE_KEY] = s;
  }
  return s;
}

export function newCpaInstance(deployment: string, argv: string[]): CpaInstanceState {
  const [snap] = initialTransition(cpaMachine);
  return {
    deployment,
    argv,
    flagErrors: [],
    reported: [],
    podRunning: false,
    nextPollMs: 0,
    machine: { value: snap.value, context: { ...snap.context } },
    replicas: null,
    nodes: 0,
    cores: 0,
    explanation: null,
    polls: 0,
    lastPollSeconds: 0,
  };
}

/**
 * cpaMachine's step compiled from its definition (core/compiledStepper.ts): what xstate's
 * `transition()` after `resolveState` gives, without the actor scope it builds per call.
 * Throws at load if the machine leaves the compiled subset.
 */
export const stepCpaPersisted = compileStepper(cpaMachine);

export function stepCpaMachine(instance: CpaInstanceState, event: CpaMachineEvent): void {
  instance.machine = stepStored(stepCpaPersisted, instance.machine, event);
}

export function cpaMachineStateName(instance: CpaInstanceState): string {
  const v = instance.machine.value;
  return typeof v === 'string' ? v : (Object.keys(v)[0] ?? 'polling');
}
