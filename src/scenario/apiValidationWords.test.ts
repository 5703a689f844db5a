import { describe, expect, it } from 'vitest';
import { loadScenario } from './loadScenario';
import { formatError, scenarioErrorMessage } from './errors';
import { PHP_APACHE, SCENARIO_HEAD, VALID, positionOf } from './testFixtures';
import { en, ko } from '../testing/messages';

/**
 * Numbers past their bounds and values of the wrong type read as the API server's validation
 * reads them (`spec.replicas: Invalid value: -5: must be greater than or equal to 0`), at
 * FILE:LINE:COL, with the same sentence in Korean. zod's own wording never shows.
 */
const withReplicas = (v: string) => `${SCENARIO_HEAD}---\n${PHP_APACHE.replace('spec:\n  selector', `spec:\n  replicas: ${v}\n  selector`)}`;
const withLimitCpu = (v: string) => `${SCENARIO_HEAD}---\n${PHP_APACHE.replace('cpu: 500m', `cpu: ${v}`)}`;
const withGroup = (sizes: string) => `${SCENARIO_HEAD.replace('minSize: 3, maxSize: 6, desiredCapacity: 3', sizes)}---\n${PHP_APACHE}`;
const withHpa = (min: string, max: string) =>
  `${VALID}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: php-apache}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}\n  minReplicas: ${min}\n  maxReplicas: ${max}\n`;

const CASES: { name: string; text: string; at: [string, number?]; english: string }[] = [
  { name: 'negative replicas', text: withReplicas('-5'), at: ['-5'], english: 'spec.replicas: Invalid value: -5: must be greater than or equal to 0' },
  { name: 'fractional replicas', text: withReplicas('1.5'), at: ['1.5'], english: 'spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"' },
  { name: 'replicas as a string', text: withReplicas('"3"'), at: ['"3"'], english: 'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"' },
  { name: 'replicas past the capacity', text: withReplicas('999999'), at: ['999999'], english: 'spec.replicas: Invalid value: 999999: more replicas than the playground simulates (at most 150,000 pods)' },
  { name: 'negative cpu limit', text: withLimitCpu('-1'), at: ['-1'], english: 'spec.template.spec.containers[0].resources.limits.cpu: Invalid value: "-1": must be greater than or equal to 0' },
  { name: 'negative minSize', text: withGroup('minSize: -1, maxSize: 6, desiredCapacity: 3'), at: ['-1'], english: 'spec.nodeGroups[0].minSize: Invalid value: -1: must be greater than or equal to 0' },
  { name: 'fractional maxSize', text: withGroup('minSize: 3, maxSize: 6.5, desiredCapacity: 3'), at: ['6.5'], english: 'spec.nodeGroups[0].maxSize: Invalid value: "number": spec.nodeGroups[0].maxSize in body must be of type integer: "number"' },
  { name: 'maxSize past the capacity', text: withGroup('minSize: 3, maxSize: 99999, desiredCapacity: 3'), at: ['99999'], english: 'spec.nodeGroups[0].maxSize: Invalid value: 99999: more nodes than the playground simulates (at most 5,000)' },
  { name: 'HPA minReplicas 0', text: withHpa('0', '5'), at: ['minReplicas: 0', 'minReplicas: '.length], english: 'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1' },
  { name: 'HPA maxReplicas 0', text: withHpa('1', '0'), at: ['maxReplicas: 0', 'maxReplicas: '.length], english: 'spec.maxReplicas: Invalid value: 0: must be greater than 0' },
  { name: 'HPA maxReplicas below min', text: withHpa('4', '2'), at: ['maxReplicas: 2', 'maxReplicas: '.length], english: 'spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`' },
  { name: 'HPA maxReplicas as a string', text: withHpa('1', '"x"'), at: ['maxReplicas: "x"', 'maxReplicas: '.length], english: 'spec.maxReplicas: Invalid value: "x": must be an integer (int32)' },
  { name: 'HPA maxReplicas past the capacity', text: withHpa('1', '999999'), at: ['maxReplicas: 999999', 'maxReplicas: '.length], english: 'spec.maxReplicas: Invalid value: 999999: more replicas than the playground simulates (at most 150,000 pods)' },
];

const HANGUL = /[\uac00-\ud7a3]/;

describe('API-server words for bounds and types in scenario manifests', () => {
  it.each(CASES)('$name', ({ text, at, english }) => {
    const r = loadScenario(text, 'my.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    const [e] = r.errors;
    const where = positionOf(text, at[0]);
    expect(formatError(e)).toBe(`my.yaml:${where.line}:${where.col + (at[1] ?? 0)}: ${english}`);
    expect(formatError(e)).not.toMatch(/Too small|Too big|expected number to be|expected int/);
    // English in the page is the CLI's text; Korean says the same in Korean at the same place.
    expect(e.msg).toBeDefined();
    expect(en(scenarioErrorMessage(e))).toBe(formatError(e));
    const k = ko(scenarioErrorMessage(e));
    expect(k).toMatch(HANGUL);
    expect(k).toContain(`${where.line}번째 줄`);
    expect(k).not.toMatch(/Invalid value|must be|\{\{/);
  });
});
