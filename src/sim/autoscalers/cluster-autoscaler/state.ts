import { initialTransition, type StateValue } from 'xstate';
import { compileStepper, stepStored } from '../../core/compiledStepper';
import type { World } from '../../core/types';
import type { GroupBackoff, ScaleUpRequest } from './backoff';
import { caMachine, type CaMachineContext, type CaScanSummary } from './caMachine';
import type { NodeScaleDownState } from './nodeEligibility';
import type { UnremovableEntry } from './planner';
import type { Message } from '../../core/message';

/** Where the CA keeps its state in the world (plain data: it is checkpointed with structuredClone). */
export const CA_STATE_KEY = 'cluster-autoscaler';

export interface CaNodeWhy {
  node: string;
  group?: string;
  state: NodeScaleDownState;
  utilization?: number;
  resource?: 'cpu' | 'memory';
  explanation: Message;
}

/** What the "why" panel shows: the last scan's reasoning, and the last scale-up's. */
export interface CaExplanations {
  scanAtSeconds: number;
  scaleUp: Message[];
  scaleDown: Message[];
  nodes: CaNodeWhy[];
  lastScaleUp?: { atSeconds: number; lines: Message[]; triggeringPods: string[] };
  lastScaleDown?: { atSeconds: number; lines: Message[] };
}

export interface CaWorldState {
  /** The Deployment running the CA, "namespace/name"; '' when the scenario has none. */
  deployment: string;
  /** The container's command + args last parsed (a change re-reads the flags, like a restart). */
  argv: string[];
  flagErrors: string[];
  /** Notices and warnings already reported, so each is said once per set of flags. */
  reported: string[];
  podRunning: boolean;
  nextScanMs: number;
  /** When the CA's pod last started running: Go's monotonic clock reads from here (the m=+… of its logged times). */
  processStartMs?: number;
  /** The status ConfigMap's conditions (by path) with the second each took its current status: lastTransitionTime. */
  statusSince?: Record<string, { status: string; atSeconds: number }>;
  machine: { value: StateValue; context: CaMachineContext };
  unneededSince: Record<string, number>;
  /** The planner's unremovable.Nodes: nodes that failed a removal simulation, skipped until their recheck deadline. */
  unremovable?: Record<string, UnremovableEntry>;
  /** The planner's latestUpdate and minUpdateInterval (planner.go), for unneededNodesLimit(). */
  plannerUpdatedAtSeconds?: number;
  plannerMinUpdateIntervalSeconds?: number;
  backoff: Record<string, GroupBackoff>;
  requests: ScaleUpRequest[];
  lastScaleUpAtSeconds?: number;
  lastScaleDownDeleteAtSeconds?: number;
  lastScaleDownFailAtSeconds?: number;
  /** Node groups whose desired capacity the CA raised, counted per increase. */
  scaleUps: number;
  /** Nodes the CA removed. */
  scaleDowns: number;
  /** Nodes the CA is draining or terminating. */
  deleting: string[];
  upcomingNodes: number;
  unneededNodes: number;
  /** NotTriggerScaleUp already emitted per pod with that message (the event recorder's dedupe). */
  notTriggered: Record<string, string>;
  why: CaExplanations;
}

export function initialCaMachine(): CaWorldState['machine'] {
  const [snap] = initialTransition(caMachine);
  return { value: snap.value, context: { ...snap.context } };
}

export function emptyCaState(): CaWorldState {
  return {
    deployment: '',
    argv: [],
    flagErrors: [],
    reported: [],
    podRunning: false,
    nextScanMs: 0,
    machine: initialCaMachine(),
    unneededSince: {},
    unremovable: {},
    backoff: {},
    requests: [],
    scaleUps: 0,
    scaleDowns: 0,
    deleting: [],
    upcomingNodes: 0,
    unneededNodes: 0,
    notTriggered: {},
    why: { scanAtSeconds: 0, scaleUp: [], scaleDown: [], nodes: [] },
  };
}

export function caState(world: World): CaWorldState | undefined {
  return world.autoscalers[CA_STATE_KEY] as CaWorldState | undefined;
}

export function ensureCaState(world: World): CaWorldState {
  let s = caState(world);
  if (!s) {
    s = emptyCaState();
    world.autoscalers[CA_STATE_KEY] = s;
  }
  return s;
}

/**
 * caMachine's step compiled from its definition (core/compiledStepper.ts): what xstate's
 * `transition()` after `resolveState` gives, without the actor scope it builds per call.
 * Throws at load if the machine leaves the compiled subset.
 */
export const stepCaPersisted = compileStepper(caMachine);

/** One SCANNED event through caMachine (the summary it records is the event, made fresh per scan). */
export function stepCaMachine(state: CaWorldState, summary: CaScanSummary): void {
  // Object.assign onto a literal, not a spread after a key: V8 builds the latter on a slow path.
  state.machine = stepStored(stepCaPersisted, state.machine, Object.assign({ type: 'SCANNED' as const }, summary));
}

export function caMachineStateName(state: CaWorldState): string {
  const v = state.machine.value;
  return typeof v === 'string' ? v : Object.keys(v)[0] ?? 'scanning';
}
