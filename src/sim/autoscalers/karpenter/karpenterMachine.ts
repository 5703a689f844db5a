import { setup } from 'xstate';
import { DEFAULT_BATCH_IDLE_SECONDS, DEFAULT_BATCH_MAX_SECONDS } from './batcher';
import { DISRUPTION_VALIDATION_SECONDS } from './disruption/controller';

/**
 * Karpenter's two control loops as one statechart with parallel regions. The engine steps it with
 * xstate's pure transition(); delayed transitions come back as delayed raise actions that the
 * engine queues (and cancels) on its own event queue.
 *
 * provisioning: idle → batching (1s idle / 10s max window) → launching → idle
 * disruption:   idle → consolidating (compute a command) → validating (15s wait, then re-check)
 *               → disrupting (taint, launch replacement, drain, delete) → idle
 */
export type KarpenterMachineEvent =
  | { type: 'POD_PENDING' }
  | { type: 'NODECLAIMS_LAUNCHED' }
  | { type: 'NOTHING_TO_LAUNCH' }
  | { type: 'DISRUPTION_POLL' }
  | { type: 'COMMAND_FOUND' }
  | { type: 'NO_COMMAND' }
  | { type: 'COMMAND_VALID' }
  | { type: 'COMMAND_INVALID' }
  | { type: 'DISRUPTION_DONE' };

export const karpenterMachine = setup({
  types: { events: {} as KarpenterMachineEvent },
  delays: {
    batchIdle: DEFAULT_BATCH_IDLE_SECONDS * 1000,
    batchMax: DEFAULT_BATCH_MAX_SECONDS * 1000,
    validation: DISRUPTION_VALIDATION_SECONDS * 1000,
  },
}).createMachine({
  id: 'karpenter',
  type: 'parallel',
  states: {
    provisioning: {
      initial: 'idle',
      states: {
        idle: { on: { POD_PENDING: 'batching' } },
        batching: {
          initial: 'collecting',
          after: { batchMax: 'launching' },
          states: {
            collecting: {
              after: { batchIdle: '#karpenter.provisioning.launching' },
              // Each new pod restarts the idle timer; the max timer on the parent keeps running.
              on: { POD_PENDING: { target: 'collecting', reenter: true } },
            },
          },
        },
        launching: {
          on: { NODECLAIMS_LAUNCHED: 'idle', NOTHING_TO_LAUNCH: 'idle' },
        },
      },
    },
    disruption: {
      initial: 'idle',
      states: {
        idle: { on: { DISRUPTION_POLL: 'consolidating' } },
        consolidating: { on: { COMMAND_FOUND: 'validating', NO_COMMAND: 'idle' } },
        validating: {
          initial: 'waiting',
          states: {
            waiting: { after: { validation: 'due' } },
            due: {},
          },
          on: { COMMAND_VALID: 'disrupting', COMMAND_INVALID: 'idle' },
        },
        disrupting: { on: { DISRUPTION_DONE: 'idle' } },
      },
    },
  },
});
