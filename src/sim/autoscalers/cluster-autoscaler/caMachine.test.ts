import { describe, it, expect } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { caMachine, type CaScanSummary } from './caMachine';

const scan = (over: Partial<CaScanSummary>) => ({
  type: 'SCANNED' as const,
  nowSeconds: 0,
  tooManyUnready: false,
  scaleUpTriggered: false,
  upcomingNodes: 0,
  backedOffGroups: 0,
  unneededNodes: 0,
  deletingNodes: 0,
  ...over,
});

describe('caMachine', () => {
  it('walks the seed run: scale-up, wait, scale-down candidates, deletion, back to scanning', () => {
    let [s] = initialTransition(caMachine);
    expect(s.value).toBe('scanning');
    const steps: [Partial<CaScanSummary>, string][] = [
      [{ nowSeconds: 70, scaleUpTriggered: true }, 'scaleUpInProgress'],
      [{ nowSeconds: 80, upcomingNodes: 2 }, 'scaleUpInProgress'],
      [{ nowSeconds: 200 }, 'scanning'],
      [{ nowSeconds: 400, unneededNodes: 2 }, 'scaleDownCandidate'],
      [{ nowSeconds: 1000, unneededNodes: 2, deletingNodes: 2 }, 'scalingDown'],
      [{ nowSeconds: 1100 }, 'scanning'],
      [{ nowSeconds: 1200, backedOffGroups: 1 }, 'backoff'],
      [{ nowSeconds: 1300, tooManyUnready: true, unneededNodes: 1 }, 'halted'],
    ];
    for (const [summary, state] of steps) {
      [s] = transition(caMachine, s, scan(summary));
      expect(s.value).toBe(state);
    }
    expect(s.context.lastScaleUpSeconds).toBe(70);
    expect(s.context.lastScanSeconds).toBe(1300);
    [s] = transition(caMachine, s, { type: 'RESET' });
    expect(s.value).toBe('scanning');
  });
});
