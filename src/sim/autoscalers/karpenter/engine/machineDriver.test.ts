import { describe, expect, it } from 'vitest';
import { disruptionState, fireDueTimers, initialMachineSnapshot, provisioningState, sendMachine } from './machineDriver';
import { emptyKarpenterState } from './state';

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
});
