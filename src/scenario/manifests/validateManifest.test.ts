import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../loadScenario';
import { PHP_APACHE, SCENARIO_HEAD, positionOf } from '../testFixtures';
import { parsePath, registerManifestValidator } from './validators';
import { notSimulatedPaths, podSpecTree } from './notSimulated';

const load = (extra: string) => loadScenario(`${SCENARIO_HEAD}---\n${PHP_APACHE}---\n${extra}`, 'm.yaml');
const HPA = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: php-apache}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}\n  minReplicas: 2\n  maxReplicas: 10\n';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

describe('manifest validation', () => {
  it('passes autoscaler kinds through untouched', () => {
    const r = load(HPA);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const hpa = r.manifests.find((m) => m.kind === 'HorizontalPodAutoscaler');
    expect(hpa).toMatchObject({ apiVersion: 'autoscaling/v2', name: 'php-apache', namespace: 'default', file: 'm.yaml', col: 1 });
    expect(hpa?.doc.spec).toEqual({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, minReplicas: 2, maxReplicas: 10 });
  });
  it('maps a registered validator\'s paths to line and column', () => {
    cleanups.push(registerManifestValidator('autoscaling/v2', 'HorizontalPodAutoscaler', (doc) => ((doc.spec as { minReplicas: number }).minReplicas < 3 ? [{ path: 'spec.minReplicas', message: 'Invalid value: 2: must be at least 3 here' }] : [])));
    const text = `${SCENARIO_HEAD}---\n${PHP_APACHE}---\n${HPA}`;
    const r = loadScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const key = positionOf(text, 'minReplicas: 2');
    const at = { line: key.line, col: key.col + 'minReplicas: '.length };
    expect(r.errors).toEqual([{ file: 'm.yaml', line: at.line, col: at.col, path: 'spec.minReplicas', message: 'Invalid value: 2: must be at least 3 here' }]);
  });
  it('turns validator notices into notices, and a throwing validator into an error', () => {
    cleanups.push(registerManifestValidator('autoscaling/v2', 'HorizontalPodAutoscaler', () => [{ path: ['spec', 'maxReplicas'], message: 'not simulated', severity: 'notice' }]));
    const ok = load(HPA);
    expect(ok.ok && ok.notices.some((n) => n.endsWith('HorizontalPodAutoscaler/php-apache: spec.maxReplicas: not simulated'))).toBe(true);
    cleanups.push(registerManifestValidator('autoscaling/v2', 'HorizontalPodAutoscaler', () => { throw new Error('boom'); }));
    const bad = load(HPA);
    expect(!bad.ok && bad.errors[0].message).toBe('validator failed: boom');
  });
  it('a registered validator makes a new kind known', () => {
    expect(load('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n').ok).toBe(false);
    cleanups.push(registerManifestValidator('example.com/v1', 'Widget', () => []));
    expect(load('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n').ok).toBe(true);
  });
  it('accepts RBAC and other pasted kinds with one notice each', () => {
    const r = load('apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: cluster-autoscaler, namespace: kube-system}\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notices.filter((n) => n.includes('ServiceAccount'))).toHaveLength(1);
    expect(r.manifests.some((m) => m.kind === 'ServiceAccount')).toBe(false);
  });
  it('rejects requests above limits as the API server does', () => {
    const r = loadScenario(`${SCENARIO_HEAD}---\n${PHP_APACHE.replace('cpu: 200m', 'cpu: 600m')}`, 'm.yaml');
    expect(!r.ok && r.errors[0]).toMatchObject({ path: 'spec.template.spec.containers[0].resources.requests', message: 'Invalid value: "600m": must be less than or equal to cpu limit of 500m' });
  });
  it('rejects a selector that does not match the template', () => {
    const r = loadScenario(`${SCENARIO_HEAD}---\n${PHP_APACHE.replace('      run: php-apache\n  template', '      app: other\n  template')}`, 'm.yaml');
    expect(!r.ok && r.errors[0].message).toMatch(/`selector` does not match template `labels`/);
  });
  it('rejects a malformed quantity and a bad name', () => {
    const q = loadScenario(`${SCENARIO_HEAD}---\n${PHP_APACHE.replace('cpu: 200m', 'cpu: 200 m')}`, 'm.yaml');
    expect(!q.ok && q.errors[0].path).toBe('spec.template.spec.containers[0].resources.requests.cpu');
    const n = loadScenario(`${SCENARIO_HEAD}---\n${PHP_APACHE.replace('name: php-apache\nspec', 'name: PHP_Apache\nspec')}`, 'm.yaml');
    expect(!n.ok && n.errors[0].message).toMatch(/^Invalid value: "PHP_Apache": a lowercase RFC 1123 subdomain/);
  });
  it('a missing required field points at its parent', () => {
    const text = `${SCENARIO_HEAD}---\n${PHP_APACHE.replace('        image: registry.k8s.io/hpa-example\n', '')}`;
    const r = loadScenario(text, 'm.yaml');
    expect(!r.ok && r.errors[0]).toMatchObject({ path: 'spec.template.spec.containers[0].image', message: 'Required value: expected string', line: positionOf(text, '- name: php-apache').line });
  });
});

describe('not-simulated fields', () => {
  it('names each unmodelled field, descending into lists', () => {
    const spec = { containers: [{ name: 'a', image: 'i', env: [], resources: { requests: { cpu: '1', 'ephemeral-storage': '1Gi' } } }], serviceAccountName: 'x', affinity: { podAffinity: {}, podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } } };
    expect(notSimulatedPaths(spec, podSpecTree)).toEqual([
      ['containers', 0, 'env'],
      ['containers', 0, 'resources', 'requests', 'ephemeral-storage'],
      ['serviceAccountName'],
      ['affinity', 'podAffinity'],
      ['affinity', 'podAntiAffinity', 'preferredDuringSchedulingIgnoredDuringExecution'],
    ]);
  });
  it('parses dotted paths with indexes', () => {
    expect(parsePath('spec.triggers[0].metadata')).toEqual(['spec', 'triggers', 0, 'metadata']);
    expect(parsePath(['a', 1])).toEqual(['a', 1]);
  });
});
