/**
 * Defaulting of an autoscaling/v2 HPA (pkg/apis/autoscaling/v2/defaults.go) and the controller's
 * reading of it (scale-down window from the flag, per-direction tolerances).
 */
import { quantityToFloat } from './quantity';
import type {
  HPAScalingRules,
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerBehavior,
  HorizontalPodAutoscalerSpec,
  HpaControllerConfig,
  MetricSpec,
} from './types';

export const DEFAULT_CPU_UTILIZATION = 80;

export interface DefaultsOptions {
  /**
   * The controller's --horizontal-pod-autoscaler-downscale-stabilization. The API server leaves
   * behavior.scaleDown.stabilizationWindowSeconds unset and the controller fills it in; pass
   * `null` to get the object exactly as the API server stores it (for `-o yaml`).
   */
  downscaleStabilizationSeconds: number | null;
}

/** A spec whose optional fields the controller relies on are filled in. */
export type DefaultedHpaSpec = HorizontalPodAutoscalerSpec & {
  minReplicas: number;
  metrics: MetricSpec[];
};

function defaultScaleUpRules(): HPAScalingRules {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

function defaultScaleDownRules(windowSeconds: number | null): HPAScalingRules {
  const rules: HPAScalingRules = {
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  };
  if (windowSeconds !== null) rules.stabilizationWindowSeconds = windowSeconds;
  return rules;
}

/** Fields the user set win; the rest come from the defaults (copyHPAScalingRules). */
function mergeRules(given: HPAScalingRules | undefined, defaults: HPAScalingRules): HPAScalingRules {
  if (!given) return defaults;
  const merged: HPAScalingRules = { ...defaults };
  if (given.selectPolicy !== undefined) merged.selectPolicy = given.selectPolicy;
  if (given.stabilizationWindowSeconds !== undefined) merged.stabilizationWindowSeconds = given.stabilizationWindowSeconds;
  if (given.policies !== undefined) merged.policies = given.policies.map((p) => ({ ...p }));
  if (given.tolerance !== undefined) merged.tolerance = given.tolerance;
  return merged;
}

export function defaultBehavior(
  behavior: HorizontalPodAutoscalerBehavior,
  downscaleStabilizationSeconds: number | null,
): HorizontalPodAutoscalerBehavior {
  return {
    scaleUp: mergeRules(behavior.scaleUp, defaultScaleUpRules()),
    scaleDown: mergeRules(behavior.scaleDown, defaultScaleDownRules(downscaleStabilizationSeconds)),
  };
}

/**
 * minReplicas → 1; no metrics → CPU at 80% utilization; behavior rules filled in only when
 * `behavior` is present at all (its absence selects the legacy normalization).
 */
export function withDefaults(
  spec: HorizontalPodAutoscalerSpec,
  options: DefaultsOptions = { downscaleStabilizationSeconds: 300 },
): DefaultedHpaSpec {
  const metrics: MetricSpec[] =
    spec.metrics && spec.metrics.length > 0
      ? spec.metrics
      : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  const out: DefaultedHpaSpec = {
    ...spec,
    minReplicas: spec.minReplicas ?? 1,
    metrics,
  };
  if (spec.behavior) out.behavior = defaultBehavior(spec.behavior, options.downscaleStabilizationSeconds);
  return out;
}

/** The object as the API server returns it after defaulting (scale-down window left unset). */
export function apiServerDefaults(hpa: HorizontalPodAutoscaler): HorizontalPodAutoscaler {
  return { ...hpa, spec: withDefaults(hpa.spec, { downscaleStabilizationSeconds: null }) };
}

export interface Tolerances {
  scaleDown: number;
  scaleUp: number;
}

/** The flag's band for every HPA without behavior: one frozen object per flag value, not one per sync. */
let lastFlagBand: Readonly<Tolerances> = Object.freeze({ scaleDown: 0.1, scaleUp: 0.1 });

function flagBand(tolerance: number): Tolerances {
  if (lastFlagBand.scaleDown !== tolerance) lastFlagBand = Object.freeze({ scaleDown: tolerance, scaleUp: tolerance });
  return lastFlagBand;
}

/** tolerancesForHpa: the global flag, overridden per direction when the feature gate allows. */
export function tolerancesFor(spec: HorizontalPodAutoscalerSpec, config: Pick<HpaControllerConfig, 'tolerance' | 'configurableTolerance'>): Tolerances {
  if (!spec.behavior || !config.configurableTolerance) return flagBand(config.tolerance);
  const tolerances = { scaleDown: config.tolerance, scaleUp: config.tolerance };
  if (spec.behavior.scaleDown?.tolerance !== undefined) tolerances.scaleDown = quantityToFloat(spec.behavior.scaleDown.tolerance);
  if (spec.behavior.scaleUp?.tolerance !== undefined) tolerances.scaleUp = quantityToFloat(spec.behavior.scaleUp.tolerance);
  return tolerances;
}

/** Both bounds inclusive: (1 − down) ≤ ratio ≤ (1 + up). */
export function isWithinTolerance(usageRatio: number, tolerances: Tolerances): boolean {
  return 1.0 - tolerances.scaleDown <= usageRatio && usageRatio <= 1.0 + tolerances.scaleUp;
}
