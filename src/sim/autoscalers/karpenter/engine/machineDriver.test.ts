import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { karpenterMachine, type KarpenterMachineEvent } from '../karpenterMachine';
import { clearMachineStepMemo, disruptionState, fireDueTimers, initialMachineSnapshot, provisioningState, sendMachine } from './machineDriver';
import { emptyKarpenterState, type MachineSnapshot } from './state';

const EVENTS: KarpenterMachineEvent['type'][] = [
  'POD_PENDING',
  'NODECLAIMS_LAUNCHED',
  'NOTHING_TO_LAUNCH',
  'DISRUPTION_POLL',
  'COMMAND_FOUND',
  'NO_COMMAND',
  'COMMAND_VALID',
  'COMMAND_INVALID',
  'DISRUPTION_DONE',
];

/** The reference: every event through xstate's transition(), delayed raises kept as timers as the driver keeps them. */
function referenceSend(m: MachineSnapshot, type: string, nowMs: number): MachineSnapshot {
  const [next, actions] = transition(karpenterMachine, karpenterMachine.resolveState({ value: m.value, context: m.context }), { type } as KarpenterMachineEvent);
  let timers = m.timers;
  for (const a of actions as { type: string; params?: { sendId?: string; delay?: number; id?: string; event: { type: string } } }[]) {
    if (a.type === 'xstate.cancel') timers = timers.filter((t) => t.id !== a.params?.sendId);
    else if (a.type === 'xstate.raise' && a.params?.delay !== undefined) {
      const id = a.params.id ?? a.params.event.type;
      timers = [...timers.filter((t) => t.id !== id), { id, event: { type: a.params.event.type }, dueMs: nowMs + a.params.delay }];
    }
  }
  return { value: next.value, context: { ...next.context }, timers };
}

describe('machineDriver: karpenterMachine stepped with transition(), timers kept as data', () => {
  it('closes a batch 1 s after the last pod, the idle timer restarting on each pod', () => {
    const s = emptyKarpenterState(initialMachineSnapshot());
    sendMachine(s, { type: 'POD_PENDING' }, 0);
    expect(provisioningState(s.machine.value)).toBe('batching');
    expect(s.machine.timers.map((t) => t.dueMs).sort((a, b) => a - b)).toEqual([1000, 10_000]);
    sendMachine(s, { type: 'POD_PENDING' }, 800);
    expect(s.machine.timers.map((t) => t.dueMs).sort((a, b) => a - b)).toEqual([1800, 10_000]);
    fireDueTimers(s, 1000);
    expect(provisioningState(s.machine.value)).toBe('batching');
    fireDueTimers(s, 1800);
    expect(provisioningState(s.machine.value)).toBe('launching');
    expect(s.machine.timers).toEqual([]);
  });

  it('closes at the 10 s maximum even while pods keep arriving', () => {
    const s = emptyKarpenterState(initialMachineSnapshot());
    for (let t = 0; t < 10_000; t += 500) {
      sendMachine(s, { type: 'POD_PENDING' }, t);
      fireDueTimers(s, t);
    }
    expect(provisioningState(s.machine.value)).toBe('batching');
    fireDueTimers(s, 10_000);
    expect(provisioningState(s.machine.value)).toBe('launching');
  });

  it('waits 15 s in validation and survives structuredClone between steps', () => {
    const s = emptyKarpenterState(initialMachineSnapshot());
    sendMachine(s, { type: 'DISRUPTION_POLL' }, 0);
    sendMachine(s, { type: 'COMMAND_FOUND' }, 0);
    const copy = structuredClone(s);
    fireDueTimers(copy, 14_999);
    expect(disruptionState(copy.machine.value)).toBe('validating.waiting');
    fireDueTimers(copy, 15_000);
    expect(disruptionState(copy.machine.value)).toBe('validating.due');
    sendMachine(copy, { type: 'COMMAND_VALID' }, 15_000);
    expect(disruptionState(copy.machine.value)).toBe('disrupting');
    expect(disruptionState(s.machine.value)).toBe('validating.waiting');
  });

  it('steps exactly as transition() does, from the memo or not: any events at any times', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...EVENTS), fc.integer({ min: 0, max: 20_000 })), { maxLength: 60 }), fc.boolean(), (steps, cold) => {
        const s = emptyKarpenterState(initialMachineSnapshot());
        let ref = initialMachineSnapshot();
        let now = 0;
        for (const [type, dt] of steps) {
          now += dt;
          if (cold) clearMachineStepMemo();
          const changed = sendMachine(s, { type }, now);
          const before = JSON.stringify(ref.value);
          ref = referenceSend(ref, type, now);
          expect(changed).toBe(JSON.stringify(ref.value) !== before);
          expect(s.machine).toEqual(ref);
        }
      }),
      { numRuns: 300 },
    );
  });
});
