import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compatibilityError,
  intersectRequirement,
  intersectsError,
  podRequirementAlternatives,
  requirementFrom,
  requirementHas,
  requirementsFrom,
  requirementsFromLabels,
  untoleratedTaints,
} from './requirements';

describe('requirement values', () => {
  it('implements each operator', () => {
    expect(requirementHas(requirementFrom({ key: 'k', operator: 'In', values: ['a', 'b'] }), 'a')).toBe(true);
    expect(requirementHas(requirementFrom({ key: 'k', operator: 'In', values: ['a'] }), 'c')).toBe(false);
    expect(requirementHas(requirementFrom({ key: 'k', operator: 'NotIn', values: ['a'] }), 'a')).toBe(false);
    expect(requirementHas(requirementFrom({ key: 'k', operator: 'NotIn', values: ['a'] }), 'z')).toBe(true);
    expect(requirementHas(requirementFrom({ key: 'k', operator: 'Exists' }), 'anything')).toBe(true);
    expect(requirementHas(requirementFrom({ key: 'k', operator: 'DoesNotExist' }), 'x')).toBe(false);
    const gt = requirementFrom({ key: 'gen', operator: 'Gt', values: ['2'] });
    expect(requirementHas(gt, '3')).toBe(true);
    expect(requirementHas(gt, '2')).toBe(false);
    expect(requirementHas(gt, 'abc')).toBe(false);
    expect(requirementHas(requirementFrom({ key: 'cpu', operator: 'Lt', values: ['8'] }), '4')).toBe(true);
  });

  it('intersects In with Gt by filtering values', () => {
    const r = intersectRequirement(
      requirementFrom({ key: 'g', operator: 'In', values: ['1', '3', '5'] }),
      requirementFrom({ key: 'g', operator: 'Gt', values: ['2'] }),
    );
    expect([...r.values].sort()).toEqual(['3', '5']);
    expect(r.complement).toBe(false);
  });

  it('intersection is commutative on membership (property)', () => {
    const ops = fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt');
    const req = fc.record({
      operator: ops,
      values: fc.array(fc.integer({ min: 0, max: 6 }).map(String), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(req, req, fc.integer({ min: 0, max: 6 }), (a, b, v) => {
        const ra = requirementFrom({ key: 'k', operator: a.operator, values: fixValues(a.operator, a.values) });
        const rb = requirementFrom({ key: 'k', operator: b.operator, values: fixValues(b.operator, b.values) });
        const expected = requirementHas(ra, String(v)) && requirementHas(rb, String(v));
        expect(requirementHas(intersectRequirement(ra, rb), String(v))).toBe(expected);
        expect(requirementHas(intersectRequirement(rb, ra), String(v))).toBe(expected);
      }),
    );
  });
});

function fixValues(op: string, values: string[]): string[] {
  if (op === 'Exists' || op === 'DoesNotExist') return [];
  if (op === 'Gt' || op === 'Lt') return [values[0]];
  return values;
}

describe('compatibility', () => {
  const pool = requirementsFrom([
    { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] },
    { key: 'team', operator: 'In', values: ['a'] },
  ]);
  it('accepts a pod selecting an allowed value', () => {
    expect(compatibilityError(pool, requirementsFromLabels({ 'karpenter.sh/capacity-type': 'spot' }))).toBeUndefined();
  });
  it('rejects a value outside the pool', () => {
    expect(compatibilityError(pool, requirementsFromLabels({ team: 'b' }))).toMatch(/team/);
  });
  it('rejects a custom label the pool does not define, but allows well-known ones', () => {
    expect(compatibilityError(pool, requirementsFromLabels({ gpu: 'true' }))).toMatch(/does not have known values/);
    expect(compatibilityError(pool, requirementsFromLabels({ 'topology.kubernetes.io/zone': 'us-east-1a' }))).toBeUndefined();
    expect(compatibilityError(pool, requirementsFrom([{ key: 'gpu', operator: 'DoesNotExist' }]))).toBeUndefined();
  });
  it('lets two negative requirements coexist even with no common value', () => {
    const a = requirementsFrom([{ key: 'x', operator: 'DoesNotExist' }]);
    const b = requirementsFrom([{ key: 'x', operator: 'NotIn', values: ['1'] }]);
    expect(intersectsError(a, b)).toBeUndefined();
    expect(intersectsError(a, requirementsFrom([{ key: 'x', operator: 'In', values: ['1'] }]))).toBeDefined();
  });
  it('turns several affinity terms into alternatives, each ANDed with the nodeSelector', () => {
    const alts = podRequirementAlternatives({
      nodeSelector: { team: 'a' },
      requiredNodeAffinity: [
        [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }],
        [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }],
      ],
    });
    expect(alts).toHaveLength(2);
    expect(alts.every((a) => a.has('team'))).toBe(true);
  });
});

describe('taints', () => {
  const taints = [
    { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' as const },
    { key: 'soft', effect: 'PreferNoSchedule' as const },
  ];
  it('needs a matching toleration for NoSchedule; PreferNoSchedule never blocks', () => {
    expect(untoleratedTaints(taints, [])).toHaveLength(1);
    expect(untoleratedTaints(taints, [{ key: 'dedicated', operator: 'Equal', value: 'gpu' }])).toHaveLength(0);
    expect(untoleratedTaints(taints, [{ key: 'dedicated', operator: 'Equal', value: 'cpu' }])).toHaveLength(1);
    expect(untoleratedTaints(taints, [{ operator: 'Exists' }])).toHaveLength(0);
    expect(untoleratedTaints(taints, [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }])).toHaveLength(1);
  });
});
