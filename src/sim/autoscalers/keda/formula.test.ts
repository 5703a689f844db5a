import { describe, expect, it } from 'vitest';
import { compileFormula, evaluateFormula } from './formula';
import { scalingModifiersIssues } from './scalingModifiers';

/**
 * advanced.scalingModifiers.formula as KEDA runs it with expr-lang
 * (kedacore/keda pkg/scaling/modifiers/formula.go, formula_test.go TestCalculateScalingModifiersFormula:
 * "trigger1 + trigger2" over 2 and 5 gives 7) and validates it at admission
 * (apis/keda/v1alpha1/scaledobject_webhook.go validateScalingModifiersFormula / Target).
 */
describe('scalingModifiers formula', () => {
  it('adds, averages and weighs trigger values', () => {
    expect(evaluateFormula('trigger1 + trigger2', { trigger1: 2, trigger2: 5 })).toEqual({ ok: true, value: 7 });
    expect(evaluateFormula('(trig_one + trig_two) / 2', { trig_one: 3, trig_two: 6 })).toEqual({ ok: true, value: 4.5 });
    expect(evaluateFormula('2 * a - b % 4 + 2 ** 3 ^ 2', { a: 5, b: 7 })).toEqual({ ok: true, value: 10 - 3 + 512 });
    expect(evaluateFormula('-a + +b', { a: 1, b: 4 })).toEqual({ ok: true, value: 3 });
  });

  it('chooses with comparisons, logic and the ternary', () => {
    const f = 'trig_one > 2 ? trig_one + trig_two : 1';
    expect(evaluateFormula(f, { trig_one: 3, trig_two: 4 })).toEqual({ ok: true, value: 7 });
    expect(evaluateFormula(f, { trig_one: 2, trig_two: 4 })).toEqual({ ok: true, value: 1 });
    expect(evaluateFormula('a >= 1 && b < 10 || not (a == b) ? 1 : 0', { a: 5, b: 5 })).toEqual({ ok: true, value: 1 });
    expect(evaluateFormula('a > 1 and b > 1 ? max(a, b, 3) : min(a, b)', { a: 2, b: 0.5 })).toEqual({ ok: true, value: 0.5 });
    expect(evaluateFormula('float(round(a)) + ceil(b) + floor(-b) + abs(-2) + int(2.7)', { a: 2.5, b: 1.2 })).toEqual({ ok: true, value: 3 + 2 - 2 + 2 + 2 });
  });

  it('refuses what it does not simulate, with the column', () => {
    expect(compileFormula('count([a, b], {# > 1}) > 1 ? 5 : 0', ['a', 'b'])).toMatchObject({ ok: false, column: 1, error: 'unknown or unsimulated function count' });
    expect(compileFormula('a ?? 3', ['a'])).toEqual({ ok: false, error: 'the ?? operator is not simulated', column: 3 });
    expect(compileFormula('a + c', ['a', 'b'])).toEqual({ ok: false, error: 'unknown name c', column: 5 });
    expect(compileFormula('a +', ['a'])).toEqual({ ok: false, error: 'unexpected end of formula', column: 4 });
    expect(compileFormula('(a + b', ['a', 'b'])).toEqual({ ok: false, error: 'unexpected end of formula, expected ")"', column: 7 });
    expect(compileFormula('a @ b', ['a', 'b'])).toEqual({ ok: false, error: 'unexpected token "@"', column: 3 });
    expect(compileFormula('a > 1 ? 2', ['a'])).toMatchObject({ ok: false, column: 10 });
  });

  it('a boolean result or a non-finite one is an error when it runs', () => {
    expect(evaluateFormula('a > 1', { a: 2 })).toMatchObject({ ok: false });
    expect(evaluateFormula('a / b', { a: 2, b: 0 })).toMatchObject({ ok: false });
    expect(evaluateFormula('a ? 1 : 2', { a: 2 })).toMatchObject({ ok: false });
  });
});

describe('scalingModifiers admission (webhook words, located)', () => {
  const spec = (sm: Record<string, unknown>) => ({ triggers: [{ type: 'prometheus', name: 'a', metadata: {} }, { type: 'cpu', name: 'c', metadata: {} }], advanced: { scalingModifiers: sm } });

  it('accepts a formula over named triggers with a target', () => {
    expect(scalingModifiersIssues(spec({ formula: 'a * 2', target: '5', activationTarget: '1' }))).toEqual([]);
  });

  it('refuses a formula without target, a bad target, Utilization, and a cpu trigger as input', () => {
    const noTarget = scalingModifiersIssues(spec({ formula: 'a' }))[0];
    expect(noTarget.path).toBe('spec.advanced.scalingModifiers.target');
    expect(noTarget.message).toContain('formula is given but target is empty');
    expect(scalingModifiersIssues(spec({ formula: 'a', target: 'x' }))[0].path).toBe('spec.advanced.scalingModifiers.target');
    expect(scalingModifiersIssues(spec({ formula: 'a', target: '5', metricType: 'Utilization' }))[0].path).toBe('spec.advanced.scalingModifiers.metricType');
    const cpu = scalingModifiersIssues(spec({ formula: 'a + c', target: '5' }))[0];
    expect(cpu.path).toBe('spec.advanced.scalingModifiers.formula');
    expect(cpu.message).toContain('unknown name c (1:5)\n | a + c\n | ....^');
  });
});
