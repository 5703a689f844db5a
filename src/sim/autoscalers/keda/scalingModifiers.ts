/**
 * advanced.scalingModifiers: KEDA replaces the HPA's external metrics by one `composite-metric`
 * (controllers/keda/hpa.go), served as the formula over the named triggers' values
 * (pkg/scaling/modifiers/formula.go), and decides activity on that value alone:
 * composite > activationTarget, default 0 (pkg/scaling/scale_handler.go). cpu/memory triggers keep
 * their Resource metrics and are not formula inputs.
 */
import { msg } from '../../core/message';
import { compileFormula, runFormula, type FormulaNode } from './formula';
import type { ObjectActivity, ScalerReading } from './scalers';
import type { MetricTargetType, ScaledObject } from './types';

export const COMPOSITE_METRIC_NAME = 'composite-metric';

export interface Modifiers {
  formula: string;
  ast: FormulaNode;
  target: number;
  activationTarget: number;
  metricType: MetricTargetType;
}

const isResource = (type: string) => type === 'cpu' || type === 'memory';

/** The formula's inputs: named triggers that are not cpu/memory (validateScalingModifiersFormula). */
export function formulaTriggerNames(so: Pick<ScaledObject, 'spec'>): string[] {
  return so.spec.triggers.flatMap((t) => (!isResource(t.type) && t.name ? [t.name] : []));
}

/**
 * The object's compiled modifiers, or undefined when it has none (or they do not compile: the
 * scenario loader refuses those, so the engine only sees this for objects applied past validation).
 */
export function modifiersOf(so: Pick<ScaledObject, 'spec'>): Modifiers | undefined {
  const sm = so.spec.advanced?.scalingModifiers;
  if (!sm?.formula) return undefined;
  const compiled = compileFormula(sm.formula, formulaTriggerNames(so));
  const target = Number(sm.target);
  if (!compiled.ok || !(target > 0)) return undefined;
  const activation = sm.activationTarget === undefined || sm.activationTarget === '' ? 0 : Number(sm.activationTarget);
  return {
    formula: sm.formula,
    ast: compiled.ast,
    target,
    activationTarget: Number.isFinite(activation) ? activation : 0,
    metricType: sm.metricType ?? 'AverageValue',
  };
}

export type CompositeValue = { value: number; error?: undefined } | { value?: undefined; error: string };

/** The composite metric from this poll's readings: any failing input fails it. */
export function compositeValue(so: Pick<ScaledObject, 'spec'>, mods: Modifiers, readings: readonly ScalerReading[]): CompositeValue {
  const values: Record<string, number> = {};
  for (const r of readings) {
    const trigger = so.spec.triggers[r.triggerIndex];
    if (r.source !== 'External' || !trigger?.name) continue;
    if (r.error !== undefined) return { error: r.error };
    values[trigger.name] = r.value ?? 0;
  }
  const result = runFormula(mods.ast, values);
  return result.ok ? { value: result.value } : { error: result.error };
}

/** With a formula, the object is active iff composite > activationTarget (strict); an error makes it inactive. */
export function modifiersActivity(composite: CompositeValue, mods: Modifiers, readings: readonly ScalerReading[]): ObjectActivity {
  const isError = composite.error !== undefined || readings.some((r) => r.error !== undefined);
  if (composite.error !== undefined) {
    return { isActive: false, isError, activeTriggers: [], explanation: msg('engine.keda.formulaError', { error: composite.error }) };
  }
  const isActive = !isError && composite.value > mods.activationTarget;
  return {
    isActive,
    isError,
    activeTriggers: isActive ? [COMPOSITE_METRIC_NAME] : [],
    explanation: msg(isActive ? 'engine.keda.formulaActive' : 'engine.keda.formulaInactive', {
      formula: mods.formula,
      value: Math.round(composite.value * 1000) / 1000,
      activation: mods.activationTarget,
      target: mods.target,
    }),
  };
}

const WEBHOOK = 'admission webhook "vscaledobject.kb.io" denied the request: ';

/**
 * scaledobject_webhook.go ValidateAndCompileScalingModifiers, as field issues: formula mandatory,
 * formula needs a target, the formula must compile over the named triggers (our subset of
 * expr-lang; the column is given as expr gives it, "(1:N)"), target a float > 0, not Utilization;
 * activationTarget must parse as a float (scale_handler.go). Raw manifest input.
 */
export function scalingModifiersIssues(spec: Record<string, unknown>): { path: string; message: string }[] {
  const adv = spec.advanced;
  if (typeof adv !== 'object' || adv === null) return [];
  const sm = (adv as Record<string, unknown>).scalingModifiers;
  if (sm === undefined) return [];
  const path = 'spec.advanced.scalingModifiers';
  if (typeof sm !== 'object' || sm === null || Array.isArray(sm)) return [{ path, message: 'Invalid value: must be an object' }];
  const m = sm as Record<string, unknown>;
  const issues: { path: string; message: string }[] = [];
  for (const f of ['formula', 'target', 'activationTarget', 'metricType']) {
    if (m[f] !== undefined && typeof m[f] !== 'string') issues.push({ path: `${path}.${f}`, message: `Invalid value: "${typeof m[f]}": ${path}.${f} in body must be of type string` });
  }
  if (issues.length > 0) return issues;
  const formula = (m.formula as string | undefined) ?? '';
  const target = (m.target as string | undefined) ?? '';
  if (formula === '') {
    // Without a formula KEDA ignores target/activationTarget only when the whole block is empty.
    if (target !== '' || m.activationTarget !== undefined) issues.push({ path: `${path}.formula`, message: `${WEBHOOK}error ScalingModifiers.Formula is mandatory` });
    return issues;
  }
  if (target === '') issues.push({ path: `${path}.target`, message: `${WEBHOOK}error validating formula in ScalingModifiers\nformula is given but target is empty` });
  const triggers = Array.isArray(spec.triggers) ? (spec.triggers as unknown[]) : [];
  const names = triggers.flatMap((t) => {
    if (typeof t !== 'object' || t === null) return [];
    const { type, name } = t as { type?: unknown; name?: unknown };
    return typeof name === 'string' && name !== '' && type !== 'cpu' && type !== 'memory' ? [name] : [];
  });
  const compiled = compileFormula(formula, names);
  if (!compiled.ok) {
    issues.push({ path: `${path}.formula`, message: `${WEBHOOK}error validating formula in ScalingModifiers\n${compiled.error} (1:${compiled.column})\n | ${formula}\n | ${'.'.repeat(compiled.column - 1)}^` });
  }
  if (target !== '') {
    const n = Number(target);
    if (!(n > 0)) issues.push({ path: `${path}.target`, message: `${WEBHOOK}error validating target in ScalingModifiers\nerror converting target for scalingModifiers (string->float) to valid target: strconv.ParseFloat: parsing "${target}": invalid syntax` });
  }
  if (m.metricType === 'Utilization') issues.push({ path: `${path}.metricType`, message: `${WEBHOOK}error validating target in ScalingModifiers\nerror trigger type is Utilization, but it needs to be AverageValue or Value for external metrics` });
  if (typeof m.activationTarget === 'string' && m.activationTarget !== '' && !Number.isFinite(Number(m.activationTarget))) {
    issues.push({ path: `${path}.activationTarget`, message: `scalingModifiers.ActivationTarget parsing error strconv.ParseFloat: parsing "${m.activationTarget}": invalid syntax` });
  }
  return issues;
}
