import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../app/scenarioLoading';

const example = (name: string) => readFileSync(join(import.meta.dirname, `../../../examples/${name}.yaml`), 'utf8');
/** php-apache with an HPA whose spec ends at `maxReplicas`, for a test to go on from. */
const base = `${example('php-apache')}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
  minReplicas: 1
  maxReplicas: 10
`;

function errorsOf(text: string): string[] {
  const r = parseScenarioText(text, 'typo.yaml');
  return r.ok ? [] : r.errors;
}

/** kubectl's strict field validation refuses a misspelt field; the playground used to run with the default instead. */
describe('misspelt fields of autoscaler kinds', () => {
  it('an HPA behavior typo is refused at its key, with the field it meant', () => {
    expect(errorsOf(base)).toEqual([]);
    const text = `${base}  behavior:\n    scaleDown:\n      stabilisationWindowSeconds: 60\n`;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^typo\.yaml:\d+:7: .*spec\.behavior\.scaleDown\.stabilisationWindowSeconds.*unknown field "stabilisationWindowSeconds" \(did you mean "stabilizationWindowSeconds"\?\); allowed fields here: stabilizationWindowSeconds, selectPolicy, policies, tolerance/);
  });

  it('a ScaledObject typo is refused, as are typos inside a trigger and in metadata', () => {
    const keda = example('keda-sqs-queue');
    expect(errorsOf(keda)).toEqual([]);
    const typo = keda.replace(/maxReplicaCount:/, 'maxReplicaCont:');
    expect(errorsOf(typo).join('\n')).toMatch(/unknown field "maxReplicaCont" \(did you mean "maxReplicaCount"\?\)/);
    const triggerTypo = keda.replace(/(\n\s+)metadata:(\s+\w+: )/, '$1metdata:$2');
    expect(errorsOf(triggerTypo).join('\n')).toMatch(/unknown field "metdata" \(did you mean "metadata"\?\)/);
  });

  it('free maps (labels, trigger metadata, matchLabels) take any key', () => {
    const text = base.replace('name: php-apache\nspec:', 'name: php-apache\n  labels: {team: any-key-goes}\nspec:');
    const withMetric = `${text}  metrics:\n  - type: External\n    external:\n      metric:\n        name: queue\n        selector:\n          matchLabels: {anything-goes: "1"}\n      target: {type: AverageValue, averageValue: "5"}\n`;
    expect(withMetric).toContain('team: any-key-goes');
    expect(errorsOf(withMetric)).toEqual([]);
  });

  it('every example still loads', () => {
    const dir = join(import.meta.dirname, '../../../examples');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      expect(errorsOf(readFileSync(join(dir, f), 'utf8')).filter((e) => e.includes('unknown field')), f).toEqual([]);
    }
  });
});
