import { setup } from 'xstate';

/**
 * A pod's life, as a person reads it in `kubectl get pods`. Timed steps are `after` transitions
 * with named delays; the engine draws each delay's length from lifecycle/durations.ts and puts
 * it on its own queue (the numbers here are only nominal defaults for the statechart panel).
 */
export type PodMachineEvent =
  | { type: 'BIND' }
  | { type: 'DELETE' }
  | { type: 'EVICT' }
  | { type: 'OOM' }
  | { type: 'NODE_LOST' }
  | { type: 'NODE_UNREACHABLE' }
  | { type: 'COMPLETE' };

export const podMachine = setup({
  types: { events: {} as PodMachineEvent },
  delays: {
    sandbox: 1000,
    pullAndStart: 3000,
    readiness: 0,
    grace: 2000,
    crashBackoff: 10_000,
    oomRestart: 500,
    podGc: 60_000,
  },
}).createMachine({
  id: 'pod',
  initial: 'Pending',
  states: {
    Pending: { on: { BIND: 'Scheduled', DELETE: 'Gone', EVICT: 'Gone' } },
    Scheduled: {
      after: { sandbox: 'ContainerCreating' },
      on: { DELETE: 'Terminating', EVICT: 'Terminating', NODE_LOST: 'Terminating' },
    },
    ContainerCreating: {
      after: { pullAndStart: 'Running' },
      on: { DELETE: 'Terminating', EVICT: 'Terminating', NODE_LOST: 'Terminating' },
    },
    Running: {
      after: { readiness: 'Ready' },
      on: {
        DELETE: 'Terminating',
        EVICT: 'Terminating',
        OOM: 'OOMKilled',
        NODE_LOST: 'Terminating',
        COMPLETE: 'Succeeded',
      },
    },
    Ready: {
      on: {
        // The node lifecycle controller's MarkPodsNotReady: the containers still run, the pod is not Ready.
        NODE_UNREACHABLE: 'Running',
        DELETE: 'Terminating',
        EVICT: 'Terminating',
        OOM: 'OOMKilled',
        NODE_LOST: 'Terminating',
        COMPLETE: 'Succeeded',
      },
    },
    OOMKilled: {
      after: { oomRestart: 'CrashLoopBackOff' },
      on: { DELETE: 'Terminating', EVICT: 'Terminating', NODE_LOST: 'Terminating' },
    },
    CrashLoopBackOff: {
      after: { crashBackoff: 'Running' },
      on: { DELETE: 'Terminating', EVICT: 'Terminating', NODE_LOST: 'Terminating' },
    },
    Terminating: { after: { grace: 'Gone' } },
    Evicted: { after: { podGc: 'Gone' }, on: { DELETE: 'Gone' } },
    Succeeded: { on: { DELETE: 'Gone' } },
    Gone: { type: 'final' },
  },
});
