import { describe, expect, it } from 'vitest';
import { HPA_STATE_NAMES, persistHpaMachine, restoreHpaMachine, stepHpaMachine, type HpaSyncKind, type HpaSyncOutcome } from './hpaMachine';
import { stepPersistedHpaMachine } from './hpaStepper';

const kinds: HpaSyncKind[] = ['disabled', 'failedGetScale', 'metricsUnavailable', 'rescaled', 'rescaleFailed', 'unchanged'];
const reasons = [undefined, 'TooManyReplicas', 'TooFewReplicas', 'ScaleUpLimit', 'ScaleDownLimit', 'DesiredWithinRange'] as const;
const able = ['ReadyForNewScale', 'ScaleDownStabilized', 'ScaleUpStabilized', 'SucceededRescale'];

describe('the compiled HPA stepper agrees with xstate transition()', () => {
  it('for every state × outcome kind × limit reason × AbleToScale reason × direction', () => {
    let cases = 0;
    for (const value of HPA_STATE_NAMES) {
      const persisted = { value, context: { syncCount: 3, lastSyncSeconds: 30, lastRescaleSeconds: 15, currentReplicas: 4, desiredReplicas: 4 } };
      for (const kind of kinds)
        for (const reason of reasons)
          for (const ableToScaleReason of able)
            for (const [currentReplicas, desiredReplicas] of [[4, 6], [4, 2], [4, 4]]) {
              const outcome: HpaSyncOutcome = { kind, nowSeconds: 45, currentReplicas, desiredReplicas, ableToScaleReason, scalingLimited: reason !== undefined, ...(reason ? { scalingLimitedReason: reason } : {}) };
              const viaXstate = persistHpaMachine(stepHpaMachine(restoreHpaMachine(persisted), outcome));
              expect(stepPersistedHpaMachine(persisted, outcome)).toEqual(viaXstate);
              cases++;
            }
    }
    expect(cases).toBe(HPA_STATE_NAMES.length * kinds.length * reasons.length * able.length * 3);
  });
});
