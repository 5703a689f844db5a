import type { CommandRecord, KubeEvent } from '../../sim/core/types';

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
  /** An injected fault (drawn in its own style). */
  fault?: boolean;
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

/** Fault commands (the Faults menu's lines and their console equivalents) that the engine applied. */
const FAULT_COMMAND = /^(playground (fault|interrupt-spot)\b|aws ec2 (terminate-instances|send-spot-instance-interruptions)\b)/;

/**
 * Every fault injected inside [t0, t1] as a warning marker of its own (never merged into a scaling
 * marker), its tooltip the command line and what it did, so a chart shows when the zone was lost.
 */
export function faultAnnotations(commands: readonly CommandRecord[], t0: number, t1: number): Annotation[] {
  return commands
    .filter((c) => c.ok && c.t >= t0 && c.t <= t1 && FAULT_COMMAND.test(c.input))
    .map((c) => ({ t: c.t, text: `${c.input}\n${c.output.split('\n')[0]}`, warning: true, fault: true }));
}

/** Scaling and fault markers in time order. */
export function withFaults(scaling: Annotation[], faults: Annotation[]): Annotation[] {
  return faults.length === 0 ? scaling : [...scaling, ...faults].sort((a, b) => a.t - b.t);
}
