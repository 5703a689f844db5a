/**
 * Turns the fidelity vectors' pod descriptions into HpaPodInfo, so vector cases run through the
 * same pod grouping the engine uses. Kept apart from fidelity.ts because tests reuse it.
 */
import type { HpaMetricsClient } from './metricsClient';
import type { HpaPodInfo, PodPhase } from './podGrouping';

/** "Now" for vectors that speak in seconds ago. */
export const VECTOR_NOW = 100_000;

/** Sample window when a vector does not give one (metrics-server's default resolution is shorter). */
const DEFAULT_SAMPLE_WINDOW_SECONDS = 30;

/** A pod long past the CPU initialization period. */
const LONG_AGO_SECONDS = 3600;

export interface VectorPod {
  name: string;
  request?: number;
  usage: number | null;
  /** ready | unready | pending | failed | deleting */
  state: string;
}

/**
 * ready: Running and Ready since long ago. unready: Running but never became ready (the CPU
 * grouping treats it as unready; other metrics count it). pending/failed/deleting as named.
 */
export function podsFromVectorStates(pods: readonly VectorPod[]): HpaPodInfo[] {
  const start = VECTOR_NOW - LONG_AGO_SECONDS;
  return pods.map((p) => {
    const pod: HpaPodInfo = { name: p.name, phase: 'Running', requestMilli: p.request, startTimeSeconds: start };
    if (p.usage !== null && p.usage !== undefined) {
      Object.assign(pod, { sampleMilli: p.usage, sampleTimestampSeconds: VECTOR_NOW, sampleWindowSeconds: DEFAULT_SAMPLE_WINDOW_SECONDS });
    }
    switch (p.state) {
      case 'ready':
        Object.assign(pod, { readyStatus: 'True', readyTransitionSeconds: start + 10 });
        break;
      case 'unready':
        Object.assign(pod, { readyStatus: 'False', readyTransitionSeconds: start });
        break;
      case 'pending':
        pod.phase = 'Pending';
        delete pod.startTimeSeconds;
        break;
      case 'failed':
        pod.phase = 'Failed';
        break;
      case 'deleting':
        pod.deleting = true;
        Object.assign(pod, { readyStatus: 'True', readyTransitionSeconds: start + 10 });
        break;
      default:
        throw new Error(`unknown pod state "${p.state}"`);
    }
    return pod;
  });
}

export interface VectorGroupingPod {
  name: string;
  phase: PodPhase;
  startedSecondsAgo?: number;
  readyCondition?: 'True' | 'False' | null;
  readyTransitionSecondsAgo?: number;
  hasMetric: boolean;
  deletionTimestampSet?: boolean;
  metricTimestampSecondsAgo?: number | null;
  metricWindowSeconds?: number | null;
}

export function podsFromVectorGrouping(pods: readonly VectorGroupingPod[]): HpaPodInfo[] {
  return pods.map((p) => {
    const pod: HpaPodInfo = { name: p.name, phase: p.phase, requestMilli: 0 };
    if (p.deletionTimestampSet) pod.deleting = true;
    if (p.startedSecondsAgo !== undefined) pod.startTimeSeconds = VECTOR_NOW - p.startedSecondsAgo;
    if (p.readyCondition) {
      Object.assign(pod, { readyStatus: p.readyCondition, readyTransitionSeconds: VECTOR_NOW - (p.readyTransitionSecondsAgo ?? 0) });
    }
    if (p.hasMetric) {
      Object.assign(pod, {
        sampleMilli: 0,
        sampleTimestampSeconds: VECTOR_NOW - (p.metricTimestampSecondsAgo ?? 0),
        sampleWindowSeconds: p.metricWindowSeconds ?? DEFAULT_SAMPLE_WINDOW_SECONDS,
      });
    }
    return pod;
  });
}

/** A metrics client over a fixed pod list; other APIs report that they have no data. */
export function metricsClientFromVectorPods(pods: HpaPodInfo[]): HpaMetricsClient {
  return {
    podResourceMetrics: () => ({ pods }),
    podsMetric: () => ({ pods }),
    objectMetric: () => ({ error: 'the server could not find the metric' }),
    externalMetric: () => ({ error: 'the server could not find the metric' }),
    targetPods: () => pods,
  };
}
