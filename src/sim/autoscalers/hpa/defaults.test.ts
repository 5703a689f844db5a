import { describe, expect, it } from 'vitest';
import { apiServerDefaults, isWithinTolerance, tolerancesFor, withDefaults } from './defaults';
import { DEFAULT_HPA_CONTROLLER_CONFIG } from './types';
import { makeHpa } from './testFixtures';

describe('withDefaults', () => {
  it('fills minReplicas 1 and an 80% CPU metric, and no behavior when none is given', () => {
    const spec = withDefaults(makeHpa({ maxReplicas: 5 }).spec);
    expect(spec.minReplicas).toBe(1);
    expect(spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    expect(spec.behavior).toBeUndefined();
  });

  it('fills each direction of a present behavior, keeping what the user set', () => {
    const spec = withDefaults(makeHpa({ maxReplicas: 5, behavior: { scaleDown: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } } }).spec, {
      downscaleStabilizationSeconds: 120,
    });
    expect(spec.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: { stabilizationWindowSeconds: 120, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] },
    });
  });

  it('leaves the scale-down window unset in the stored object', () => {
    const hpa = apiServerDefaults(makeHpa({ maxReplicas: 5, behavior: {} }));
    expect(hpa.spec.behavior?.scaleDown?.stabilizationWindowSeconds).toBeUndefined();
  });
});

describe('tolerances', () => {
  it('uses the per-direction overrides only with behavior and the feature gate', () => {
    const spec = makeHpa({ maxReplicas: 5, behavior: { scaleUp: { tolerance: '0.05' }, scaleDown: { tolerance: '200m' } } }).spec;
    expect(tolerancesFor(spec, DEFAULT_HPA_CONTROLLER_CONFIG)).toEqual({ scaleDown: 0.2, scaleUp: 0.05 });
    expect(tolerancesFor(spec, { ...DEFAULT_HPA_CONTROLLER_CONFIG, configurableTolerance: false })).toEqual({ scaleDown: 0.1, scaleUp: 0.1 });
  });

  it('includes both bounds', () => {
    const t = { scaleDown: 0.1, scaleUp: 0.1 };
    expect(isWithinTolerance(0.9, t)).toBe(true);
    expect(isWithinTolerance(1.1, t)).toBe(true);
    expect(isWithinTolerance(1.1000001, t)).toBe(false);
    expect(isWithinTolerance(0.8999999, t)).toBe(false);
  });
});
