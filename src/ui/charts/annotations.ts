import type { KubeEvent } from '../../sim/core/types';

/** Event reasons that mark a scaling decision: drawn as markers on every panel's time axis. */
export const SCALING_REASONS = new Set([
  'SuccessfulRescale',
  'ScalingReplicaSet',
  'TriggeredScaleUp',
  'ScaleDown',
  'ScaleDownEmpty',
  'ScaledUpGroup',
  'ScaleUpTimedOut',
  'FailedToScaleUpGroup',
  'NotTriggerScaleUp',
  'Launched',
  'DisruptionTerminating',
  'DisruptionBlocked',
  'KEDAScaleTargetActivated',
  'KEDAScaleTargetDeactivated',
  'EvictedByVPA',
  'SpotInterrupted',
]);

export interface Annotation {
  t: number;
  text: string;
  warning: boolean;
}

/**
 * Scaling events inside [t0, t1], merged when several fall within `mergeSeconds` of each other so a
 * burst of 30 ScalingReplicaSet events is one marker with 30 lines of tooltip.
 */
export function scalingAnnotations(events: readonly KubeEvent[], t0: number, t1: number, mergeSeconds: number): Annotation[] {
  const out: Annotation[] = [];
  for (const e of events) {
    if (e.t < t0 || e.t > t1 || !SCALING_REASONS.has(e.reason)) continue;
    const line = `${e.reason} ${e.kind.toLowerCase()}/${e.name}: ${e.message}`;
    const last = out[out.length - 1];
    if (last && e.t - last.t <= mergeSeconds) {
      if (last.text.split('\n').length < 8) last.text += `\n${line}`;
      last.warning ||= e.type === 'Warning';
    } else out.push({ t: e.t, text: line, warning: e.type === 'Warning' });
  }
  return out;
}
