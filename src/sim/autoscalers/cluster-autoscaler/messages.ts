import { boundedMemo } from '../../core/memo';
import { formatGoDuration } from './goFlags';
import type { CaEvent, CaLogLine } from './types';

/** One entry of the CA's "Final scale-up plan" (nodegroupset.ScaleUpInfo). */
export interface GroupIncrease {
  group: string;
  currentSize: number;
  newSize: number;
  maxSize: number;
}

/** ScaleUpInfo.String(): `{ng1 3->5 (max: 6)}`. */
export function formatIncrease(i: GroupIncrease): string {
  return `{${i.group} ${i.currentSize}->${i.newSize} (max: ${i.maxSize})}`;
}

/** A Go %v of a slice of ScaleUpInfo: `[{a 3->5 (max: 6)} {b 1->2 (max: 3)}]`. */
export function formatScaleUpPlan(increases: readonly GroupIncrease[]): string {
  return `[${increases.map(formatIncrease).join(' ')}]`;
}

export function triggeredScaleUpEvent(
  pod: { namespace: string; name: string },
  plan: readonly GroupIncrease[],
): CaEvent {
  return {
    type: 'Normal',
    reason: 'TriggeredScaleUp',
    message: `pod triggered scale-up: ${formatScaleUpPlan(plan)}`,
    involvedObject: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
  };
}

