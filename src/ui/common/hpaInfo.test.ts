import { emptySample } from '../../sim/testing/fixtures';
import { describe, expect, it } from 'vitest';
import { hpasInSample } from './hpaInfo';
import type { TraceSample } from '../../sim/trace/trace';

const sample = (autoscalers: TraceSample['autoscalers']): TraceSample => emptySample(0, autoscalers);

describe('hpasInSample', () => {
  it('reads HPA entries with API-style field names and ignores other kinds', () => {
    const s = sample({
      'HorizontalPodAutoscaler/php-apache': { state: 'stable', minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50, target: 'php-apache' },
      'ScaledObject/worker': { state: 'active' },
    });
    expect(hpasInSample(s)).toEqual([
      { name: 'php-apache', target: 'php-apache', state: 'stable', minReplicas: 1, maxReplicas: 10, targetCpuPercent: 50, desiredReplicas: undefined },
    ]);
  });
  it('falls back to the HPA name as target and tolerates missing numbers', () => {
    const [h] = hpasInSample(sample({ 'HorizontalPodAutoscaler/web': { state: 'scalingUp', min: 2, max: 'x' } }));
    expect(h.target).toBe('web');
    expect(h.minReplicas).toBe(2);
    expect(h.maxReplicas).toBeUndefined();
  });
  it('reads the HPA trace contributor fields (cpuTargetPercent)', () => {
    const [h] = hpasInSample(sample({ 'HorizontalPodAutoscaler/php-apache': { state: 'stable', desiredReplicas: 4, currentReplicas: 4, minReplicas: 1, maxReplicas: 10, cpuTargetPercent: 50 } }));
    expect(h).toMatchObject({ target: 'php-apache', minReplicas: 1, maxReplicas: 10, targetCpuPercent: 50, desiredReplicas: 4 });
  });
  it('returns nothing without a sample', () => {
    expect(hpasInSample(undefined)).toEqual([]);
  });
});
