/**
 * What the HPA does with the metric proposal before writing the scale (horizontal.go):
 * stabilization over stored recommendations and rate limits from recent scale events, or the
 * legacy clamp when spec.behavior is absent. All times are sim seconds. Functions return new
 * arrays instead of mutating the controller's bookkeeping.
 */
import type { HPAScalingRules, HorizontalPodAutoscalerBehavior } from './types';
import { msg, type Message } from '../../core/message';
import { maxOf } from '../../core/arrays';
import { windowNoHigherLines, windowNoHigherText } from './calculationText';
import { clampLegacy, scanLegacyWindow } from './legacyNormalization';

export interface TimestampedRecommendation {
  replicas: number;
  timestampSeconds: number;
}

export interface ScaleEvent {
  replicaChange: number;
  timestampSeconds: number;
  /** Older than the longest policy period: its slot may be reused. */
  outdated: boolean;
}

export type LimitReason = 'DesiredWithinRange' | 'TooFewReplicas' | 'TooManyReplicas' | 'ScaleUpLimit' | 'ScaleDownLimit';

export const LIMIT_MESSAGES: Record<LimitReason, string> = {
  DesiredWithinRange: 'the desired count is within the acceptable range',
  TooFewReplicas: 'the desired replica count is less than the minimum replica count',
  TooManyReplicas: 'the desired replica count is more than the maximum replica count',
  ScaleUpLimit: 'the desired replica count is increasing faster than the maximum scale rate',
  ScaleDownLimit: 'the desired replica count is decreasing faster than the maximum scale rate',
};

export type StabilizationReason = 'ReadyForNewScale' | 'ScaleUpStabilized' | 'ScaleDownStabilized';

export const STABILIZATION_MESSAGES: Record<StabilizationReason, string> = {
  ReadyForNewScale: 'recommended size matches current size',
  ScaleUpStabilized: 'recent recommendations were lower than current one, applying the lowest recent recommendation',
  ScaleDownStabilized: 'recent recommendations were higher than current one, applying the highest recent recommendation',
};

/** Store a recommendation, reusing the slot of one that aged out (the last such slot, as upstream). */
function storeRecommendation(
  recommendations: readonly TimestampedRecommendation[],
  oldIndex: number,
  entry: TimestampedRecommendation,
): TimestampedRecommendation[] {
  // Entries are never changed in place (a new one replaces the outdated one), so they are shared.
  const next = recommendations.slice();
  if (oldIndex >= 0) next[oldIndex] = entry;
  else next.push(entry);
  return next;
}

/** Legacy stabilization: the max of the new proposal and every recommendation within the window. */
export function stabilizeLegacy(
  recommendations: readonly TimestampedRecommendation[],
  proposal: number,
  nowSeconds: number,
  windowSeconds: number,
): { stabilized: number; recommendations: TimestampedRecommendation[] } {
  const { stabilized, oldIndex } = scanLegacyWindow(recommendations, proposal, nowSeconds - windowSeconds);
  return { stabilized, recommendations: storeRecommendation(recommendations, oldIndex, { replicas: proposal, timestampSeconds: nowSeconds }) };
}

/** Clamp without behavior: [min, min(max, max(2×current, 4))]. */
export function convertDesiredReplicasLegacy(
  currentReplicas: number,
  desiredReplicas: number,
  minReplicas: number,
  maxReplicas: number,
): { replicas: number; reason: LimitReason } {
  const { replicas, reason } = clampLegacy(currentReplicas, desiredReplicas, minReplicas, maxReplicas);
  return { replicas, reason };
}

export interface BehaviorStabilization {
  stabilized: number;
  /** The label the controller uses if the stabilized value differs from the proposal. */
  reason: 'ScaleUpStabilized' | 'ScaleDownStabilized';
  upperBound: number;
  lowerBound: number;
  recommendations: TimestampedRecommendation[];
}

/**
 * stabilizeRecommendationWithBehaviors: lower bound = min over the scale-up window, upper bound =
 * max over the scale-down window; the current count moves only as far as both allow. The raw
 * proposal is what gets stored.
 */
