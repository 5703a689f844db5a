import { describe, expect, it } from 'vitest';
import { applyRecommendation, proportionalLimit } from './admission';
import type { RecommendedContainerResources, VerticalPodAutoscalerSpec } from './types';

const MiB = 1024 * 1024;
const rec: RecommendedContainerResources = {
  containerName: 'hamster',
  target: { cpu: 587, memory: 262144000 },
  lowerBound: { cpu: 500, memory: 262144000 },
  upperBound: { cpu: 2000, memory: 262144000 },
  uncappedTarget: { cpu: 587, memory: 262144000 },
};
const spec = (extra: Partial<VerticalPodAutoscalerSpec> = {}): VerticalPodAutoscalerSpec => ({
  targetRef: { kind: 'Deployment', name: 'hamster' },
  updatePolicy: { updateMode: 'Recreate' },
  ...extra,
});

describe('proportionalLimit', () => {
  it('keeps the request:limit ratio, truncating', () => {
    expect(proportionalLimit(200, 100, 587)).toBe(1174);
    expect(proportionalLimit(300, 200, 587)).toBe(880);
  });
  it('sets no limit when there was none, and limit = request when there was no request', () => {
    expect(proportionalLimit(undefined, 100, 587)).toBeUndefined();
    expect(proportionalLimit(500, undefined, 587)).toBe(587);
    expect(proportionalLimit(100, 100, 587)).toBe(587);
  });
});

describe('applyRecommendation', () => {
  const container = { name: 'hamster', requests: { cpu: 100, memory: 50 * MiB }, limits: { cpu: 200, memory: 100 * MiB } };
  it('sets requests to the target and scales limits', () => {
    const r = applyRecommendation([container], [rec], spec());
    expect(r.containers[0].requests).toEqual({ cpu: 587, memory: 262144000 });
    expect(r.containers[0].limits).toEqual({ cpu: 1174, memory: 524288000 });
    expect(r.changes.filter((c) => c.field === 'request')).toHaveLength(2);
  });
  it('leaves limits alone with RequestsOnly', () => {
    const r = applyRecommendation(
      [container],
      [rec],
      spec({ resourcePolicy: { containerPolicies: [{ containerName: '*', controlledValues: 'RequestsOnly' }] } }),
    );
    expect(r.containers[0].limits).toEqual(container.limits);
    // capping.go capRecommendationToContainerLimit: the 587m target is capped at the 200m limit.
    expect(r.containers[0].requests.cpu).toBe(200);
  });
  it('does nothing in Off mode, for containers with mode Off, or without a recommendation', () => {
    expect(applyRecommendation([container], [rec], spec({ updatePolicy: { updateMode: 'Off' } })).containers[0]).toEqual(container);
    expect(
      applyRecommendation([container], [rec], spec({ resourcePolicy: { containerPolicies: [{ containerName: 'hamster', mode: 'Off' }] } }))
        .containers[0].requests,
    ).toEqual(container.requests);
    expect(applyRecommendation([{ ...container, name: 'other' }], [rec], spec()).changes).toEqual([]);
  });
  it('applies in Initial mode too (at creation only)', () => {
    expect(applyRecommendation([container], [rec], spec({ updatePolicy: { updateMode: 'Initial' } })).containers[0].requests.cpu).toBe(587);
  });
  it('does not mutate the input', () => {
    applyRecommendation([container], [rec], spec());
    expect(container.requests.cpu).toBe(100);
  });
});
