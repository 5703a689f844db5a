import { assign, setup } from 'xstate';
import { msg, type Message } from '../../core/message';

/**
 * The CPA's poll loop as a person would name it. The engine runs the pure logic every
 * --poll-period-seconds and reports the outcome with one POLLED event:
 * - polling: replicas already match the ladder/line;
 * - scaling: the target's scale is being updated;
 * - invalidParams: the ConfigMap could not be parsed; the target is left alone.
 */
export interface CpaMachineContext {
  desiredReplicas: number | null;
  currentReplicas: number | null;
  lastError: string | null;
  /** The decision explained, or the params error (the real tool's English text) as a message. */
  explanation: Message | null;
}

export type CpaMachineEvent =
  | {
      type: 'POLLED';
      paramsError?: string;
      desiredReplicas?: number;
      currentReplicas: number;
      explanation?: Message;
    }
  | { type: 'TARGET_SCALED'; replicas: number };

export const cpaMachine = setup({
  types: {
    context: {} as CpaMachineContext,
    events: {} as CpaMachineEvent,
  },
  guards: {
    paramsInvalid: ({ event }) => event.type === 'POLLED' && event.paramsError !== undefined,
    replicasDiffer: ({ event }) =>
      event.type === 'POLLED' &&
      event.desiredReplicas !== undefined &&
      event.desiredReplicas !== event.currentReplicas,
  },
  actions: {
    recordPoll: assign(({ event }) => {
      if (event.type !== 'POLLED') return {};
      return {
        desiredReplicas: event.desiredReplicas ?? null,
        currentReplicas: event.currentReplicas,
        lastError: event.paramsError ?? null,
        explanation: event.paramsError !== undefined ? msg('engine.cpa.paramsError', { error: event.paramsError }) : (event.explanation ?? null),
      };
    }),
    recordScaled: assign(({ event }) =>
      event.type === 'TARGET_SCALED' ? { currentReplicas: event.replicas } : {},
    ),
  },
}).createMachine({
  id: 'clusterProportionalAutoscaler',
  initial: 'polling',
  context: { desiredReplicas: null, currentReplicas: null, lastError: null, explanation: null },
  on: {
    POLLED: [
      { guard: 'paramsInvalid', target: '.invalidParams', actions: 'recordPoll' },
      { guard: 'replicasDiffer', target: '.scaling', actions: 'recordPoll' },
      { target: '.polling', actions: 'recordPoll' },
    ],
  },
  states: {
    polling: {},
    scaling: {
      on: { TARGET_SCALED: { target: 'polling', actions: 'recordScaled' } },
    },
    invalidParams: {},
  },
});
