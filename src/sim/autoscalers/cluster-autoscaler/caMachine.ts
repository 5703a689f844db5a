import { assign, setup } from 'xstate';

/**
 * The CA's control loop as a person would name its phases. The engine runs one scan of the pure
 * logic (planScaleUp, planScaleDown, isClusterHealthy, checkProvisioning) every --scan-interval
 * and reports the outcome with a single SCANNED event; the guards pick the phase, most urgent first.
 */
export interface CaScanSummary {
  nowSeconds: number;
  /** isClusterHealthy() said no: too many unready nodes. */
  tooManyUnready: boolean;
  /** This scan raised a group's desired capacity. */
  scaleUpTriggered: boolean;
  /** Nodes asked for and not yet registered and ready. */
  upcomingNodes: number;
  /** Node groups currently backed off while pods still wait. */
  backedOffGroups: number;
  /** Nodes found unneeded (their timers are running). */
  unneededNodes: number;
  /** Nodes being tainted, drained or terminated by the CA. */
  deletingNodes: number;
}

export type CaMachineEvent = ({ type: 'SCANNED' } & CaScanSummary) | { type: 'RESET' };

export interface CaMachineContext {
  lastScanSeconds: number | null;
  lastScaleUpSeconds: number | null;
  summary: CaScanSummary | null;
}

const scanned = (e: CaMachineEvent): (CaScanSummary & { type: 'SCANNED' }) | undefined =>
  e.type === 'SCANNED' ? e : undefined;

export const caMachine = setup({
  types: { context: {} as CaMachineContext, events: {} as CaMachineEvent },
  guards: {
    tooManyUnready: ({ event }) => scanned(event)?.tooManyUnready === true,
    deleting: ({ event }) => (scanned(event)?.deletingNodes ?? 0) > 0,
    scalingUp: ({ event }) => {
      const s = scanned(event);
      return s !== undefined && (s.scaleUpTriggered || s.upcomingNodes > 0);
    },
    backedOff: ({ event }) => (scanned(event)?.backedOffGroups ?? 0) > 0,
    hasUnneeded: ({ event }) => (scanned(event)?.unneededNodes ?? 0) > 0,
  },
  actions: {
    record: assign(({ context, event }) => {
      const s = scanned(event);
      if (!s) return {};
      return {
        lastScanSeconds: s.nowSeconds,
        lastScaleUpSeconds: s.scaleUpTriggered ? s.nowSeconds : context.lastScaleUpSeconds,
        summary: s,
      };
    }),
  },
}).createMachine({
  id: 'clusterAutoscaler',
  initial: 'scanning',
  context: { lastScanSeconds: null, lastScaleUpSeconds: null, summary: null },
  on: {
    SCANNED: [
      { guard: 'tooManyUnready', target: '.halted', actions: 'record' },
      { guard: 'deleting', target: '.scalingDown', actions: 'record' },
      { guard: 'scalingUp', target: '.scaleUpInProgress', actions: 'record' },
      { guard: 'backedOff', target: '.backoff', actions: 'record' },
      { guard: 'hasUnneeded', target: '.scaleDownCandidate', actions: 'record' },
      { target: '.scanning', actions: 'record' },
    ],
    RESET: { target: '.scanning' },
  },
  states: {
    /** Nothing to do: no unschedulable pods, no unneeded nodes. */
    scanning: {},
    /** Desired capacity raised; waiting for the new nodes to register and become Ready. */
    scaleUpInProgress: {},
    /** Some nodes are unneeded; their unneeded-time timers are running (or a cooldown holds them). */
    scaleDownCandidate: {},
    /** Tainting, draining and terminating nodes. */
    scalingDown: {},
    /** A node group failed to provision; it is skipped until its backoff expires. */
    backoff: {},
    /** Too many unready nodes: the CA does nothing until the cluster is healthy again. */
    halted: {},
  },
});
