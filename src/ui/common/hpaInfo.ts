import type { TraceSample } from '../../sim/trace/trace';

/** What the UI needs to know about one HPA, read from a trace sample's `autoscalers` entries. */
export interface HpaInfo {
  name: string;
  target: string;
  state: string;
  minReplicas?: number;
  maxReplicas?: number;
  /** Target CPU utilization in percent, when the HPA has a CPU Utilization metric. */
  targetCpuPercent?: number;
  desiredReplicas?: number;
  /**
   * The CPU utilization the HPA last observed (status.currentMetrics), in percent: the average over
   * the pods it counted (Ready pods with a metric), not over every pod of the Deployment.
   */
  observedCpuPercent?: number;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * HPAs in a sample. The HPA's trace contributor owns the field names; accept the spellings the
 * API itself uses (minReplicas, targetCPUUtilizationPercentage, …) so the UI needs no change
 * when the contributor lands.
 */
export function hpasInSample(sample: TraceSample | undefined): HpaInfo[] {
  if (!sample) return [];
  const out: HpaInfo[] = [];
  for (const [key, raw] of Object.entries(sample.autoscalers)) {
    const [kind, name] = key.split('/');
    if (kind !== 'HorizontalPodAutoscaler' || !name) continue;
    const e = raw;
    out.push({
      name,
      target: str(e.target) ?? str(e.scaleTargetRef) ?? str(e.scaleTarget) ?? name,
      state: str(e.state) ?? '',
      minReplicas: num(e.minReplicas) ?? num(e.min),
      maxReplicas: num(e.maxReplicas) ?? num(e.max),
      targetCpuPercent:
        num(e.cpuTargetPercent) ?? num(e.targetCPUUtilizationPercentage) ?? num(e.targetCpuPercent) ?? num(e.targetCpuUtilization) ?? num(e.targetUtilization),
      desiredReplicas: num(e.desiredReplicas),
      observedCpuPercent: num(e.cpuUtilizationPercent),
    });
  }
  return out;
}
