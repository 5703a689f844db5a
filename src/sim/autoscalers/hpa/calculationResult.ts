/**
 * What the per-pod replica calculators (replicaCalculator.ts) hand back, and the decision of their
 * first pass and their result built without intermediate objects.
 */
import type { Message } from '../../core/message';
import type { PodGroups } from './podGrouping';

export type CalcResult<T> = ({ ok: true } & T) | { ok: false; error: string };

export type CalcDecision =
  /** Ratio inside the tolerance band: keep the current count. */
  | 'withinTolerance'
  /** New count from the ratio. */
  | 'scaled'
  /** Filling in missing/unready pods flipped the direction: keep the current count. */
  | 'directionFlipped'
  /** The filled-in count would move against the ratio's direction: keep the current count. */
  | 'countFlipped';

export interface PerPodCalculation {
  replicas: number;
  /** First-pass ratio over ready pods with samples. */
  usageRatio: number;
  /** Second-pass ratio after filling in missing and unready pods, when that pass ran. */
  newUsageRatio?: number;
  /** Resource Utilization targets only: floor(Σusage × 100 / Σrequest) of the first pass. */
  utilizationPercent?: number;
  /** Average usage per counted pod in milli-units (integer division, as upstream). */
  averageMilli: number;
  readyPodCount: number;
  unreadyPods: string[];
  missingPods: string[];
  ignoredPods: string[];
  /** How many samples the final ceil multiplied by. */
  podsCounted: number;
  decision: CalcDecision;
  explanation: Message[];
}

export type Decision = Pick<PerPodCalculation, 'replicas' | 'newUsageRatio' | 'podsCounted' | 'decision'>;

/**
 * A calculator's result as one literal per shape (the keys in the order `{ ok, ...decision, … }`
 * gives): Object.assign onto `{ ok }` grew the object key by key into an out-of-object store.
 */
export function calculation(
  d: Decision,
  usageRatio: number,
  utilizationPercent: number | undefined,
  averageMilli: number,
  groups: PodGroups,
  explanation: Message[],
): { ok: true } & PerPodCalculation {
  const { readyPodCount, unready: unreadyPods, missing: missingPods, ignored: ignoredPods } = groups;
  const { replicas, podsCounted, decision } = d;
  if (utilizationPercent === undefined) {
    return d.newUsageRatio === undefined
      ? { ok: true, replicas, podsCounted, decision, usageRatio, averageMilli, readyPodCount, unreadyPods, missingPods, ignoredPods, explanation }
      : { ok: true, replicas, newUsageRatio: d.newUsageRatio, podsCounted, decision, usageRatio, averageMilli, readyPodCount, unreadyPods, missingPods, ignoredPods, explanation };
  }
  return d.newUsageRatio === undefined
    ? { ok: true, replicas, podsCounted, decision, usageRatio, utilizationPercent, averageMilli, readyPodCount, unreadyPods, missingPods, ignoredPods, explanation }
    : { ok: true, replicas, newUsageRatio: d.newUsageRatio, podsCounted, decision, usageRatio, utilizationPercent, averageMilli, readyPodCount, unreadyPods, missingPods, ignoredPods, explanation };
}

/** decide's answer without a second pass, one object for every call: its caller copies it out at once (calculation). */
const firstPassDecision: Decision & { explanation: Message[] } = { replicas: 0, newUsageRatio: undefined, podsCounted: 0, decision: 'withinTolerance', explanation: [] };

export function decided(replicas: number, podsCounted: number, decision: CalcDecision, explanation: Message[]): Decision & { explanation: Message[] } {
  const d = firstPassDecision;
  d.replicas = replicas;
  d.newUsageRatio = undefined;
  d.podsCounted = podsCounted;
  d.decision = decision;
  d.explanation = explanation;
  return d;
}