export function stabilizeWithBehavior(
  recommendations: readonly TimestampedRecommendation[],
  args: { currentReplicas: number; desiredReplicas: number; nowSeconds: number; scaleUpWindowSeconds: number; scaleDownWindowSeconds: number },
): BehaviorStabilization {
  const upCutoff = args.nowSeconds - args.scaleUpWindowSeconds;
  const downCutoff = args.nowSeconds - args.scaleDownWindowSeconds;
  let lowerBound = args.desiredReplicas;
  let upperBound = args.desiredReplicas;
  let oldIndex = -1;
  recommendations.forEach((rec, i) => {
    if (rec.timestampSeconds > upCutoff) lowerBound = Math.min(lowerBound, rec.replicas);
    if (rec.timestampSeconds > downCutoff) upperBound = Math.max(upperBound, rec.replicas);
    if (rec.timestampSeconds < upCutoff && rec.timestampSeconds < downCutoff) oldIndex = i;
  });
  let stabilized = args.currentReplicas;
  if (stabilized < lowerBound) stabilized = lowerBound;
  if (stabilized > upperBound) stabilized = upperBound;
  return {
    stabilized,
    reason: args.desiredReplicas >= args.currentReplicas ? 'ScaleUpStabilized' : 'ScaleDownStabilized',
    upperBound,
    lowerBound,
    recommendations: storeRecommendation(recommendations, oldIndex, { replicas: args.desiredReplicas, timestampSeconds: args.nowSeconds }),
  };
}

/** Replicas changed by events younger than the period (strictly after now − period). */
export function replicasChangedInPeriod(events: readonly ScaleEvent[], periodSeconds: number, nowSeconds: number): number {
  const cutoff = nowSeconds - periodSeconds;
  return events.reduce((sum, e) => (e.timestampSeconds > cutoff ? sum + e.replicaChange : sum), 0);
}

export interface RateLimitInput {
  currentReplicas: number;
  scaleUpEvents: readonly ScaleEvent[];
  scaleDownEvents: readonly ScaleEvent[];
  rules: HPAScalingRules;
  nowSeconds: number;
}

function periodStart(input: RateLimitInput, periodSeconds: number): number {
  const added = replicasChangedInPeriod(input.scaleUpEvents, periodSeconds, input.nowSeconds);
  const removed = replicasChangedInPeriod(input.scaleDownEvents, periodSeconds, input.nowSeconds);
  return input.currentReplicas - added + removed;
}

