import { describe, expect, it } from 'vitest';
import { cpuSeverity, formatKrrTable, krrSimpleRecommend, memorySeverity, quantileLinear, samplesAtStep } from './krr';

const base = {
  namespace: 'default',
  name: 'hamster',
  kind: 'Deployment',
  container: 'hamster',
  current: { cpuRequest: 100, cpuLimit: null, memoryRequest: 50, memoryLimit: null },
} as const;

function series(n: number, f: (i: number) => number): number[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

describe('krr simple strategy', () => {
  it('uses linear-interpolated quantiles like PromQL', () => {
    expect(quantileLinear([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileLinear([10], 0.95)).toBe(10);
    expect(quantileLinear([0, 100], 0.95)).toBe(95);
  });

  it('recommends CPU = highest per-pod p95 with no limit, memory = peak × 1.15 as request and limit', () => {
    const row = krrSimpleRecommend({
      ...base,
      cpuSamplesMillisByPod: { a: series(100, (i) => (i < 50 ? 0 : 1000)), b: series(100, () => 400) },
      memorySamplesMiBByPod: { a: series(100, () => 100), b: series(100, (i) => (i === 7 ? 200 : 80)) },
    });
    expect(row.cpuRequests.recommended).toBe(1000);
    expect(row.cpuLimits.recommended).toBeNull();
    expect(row.memoryRequests.recommended).toBe(230);
    expect(row.memoryLimits.recommended).toBe(230);
    expect(row.pods).toBe(2);
    expect(row.cpuRequests.severity).toBe('CRITICAL');
    expect(row.memoryRequests.severity).toBe('OK');
    expect(row.severity).toBe('CRITICAL');
  });

  it('needs 100 points and respects an HPA', () => {
    const few = krrSimpleRecommend({ ...base, cpuSamplesMillisByPod: { a: [500] }, memorySamplesMiBByPod: { a: [50] } });
    expect(few.cpuRequests.recommended).toBe('?');
    expect(few.info).toContain('CPU: Not enough data');
    const hpa = krrSimpleRecommend({
      ...base,
      hpaTargetsCpu: true,
      cpuSamplesMillisByPod: { a: series(120, () => 500) },
      memorySamplesMiBByPod: { a: series(120, () => 10) },
    });
    expect(hpa.cpuRequests.recommended).toBe('?');
    expect(hpa.memoryRequests.recommended).toBe(100); // floored at 100Mi
  });

  it('grades severity by absolute difference', () => {
    expect(cpuSeverity(100, 150)).toBe('GOOD');
    expect(cpuSeverity(100, 300)).toBe('OK');
    expect(cpuSeverity(100, 400)).toBe('WARNING');
    expect(cpuSeverity(null, null)).toBe('GOOD');
    expect(cpuSeverity(null, 100)).toBe('WARNING');
    expect(memorySeverity(100, 700)).toBe('CRITICAL');
    expect(memorySeverity('?', 700)).toBe('UNKNOWN');
  });

  it('samples a series at the 1.25-minute step within Prometheus lookback', () => {
    const s = [{ t: 0, v: 1 }, { t: 60, v: 2 }, { t: 1000, v: 3 }];
    // The t=60 sample goes stale after 5 minutes (t=375 onwards).
    expect(samplesAtStep(s, 600)).toEqual([1, 2, 2, 2, 2]);
  });

  it('prints current -> recommended with severity', () => {
    const row = krrSimpleRecommend({
      ...base,
      cpuSamplesMillisByPod: { a: series(100, () => 500) },
      memorySamplesMiBByPod: { a: series(100, () => 100) },
    });
    const table = formatKrrTable([row]);
    expect(table).toContain('(WARNING) 100m -> 500m');
    expect(table).toContain('(WARNING) none -> 115Mi');
  });
});
