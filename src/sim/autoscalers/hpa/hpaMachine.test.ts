import { describe, expect, it } from 'vitest';
import {
  HPA_STATE_NAMES,
  hpaStateName,
  initialHpaMachineSnapshot,
  persistHpaMachine,
  restoreHpaMachine,
  stepHpaMachine,
  type HpaStateName,
  type HpaSyncOutcome,
} from './hpaMachine';

const outcome = (o: Partial<HpaSyncOutcome>): HpaSyncOutcome => ({
  kind: 'unchanged',
  nowSeconds: 15,
  currentReplicas: 3,
  desiredReplicas: 3,
  ableToScaleReason: 'ReadyForNewScale',
  scalingLimited: false,
  ...o,
});

const cases: [HpaStateName, Partial<HpaSyncOutcome>][] = [
  ['stable', {}],
  ['scalingUp', { kind: 'rescaled', desiredReplicas: 5, ableToScaleReason: 'SucceededRescale' }],
  ['scalingDown', { kind: 'rescaled', desiredReplicas: 1, ableToScaleReason: 'SucceededRescale' }],
  ['scaleDownStabilized', { ableToScaleReason: 'ScaleDownStabilized' }],
  ['scaleUpStabilized', { ableToScaleReason: 'ScaleUpStabilized' }],
  ['limitedAtMin', { scalingLimited: true, scalingLimitedReason: 'TooFewReplicas' }],
  ['limitedAtMax', { scalingLimited: true, scalingLimitedReason: 'TooManyReplicas' }],
  ['rateLimited', { scalingLimited: true, scalingLimitedReason: 'ScaleUpLimit' }],
  ['unableToCompute', { kind: 'metricsUnavailable' }],
  ['disabled', { kind: 'disabled', currentReplicas: 0, desiredReplicas: 0 }],
];

describe('hpaMachine', () => {
  it('starts stable', () => {
    expect(hpaStateName(initialHpaMachineSnapshot())).toBe('stable');
  });

  it.each(cases)('reaches %s from every other state', (target, o) => {
    for (const [from, fromOutcome] of cases) {
      const start = stepHpaMachine(initialHpaMachineSnapshot(), outcome(fromOutcome));
      expect(hpaStateName(start)).toBe(from);
      expect(hpaStateName(stepHpaMachine(start, outcome(o)))).toBe(target);
    }
  });

  it('covers every named state', () => {
    expect(new Set(cases.map(([name]) => name))).toEqual(new Set(HPA_STATE_NAMES));
  });

  it('a limit that did not stop a rescale still reads as scaling', () => {
    const s = stepHpaMachine(initialHpaMachineSnapshot(), outcome({ kind: 'rescaled', desiredReplicas: 6, scalingLimited: true, scalingLimitedReason: 'ScaleUpLimit' }));
    expect(hpaStateName(s)).toBe('scalingUp');
  });

  it('keeps its context and survives a JSON round trip', () => {
    let s = stepHpaMachine(initialHpaMachineSnapshot(), outcome({ kind: 'rescaled', desiredReplicas: 5, nowSeconds: 30 }));
    s = stepHpaMachine(s, outcome({ nowSeconds: 45 }));
    const persisted = JSON.parse(JSON.stringify(persistHpaMachine(s))) as ReturnType<typeof persistHpaMachine>;
    expect(persisted).toEqual({ value: 'stable', context: { syncCount: 2, lastSyncSeconds: 45, lastRescaleSeconds: 30, currentReplicas: 3, desiredReplicas: 3 } });
    const restored = restoreHpaMachine(persisted);
    expect(hpaStateName(stepHpaMachine(restored, outcome({ kind: 'disabled' })))).toBe('disabled');
  });
});
