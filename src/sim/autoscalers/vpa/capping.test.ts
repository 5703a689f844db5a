import { describe, expect, it } from 'vitest';
import { applyRecommendation, capToContainerLimits } from './admission';
import type { VerticalPodAutoscalerSpec } from './types';

/**
 * kubernetes/autoscaler vertical-pod-autoscaler/pkg/utils/vpa/capping.go,
 * capRecommendationToContainerLimit: with controlledValues RequestsOnly the applied request never
 * exceeds the container's limit (the API server rejects request > limit).
 */
describe('RequestsOnly caps the applied recommendation at the limit', () => {
  const rec = { containerName: 'app', target: { cpu: 350 }, lowerBound: { cpu: 200 }, upperBound: { cpu: 500 }, uncappedTarget: { cpu: 350 } };
  const spec = (controlledValues: 'RequestsOnly' | 'RequestsAndLimits'): VerticalPodAutoscalerSpec =>
    ({ targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'x' }, updatePolicy: { updateMode: 'Auto' }, resourcePolicy: { containerPolicies: [{ containerName: '*', controlledValues }] } });

  it('caps target and bounds, keeps the limit', () => {
    expect(capToContainerLimits(rec, { cpu: 300 })).toMatchObject({ target: { cpu: 300 }, lowerBound: { cpu: 200 }, upperBound: { cpu: 300 } });
    const out = applyRecommendation([{ name: 'app', requests: { cpu: 100 }, limits: { cpu: 300 } }], [rec], spec('RequestsOnly'));
    expect(out.containers[0]).toEqual({ name: 'app', requests: { cpu: 300 }, limits: { cpu: 300 } });
  });
  it('RequestsAndLimits scales the limit instead (ratio kept)', () => {
    const out = applyRecommendation([{ name: 'app', requests: { cpu: 100 }, limits: { cpu: 300 } }], [rec], spec('RequestsAndLimits'));
    expect(out.containers[0]).toEqual({ name: 'app', requests: { cpu: 350 }, limits: { cpu: 1050 } });
  });
  it('no limit, no cap', () => {
    expect(capToContainerLimits(rec, {}).target).toEqual({ cpu: 350 });
  });
});
