import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario/loadScenario';
import { formatError } from '../../../scenario/errors';
import { VALID, positionOf } from '../../../scenario/testFixtures';

/**
 * Issue #12 item 4: HPA manifests were never validated. Rules from kubernetes/kubernetes
 * pkg/apis/autoscaling/validation/validation.go (validateHorizontalPodAutoscalerSpec, validateScalingRules).
 */
const hpa = (spec: string) => `${VALID}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: php-apache}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
${spec}`;

function errorsOf(text: string): string[] {
  const r = loadScenario(text, 'h.yaml');
  return r.ok ? [] : r.errors.map(formatError);
}

describe('HorizontalPodAutoscaler validation at scenario load', () => {
  it('averageUtilization 0 is refused where it stands', () => {
    const text = hpa(`  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 0}}
`);
    const at = positionOf(text, 'averageUtilization: 0');
    expect(errorsOf(text)).toContain(`h.yaml:${at.line}:${at.col + 'averageUtilization: '.length}: spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0`);
  });
  it('maxReplicas -3, "x" and below minReplicas', () => {
    expect(errorsOf(hpa('  maxReplicas: -3\n')).join('\n')).toMatch(/spec\.maxReplicas: Invalid value: -3: must be greater than 0/);
    expect(errorsOf(hpa('  maxReplicas: "x"\n')).join('\n')).toMatch(/spec\.maxReplicas: /);
    expect(errorsOf(hpa('  minReplicas: 5\n  maxReplicas: 2\n')).join('\n')).toMatch(/h\.yaml:\d+:\d+: spec\.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`/);
    expect(errorsOf(hpa('  minReplicas: 0\n  maxReplicas: 2\n')).join('\n')).toMatch(/spec\.minReplicas: Invalid value: 0: must be greater than or equal to 1/);
  });
  it('behavior: periodSeconds 1..1800, stabilizationWindowSeconds 0..3600, at least one policy', () => {
    const text = hpa(`  maxReplicas: 10
  behavior:
    scaleUp:
      stabilizationWindowSeconds: 4000
      policies: [{type: Pods, value: 4, periodSeconds: 1801}]
    scaleDown:
      policies: []
`);
    const e = errorsOf(text).join('\n');
    expect(e).toMatch(/spec\.behavior\.scaleUp\.stabilizationWindowSeconds: Invalid value: 4000: must be less than or equal to 3600/);
    expect(e).toMatch(/spec\.behavior\.scaleUp\.policies\[0\]\.periodSeconds: Invalid value: 1801: must be less than or equal to 1800/);
    expect(e).toMatch(/spec\.behavior\.scaleDown\.policies: Required value: must specify at least one Policy/);
  });
  it('accepts the seed HPA', () => {
    expect(errorsOf(hpa(`  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
`))).toEqual([]);
  });
});