/** ReasonsMessage: each distinct reason with the number of node groups that gave it, sorted. */
export function aggregateReasons(reasonsByGroup: Readonly<Record<string, readonly string[]>>): string {
  const counts = new Map<string, number>();
  for (const reasons of Object.values(reasonsByGroup)) {
    for (const r of new Set(reasons)) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

export function notTriggerScaleUpEvent(pod: { namespace: string; name: string }, reasons: string): CaEvent {
  return {
    type: 'Normal',
    reason: 'NotTriggerScaleUp',
    message: `pod didn't trigger scale-up: ${reasons}`,
    involvedObject: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
  };
}

/** The object the CA records its own events on. */
export const STATUS_CONFIGMAP = {
  kind: 'ConfigMap' as const,
  namespace: 'kube-system',
  name: 'cluster-autoscaler-status',
};

export function scaledUpGroupEvent(i: GroupIncrease): CaEvent {
  return {
    type: 'Normal',
    reason: 'ScaledUpGroup',
    message: `Scale-up: setting group ${i.group} size to ${i.newSize} instead of ${i.currentSize} (max: ${i.maxSize})`,
    involvedObject: STATUS_CONFIGMAP,
  };
}

/** executor.go's second ScaledUpGroup event, once the group's size is set. */
export function groupSizeSetEvent(i: GroupIncrease): CaEvent {
  return {
    type: 'Normal',
    reason: 'ScaledUpGroup',
    message: `Scale-up: group ${i.group} size set to ${i.newSize} instead of ${i.currentSize} (max: ${i.maxSize})`,
    involvedObject: STATUS_CONFIGMAP,
  };
}

export function failedToScaleUpGroupEvent(group: string, detail: string): CaEvent {
  return {
    type: 'Warning',
    reason: 'FailedToScaleUpGroup',
    message: `Scale-up failed for group ${group}: ${detail}`,
    involvedObject: STATUS_CONFIGMAP,
  };
}

export function scaleDownEmptyEvent(node: string): CaEvent {
  return {
    type: 'Normal',
    reason: 'ScaleDownEmpty',
    message: `Scale-down: removing empty node "${node}"`,
    involvedObject: STATUS_CONFIGMAP,
  };
}

/** `utilization`: utilization.Info as %v prints it (scaleDown.ts utilizationInfoText). */
export function scaleDownNodeEvent(node: string, utilization: string, pods: readonly string[]): CaEvent {
  return {
    type: 'Normal',
    reason: 'ScaleDown',
    message: `Scale-down: removing node ${node}, utilization: ${utilization}, pods to reschedule: ${pods.join(',')}`,
    involvedObject: STATUS_CONFIGMAP,
  };
}

/** On the Node when the CA taints it (ToBeDeletedByClusterAutoscaler) and starts the deletion. */
export function nodeMarkedForDeletionEvent(node: string): CaEvent {
  return {
    type: 'Normal',
    reason: 'ScaleDown',
    message: 'marked the node as toBeDeleted/unschedulable',
    involvedObject: { kind: 'Node', name: node },
  };
}

/** On the Node once the cloud provider accepted the deletion (delete_in_batch.go RegisterAndRecordSuccessfulScaleDownEvent). */
export function nodeRemovedEvent(node: string): CaEvent {
  return {
    type: 'Normal',
    reason: 'ScaleDown',
    message: 'nodes removed by cluster autoscaler',
    involvedObject: { kind: 'Node', name: node },
  };
}

/** The same moment on the status ConfigMap. */
export function nodeRemovedStatusEvent(node: string, empty: boolean): CaEvent {
  return empty
    ? { type: 'Normal', reason: 'ScaleDownEmpty', message: `Scale-down: empty node ${node} removed`, involvedObject: STATUS_CONFIGMAP }
    : { type: 'Normal', reason: 'ScaleDown', message: `Scale-down: node ${node} removed with drain`, involvedObject: STATUS_CONFIGMAP };
}

/** On each evicted pod. */
export function podEvictedForScaleDownEvent(pod: { namespace: string; name: string }): CaEvent {
  return {
    type: 'Normal',
    reason: 'ScaleDown',
    message: 'deleting pod for node scale down',
    involvedObject: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
  };
}

export function log(
  v: number,
  source: string,
  message: string,
  severity: CaLogLine['severity'] = 'I',
): CaLogLine {
  return { v, severity, source, message };
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A klog header line: `I0515 19:40:30.270914       1 static_autoscaler.go:123] msg`, with the
 * wall time derived from the sim clock (`epochMs` is the sim's t=0 as Unix ms, chosen by the engine).
 */
export function formatKlogLine(line: CaLogLine, simSeconds: number, epochMs = 0): string {
  return klogLine(line, klogStamp(simSeconds, epochMs));
}

/** klog's header time, "MMDD hh:mm:ss.uuuuuu", for a sim time. */
export function klogStamp(simSeconds: number, epochMs = 0): string {
  const d = new Date(epochMs + Math.round(simSeconds * 1000));
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  return `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`;
}

/** A klog line with its header time already formatted (one per scan: every line of a scan shares it). */
export function klogLine(line: CaLogLine, stamp: string): string {
  return klogHeader(line, stamp) + line.message;
}

/** The part of a klog line before its message: severity, time, thread and source. */
export function klogHeader(line: Pick<CaLogLine, 'severity' | 'source'>, stamp: string): string {
  return `${line.severity}${stamp}       1 ${line.source}] `;
}

export { formatGoDuration };

/**
 * Go's time.Time String() in UTC, "2006-01-02 15:04:05.999999999 -0700 MST": the fraction keeps
 * no trailing zeros (none at all on a whole second). Also the status ConfigMap's
 * ConfigMapLastUpdateFormat (clusterstate/utils/status.go). Kept once made: every scan prints the
 * same last scale-up/scale-down times again.
 */
export const goTimeString: (epochMs: number) => string = boundedMemo(formatGoTimeFromDate, 256);

/** goTimeString's text through a Date: any time a Date can hold. */
export function formatGoTimeFromDate(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''} +0000 UTC`;
}

const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z. */
const FIRST_ISO_MS = -62_167_219_200_000;
const END_ISO_MS = 253_402_300_800_000;
/** The UTC day of the last time formatted, and its date text (a loop's times fall on few days). */
let lastDay: { startMs: number; date: string } | undefined;

/**
 * goTimeString without keeping it, for a time that is new every loop (it would only push the kept
 * ones out): the day's date text is kept and the time of day is worked out, since a UTC day has
 * exactly 86,400 s (a Date per loop and its ISO text were most of the status ConfigMap's own time).
 */
export function formatGoTime(epochMs: number): string {
  // Outside years 0000-9999 the ISO text is laid out otherwise: the Date path gives it as it always did.
  if (!Number.isSafeInteger(epochMs) || epochMs < FIRST_ISO_MS || epochMs >= END_ISO_MS) return formatGoTimeFromDate(epochMs);
  const startMs = Math.floor(epochMs / DAY_MS) * DAY_MS;
  if (lastDay?.startMs !== startMs) lastDay = { startMs, date: new Date(startMs).toISOString().slice(0, 10) };
  const ofDay = epochMs - startMs;
  const ms = ofDay % 1000;
  const seconds = (ofDay - ms) / 1000;
  const clock = `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  return `${lastDay.date} ${clock}${ms === 0 ? '' : `.${String(ms).padStart(3, '0').replace(/0+$/, '')}`} +0000 UTC`;
}

/**
 * String() of a time the CA took from time.Now() (the loop's currentTime and times derived from
 * it): Go adds the monotonic clock reading, " m=±seconds.nanoseconds" since the process started.
 */
export function goTimeWithMonotonic(epochMs: number, sinceProcessStartMs: number): string {
  const sign = sinceProcessStartMs < 0 ? '-' : '+';
  const ms = Math.round(Math.abs(sinceProcessStartMs));
  return `${goTimeString(epochMs)} m=${sign}${Math.floor(ms / 1000)}.${String((ms % 1000) * 1_000_000).padStart(9, '0')}`;
}