/** Highest count the scale-up policies allow now (calculateScaleUpLimitWithScalingRules). */
export function calculateScaleUpLimit(input: RateLimitInput): number {
  const select = input.rules.selectPolicy ?? 'Max';
  if (select === 'Disabled') return input.currentReplicas;
  let result = select === 'Min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  for (const policy of input.rules.policies ?? []) {
    const start = periodStart(input, policy.periodSeconds);
    // Percent rounds up so that a small percentage can still add a pod.
    const proposed = policy.type === 'Pods' ? start + policy.value : Math.ceil(start * (1 + policy.value / 100));
    result = select === 'Min' ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/** Lowest count the scale-down policies allow now (calculateScaleDownLimitWithBehaviors). */
export function calculateScaleDownLimit(input: RateLimitInput): number {
  const select = input.rules.selectPolicy ?? 'Max';
  if (select === 'Disabled') return input.currentReplicas;
  let result = select === 'Min' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  for (const policy of input.rules.policies ?? []) {
    const start = periodStart(input, policy.periodSeconds);
    const proposed = policy.type === 'Pods' ? start - policy.value : Math.trunc(start * (1 - policy.value / 100));
    result = select === 'Min' ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

export interface BehaviorRateResult {
  replicas: number;
  reason: LimitReason;
  /** The policy limit in the direction of the change, when there was a change. */
  policyLimit?: number;
}

/** convertDesiredReplicasWithBehaviorRate: apply the policy limit, then min/max replicas. */
export function convertDesiredReplicasWithBehaviorRate(args: {
  currentReplicas: number;
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  behavior: HorizontalPodAutoscalerBehavior;
  scaleUpEvents: readonly ScaleEvent[];
  scaleDownEvents: readonly ScaleEvent[];
  nowSeconds: number;
}): BehaviorRateResult {
  const { currentReplicas: current, desiredReplicas: desired } = args;
  if (desired > current) {
    const rules = args.behavior.scaleUp ?? {};
    // Never below current: past events may have used the budget up, which only stops growth.
    const limit = Math.max(current, calculateScaleUpLimit({ ...args, rules }));
    const [maxAllowed, reason]: [number, LimitReason] =
      args.maxReplicas > limit ? [limit, 'ScaleUpLimit'] : [args.maxReplicas, 'TooManyReplicas'];
    if (desired > maxAllowed) return { replicas: maxAllowed, reason, policyLimit: limit };
    return { replicas: desired, reason: 'DesiredWithinRange', policyLimit: limit };
  }
  if (desired < current) {
    const rules = args.behavior.scaleDown ?? {};
    const limit = Math.min(current, calculateScaleDownLimit({ ...args, rules }));
    const [minAllowed, reason]: [number, LimitReason] =
      args.minReplicas < limit ? [limit, 'ScaleDownLimit'] : [args.minReplicas, 'TooFewReplicas'];
    if (desired < minAllowed) return { replicas: minAllowed, reason, policyLimit: limit };
    return { replicas: desired, reason: 'DesiredWithinRange', policyLimit: limit };
  }
  return { replicas: desired, reason: 'DesiredWithinRange' };
}

function longestPolicyPeriod(rules: HPAScalingRules | undefined): number {
  return Math.max(0, maxOf((rules?.policies ?? []).map((p) => p.periodSeconds)));
}

function recordEvent(events: readonly ScaleEvent[], change: number, nowSeconds: number, longestPeriod: number): ScaleEvent[] {
  const cutoff = nowSeconds - longestPeriod;
  const next = events.map((e) => ({ ...e, outdated: e.outdated || e.timestampSeconds < cutoff }));
  let reuse = -1;
  next.forEach((e, i) => {
    if (e.outdated) reuse = i;
  });
  const entry: ScaleEvent = { replicaChange: change, timestampSeconds: nowSeconds, outdated: false };
  if (reuse >= 0) next[reuse] = entry;
  else next.push(entry);
  return next;
}

/** storeScaleEvent: kept per direction, and only when behavior is set (nothing else reads them). */
export function storeScaleEvent(
  behavior: HorizontalPodAutoscalerBehavior | undefined,
  events: { scaleUpEvents: ScaleEvent[]; scaleDownEvents: ScaleEvent[] },
  previousReplicas: number,
  newReplicas: number,
  nowSeconds: number,
): { scaleUpEvents: ScaleEvent[]; scaleDownEvents: ScaleEvent[] } {
  if (!behavior) return events;
  if (newReplicas > previousReplicas) {
    return {
      ...events,
      scaleUpEvents: recordEvent(events.scaleUpEvents, newReplicas - previousReplicas, nowSeconds, longestPolicyPeriod(behavior.scaleUp)),
    };
  }
  return {
    ...events,
    scaleDownEvents: recordEvent(events.scaleDownEvents, previousReplicas - newReplicas, nowSeconds, longestPolicyPeriod(behavior.scaleDown)),
  };
}

export interface NormalizationResult {
  desiredReplicas: number;
  /** AbleToScale stays True; only its reason tells whether stabilization held the count. */
  ableToScale: { reason: StabilizationReason; message: string };
  /** ScalingLimited is True when the limit changed the stabilized value. */
  scalingLimited: { status: 'True' | 'False'; reason: LimitReason; message: string };
  recommendations: TimestampedRecommendation[];
  explanation: Message[];
}

export interface NormalizationInput {
  currentReplicas: number;
  /** The max over metric proposals. */
  proposal: number;
  minReplicas: number;
  maxReplicas: number;
  /** Defaulted behavior (scaleDown window filled from the controller flag) or undefined for legacy. */
  behavior?: HorizontalPodAutoscalerBehavior;
  recommendations: readonly TimestampedRecommendation[];
  scaleUpEvents: readonly ScaleEvent[];
  scaleDownEvents: readonly ScaleEvent[];
  nowSeconds: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization, used by the legacy path. */
  downscaleStabilizationSeconds: number;
}

/*
 * The conditions a normalization sets, one object per status and reason: the caller only reads
 * them (setCond takes their fields), and every sync sets one of the same few.
 */
function limitedConditions(status: 'True' | 'False'): Record<LimitReason, NormalizationResult['scalingLimited']> {
  const out = {} as Record<LimitReason, NormalizationResult['scalingLimited']>;
  for (const reason of Object.keys(LIMIT_MESSAGES) as LimitReason[]) out[reason] = Object.freeze({ status, reason, message: LIMIT_MESSAGES[reason] });
  return out;
}
const LIMITED = limitedConditions('True');
const NOT_LIMITED = limitedConditions('False');

const ABLE_TO_SCALE = {} as Record<StabilizationReason, NormalizationResult['ableToScale']>;
for (const reason of Object.keys(STABILIZATION_MESSAGES) as StabilizationReason[]) ABLE_TO_SCALE[reason] = Object.freeze({ reason, message: STABILIZATION_MESSAGES[reason] });

function limitedCondition(limited: number, stabilized: number, reason: LimitReason): NormalizationResult['scalingLimited'] {
  return (limited === stabilized ? NOT_LIMITED : LIMITED)[reason];
}

/** normalizeDesiredReplicas (no behavior): stabilize over the downscale window, then clamp. */
export function normalizeLegacy(input: NormalizationInput): NormalizationResult {
  // stabilizeLegacy and convertDesiredReplicasLegacy without their result objects (once per sync).
  const { stabilized, oldIndex } = scanLegacyWindow(input.recommendations, input.proposal, input.nowSeconds - input.downscaleStabilizationSeconds);
  const recommendations = storeRecommendation(input.recommendations, oldIndex, { replicas: input.proposal, timestampSeconds: input.nowSeconds });
  const ableReason: StabilizationReason = stabilized !== input.proposal ? 'ScaleDownStabilized' : 'ReadyForNewScale';
  const { replicas, reason } = clampLegacy(input.currentReplicas, stabilized, input.minReplicas, input.maxReplicas);
  let explanation: Message[];
  if (stabilized === input.proposal && replicas === stabilized) {
    // The usual sync: one kept line, as a kept list of one (the caller only copies it).
    explanation = windowNoHigherLines(input.downscaleStabilizationSeconds, stabilized);
  } else {
    explanation = [
      stabilized !== input.proposal
        ? msg('engine.hpa.windowKept', { window: input.downscaleStabilizationSeconds, replicas: stabilized, proposal: input.proposal })
        : windowNoHigherText(input.downscaleStabilizationSeconds, stabilized),
    ];
    if (replicas !== stabilized) {
      explanation.push(
        msg('engine.hpa.legacyLimited', {
          reason,
          replicas,
          min: input.minReplicas,
          max: input.maxReplicas,
          current: input.currentReplicas,
          limit: Math.max(2 * input.currentReplicas, 4),
        }),
      );
    }
  }
  return {
    desiredReplicas: replicas,
    ableToScale: ABLE_TO_SCALE[ableReason],
    scalingLimited: limitedCondition(replicas, stabilized, reason),
    recommendations,
    explanation,
  };
}

function describePolicies(rules: HPAScalingRules | undefined): string {
  const select = rules?.selectPolicy ?? 'Max';
  const policies = (rules?.policies ?? []).map((p) => `${p.type} ${p.value}${p.type === 'Percent' ? '%' : ''}/${p.periodSeconds}s`).join(', ');
  return `selectPolicy ${select}${policies ? `: ${policies}` : ''}`;
}

/** normalizeDesiredReplicasWithBehaviors: stabilize with both windows, then rate-limit. */
export function normalizeWithBehavior(input: NormalizationInput & { behavior: HorizontalPodAutoscalerBehavior }): NormalizationResult {
  const upWindow = input.behavior.scaleUp?.stabilizationWindowSeconds ?? 0;
  const downWindow = input.behavior.scaleDown?.stabilizationWindowSeconds ?? input.downscaleStabilizationSeconds;
  const stab = stabilizeWithBehavior(input.recommendations, {
    currentReplicas: input.currentReplicas,
    desiredReplicas: input.proposal,
    nowSeconds: input.nowSeconds,
    scaleUpWindowSeconds: upWindow,
    scaleDownWindowSeconds: downWindow,
  });
  const ableReason: StabilizationReason = stab.stabilized !== input.proposal ? stab.reason : 'ReadyForNewScale';
  const explanation = [
    msg('engine.hpa.stabilization', {
      upWindow,
      lower: stab.lowerBound,
      downWindow,
      upper: stab.upperBound,
      current: input.currentReplicas,
      replicas: stab.stabilized,
    }),
  ];
  const rate = convertDesiredReplicasWithBehaviorRate({
    currentReplicas: input.currentReplicas,
    desiredReplicas: stab.stabilized,
    minReplicas: input.minReplicas,
    maxReplicas: input.maxReplicas,
    behavior: input.behavior,
    scaleUpEvents: input.scaleUpEvents,
    scaleDownEvents: input.scaleDownEvents,
    nowSeconds: input.nowSeconds,
  });
  if (rate.policyLimit !== undefined) {
    const rules = stab.stabilized > input.currentReplicas ? input.behavior.scaleUp : input.behavior.scaleDown;
    const up = stab.stabilized > input.currentReplicas;
    const params = { policies: describePolicies(rules), limit: rate.policyLimit, replicas: rate.replicas, reason: rate.reason };
    const binds = rate.replicas !== stab.stabilized;
    explanation.push(
      msg(
        up
          ? binds ? 'engine.hpa.rateUpLimits' : 'engine.hpa.rateUpFree'
          : binds ? 'engine.hpa.rateDownLimits' : 'engine.hpa.rateDownFree',
        params,
      ),
    );
  }
  return {
    desiredReplicas: rate.replicas,
    ableToScale: ABLE_TO_SCALE[ableReason],
    scalingLimited: limitedCondition(rate.replicas, stab.stabilized, rate.reason),
    recommendations: stab.recommendations,
    explanation,
  };
}

export function normalizeDesiredReplicas(input: NormalizationInput): NormalizationResult {
  return input.behavior ? normalizeWithBehavior({ ...input, behavior: input.behavior }) : normalizeLegacy(input);
}
