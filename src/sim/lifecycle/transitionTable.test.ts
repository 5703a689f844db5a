import { describe, expect, it } from 'vitest';
import { transition, type AnyStateMachine } from 'xstate';
import { compileTransitionTable } from './transitionTable';
import { podMachine } from './podMachine';
import { nodeMachine } from './nodeMachine';

function checkAgainstXstate(machine: AnyStateMachine) {
  const table = compileTransitionTable(machine);
  let pairs = 0;
  for (const state of table.states) {
    const snapshot = machine.resolveState({ value: state, context: {} });
    for (const event of table.events) {
      const [after, actions] = transition(machine, snapshot, { type: event });
      const expected = table.next[state][event];
      if (expected === undefined) {
        expect({ state, event, value: after.value as unknown }).toEqual({ state, event, value: state });
      } else {
        expect({ state, event, value: after.value as unknown }).toEqual({ state, event, value: expected });
        // Every delayed event raised on entering the target is a timer the table knows of.
        const raised = actions
          .filter((a) => a.type === 'xstate.raise')
          .map((a) => (a.params as { event: { type: string } }).event.type);
        const known = table.timers[expected].map((t) => t.event);
        expect(raised.filter((r) => r.startsWith('xstate.after'))).toEqual(expected === state ? [] : known);
      }
      pairs++;
    }
  }
  return pairs;
}

describe('compiled lifecycle tables agree with xstate transition()', () => {
  it('pod machine, every state × event', () => {
    expect(checkAgainstXstate(podMachine)).toBeGreaterThan(60);
  });
  it('node machine, every state × event', () => {
    expect(checkAgainstXstate(nodeMachine)).toBeGreaterThan(40);
  });
  it('pod timers carry their delay names', () => {
    const t = compileTransitionTable(podMachine);
    expect(t.timers.Terminating).toEqual([{ event: 'xstate.after.grace.pod.Terminating', delay: 'grace' }]);
    expect(t.next.Pending.BIND).toBe('Scheduled');
  });
});
