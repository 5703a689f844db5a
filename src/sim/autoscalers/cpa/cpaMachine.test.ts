import { describe, it, expect } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { cpaMachine } from './cpaMachine';

describe('cpaMachine', () => {
  it('polls, scales when replicas differ, returns to polling, and parks on invalid params', () => {
    let [s] = initialTransition(cpaMachine);
    expect(s.value).toBe('polling');
    [s] = transition(cpaMachine, s, {
      type: 'POLLED',
      currentReplicas: 3,
      desiredReplicas: 5,
      explanation: { key: 'engine.cpa.ladder.bothEmpty' },
    });
    expect(s.value).toBe('scaling');
    expect(s.context.desiredReplicas).toBe(5);
    [s] = transition(cpaMachine, s, { type: 'TARGET_SCALED', replicas: 5 });
    expect(s.value).toBe('polling');
    expect(s.context.currentReplicas).toBe(5);
    [s] = transition(cpaMachine, s, { type: 'POLLED', currentReplicas: 5, desiredReplicas: 5 });
    expect(s.value).toBe('polling');
    [s] = transition(cpaMachine, s, { type: 'POLLED', currentReplicas: 5, paramsError: 'bad' });
    expect(s.value).toBe('invalidParams');
    expect(s.context.lastError).toBe('bad');
    [s] = transition(cpaMachine, s, { type: 'POLLED', currentReplicas: 5, desiredReplicas: 5 });
    expect(s.value).toBe('polling');
  });
});
