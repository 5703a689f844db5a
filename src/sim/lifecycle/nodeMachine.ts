import { setup } from 'xstate';

/** A node's life from EC2 launch to termination. Timed steps are named delays, as in podMachine. */
export type NodeMachineEvent =
  | { type: 'CORDON' }
  | { type: 'UNCORDON' }
  | { type: 'DRAIN' }
  | { type: 'DRAINED' }
  | { type: 'TERMINATE' }
  | { type: 'FAULT' }
  | { type: 'RECOVER' };

export const nodeMachine = setup({
  types: { events: {} as NodeMachineEvent },
  delays: { boot: 35_000, register: 20_000, terminate: 30_000 },
}).createMachine({
  id: 'node',
  initial: 'Launching',
  states: {
    Launching: { after: { boot: 'Registered' }, on: { TERMINATE: 'Terminating' } },
    Registered: {
      after: { register: 'Ready' },
      on: { TERMINATE: 'Terminating', CORDON: 'Cordoned', FAULT: 'NotReady' },
    },
    Ready: {
      on: { CORDON: 'Cordoned', DRAIN: 'Draining', TERMINATE: 'Terminating', FAULT: 'NotReady' },
    },
    NotReady: { on: { RECOVER: 'Ready', TERMINATE: 'Terminating', DRAIN: 'Draining' } },
    Cordoned: {
      on: { UNCORDON: 'Ready', DRAIN: 'Draining', TERMINATE: 'Terminating', FAULT: 'NotReady' },
    },
    Draining: { on: { DRAINED: 'Cordoned', UNCORDON: 'Ready', TERMINATE: 'Terminating' } },
    Terminating: { after: { terminate: 'Gone' } },
    Gone: { type: 'final' },
  },
});
