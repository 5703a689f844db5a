import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { karpenterMachine, type KarpenterMachineEvent } from './karpenterMachine';

type Snapshot = ReturnType<typeof initialTransition<typeof karpenterMachine>>[0];

function send(s: Snapshot, ...events: KarpenterMachineEvent[]) {
  let snap = s;
  let actions: unknown[] = [];
  for (const e of events) [snap, actions] = transition(karpenterMachine, snap, e);
  return { snap, actions: actions as { type: string; params?: { delay?: number; event?: { type: string } } }[] };
}

function delayedRaises(actions: { type: string; params?: { delay?: number; event?: { type: string } } }[]) {
  return actions.filter((a) => a.type === 'xstate.raise' && a.params?.delay !== undefined).map((a) => a.params?.delay);
}

describe('karpenterMachine', () => {
  it('starts idle in both loops', () => {
    const [s] = initialTransition(karpenterMachine);
    expect(s.value).toEqual({ provisioning: 'idle', disruption: 'idle' });
  });

  it('opens a batch on the first pending pod with 1s idle and 10s max timers', () => {
    const [s0] = initialTransition(karpenterMachine);
    const { snap, actions } = send(s0, { type: 'POD_PENDING' });
    expect(snap.value).toEqual({ provisioning: { batching: 'collecting' }, disruption: 'idle' });
    expect(delayedRaises(actions).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1000, 10000]);
  });

  it('restarts only the idle timer when another pod arrives', () => {
    const [s0] = initialTransition(karpenterMachine);
    const { snap } = send(s0, { type: 'POD_PENDING' });
    const { actions } = send(snap, { type: 'POD_PENDING' });
    expect(delayedRaises(actions)).toEqual([1000]);
    expect(actions.some((a) => a.type === 'xstate.cancel')).toBe(true);
  });

  it('walks the disruption loop through validation', () => {
    const [s0] = initialTransition(karpenterMachine);
    const { snap, actions } = send(s0, { type: 'DISRUPTION_POLL' }, { type: 'COMMAND_FOUND' });
    expect(snap.value).toEqual({ provisioning: 'idle', disruption: { validating: 'waiting' } });
    expect(delayedRaises(actions)).toEqual([15000]);
    const done = send(snap, { type: 'COMMAND_VALID' }, { type: 'DISRUPTION_DONE' });
    expect(done.snap.value).toEqual({ provisioning: 'idle', disruption: 'idle' });
  });

  it('drops an invalid command back to idle', () => {
    const [s0] = initialTransition(karpenterMachine);
    const { snap } = send(s0, { type: 'DISRUPTION_POLL' }, { type: 'COMMAND_FOUND' }, { type: 'COMMAND_INVALID' });
    expect(snap.value).toEqual({ provisioning: 'idle', disruption: 'idle' });
  });
});
