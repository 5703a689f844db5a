import { describe, expect, it } from 'vitest';
import { DEFAULT_START_TIME } from '../sim/core/scenario';
import { formatError } from './errors';
import { loadScenario } from './loadScenario';
import { PHP_APACHE, SCENARIO_HEAD, VALID, positionOf } from './testFixtures';

function errorsOf(text: string) {
  const r = loadScenario(text, 'test.yaml');
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('loadScenario: a valid file', () => {
  const r = loadScenario(VALID, 'php.yaml');
  it('fills the spec with its values and defaults', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.spec).toMatchObject({ name: 'php-apache', seed: 7, durationMs: 20 * 60_000, region: 'ap-northeast-2', clusterName: 'php-apache', startTime: DEFAULT_START_TIME, tickMs: 1000, eksDefaults: true });
    expect(r.spec.nodeGroups[0]).toEqual({
      name: 'ng1', instanceTypes: ['t3.medium'], capacityType: 'on-demand', minSize: 3, maxSize: 6, desiredCapacity: 3,
      zones: ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c'], labels: {}, taints: [], tags: {},
    });
    expect(r.spec.load[0]).toEqual({ target: 'php-apache', cpuPerRequestMillis: 20, memoryPerInflightMiB: 1, timeoutMs: 30_000 });
  });
  it('parses the timeline into timed commands', () => {
    if (!r.ok) return;
    expect(r.spec.timeline.map((c) => [c.atMs, c.command.type])).toEqual([[60_000, 'autoscale'], [120_000, 'runLoadGenerator']]);
    expect(r.spec.timeline[1].command).toEqual({ type: 'runLoadGenerator', podName: 'load-generator', image: 'busybox:1.28', target: 'php-apache', thinkTimeMs: 10 });
  });
  it('passes manifests through with where they start', () => {
    if (!r.ok) return;
    expect(r.manifests.map((m) => [m.kind, m.name, m.line, m.col])).toEqual([
      ['Deployment', 'php-apache', positionOf(VALID, 'apiVersion: apps/v1').line, 1],
      ['Service', 'php-apache', positionOf(VALID, 'kind: Service').line - 1, 1],
    ]);
  });
  it('lists valid but not simulated fields once, with their location', () => {
    // ports are modelled (hostPort feeds the scheduler's NodePorts filter), so the file has no notice.
    expect(r.ok && r.notices).toEqual([]);
    const probed = VALID.replace('        ports:\n', '        livenessProbe: {httpGet: {path: /, port: 80}}\n        ports:\n');
    const p = loadScenario(probed, 'php.yaml');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const at = positionOf(probed, 'livenessProbe:');
    expect(p.notices).toEqual([`php.yaml:${at.line}:${at.col}: Deployment/php-apache: spec.template.spec.containers[0].livenessProbe: not simulated`]);
  });
  it('defaults what the file leaves out', () => {
    const minimal = loadScenario('apiVersion: playground/v1alpha1\nkind: Scenario\nspec:\n  nodeGroups: [{name: a, instanceTypes: [m5.large, m5a.large], capacityType: spot, minSize: 1, maxSize: 2}]\n', 'm.yaml');
    expect(minimal.ok).toBe(true);
    if (!minimal.ok) return;
    expect(minimal.spec).toMatchObject({ name: 'playground', clusterName: 'playground', seed: 1, durationMs: 1_800_000, region: 'ap-northeast-2' });
    expect(minimal.spec.nodeGroups[0]).toMatchObject({ instanceTypes: ['m5.large', 'm5a.large'], capacityType: 'spot', desiredCapacity: 1 });
  });
  it('converts open-loop profiles and closed-loop clients', () => {
    const text = SCENARIO_HEAD.replace('      cpuPerRequest: 20m\n', '      cpuPerRequest: 40m\n      memoryPerRequest: 2Mi\n      timeout: 5s\n      profile: [{at: 0s, rps: 0}, {at: 2m, rps: 120, ramp: 30s}]\n');
    const res = loadScenario(`${text}---\n${PHP_APACHE}`, 'p.yaml');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.spec.load[0]).toEqual({ target: 'php-apache', cpuPerRequestMillis: 40, memoryPerInflightMiB: 2, timeoutMs: 5000, profile: [{ atMs: 0, rps: 0, rampMs: 0 }, { atMs: 120_000, rps: 120, rampMs: 30_000 }] });
  });
  it('warns about commands after the end and loads with no Deployment', () => {
    const res = loadScenario(SCENARIO_HEAD.replace('{at: 1m,', '{at: 25m,'), 'w.yaml');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.warnings.some((w) => w.includes('after the end of the run'))).toBe(true);
    expect(res.warnings.some((w) => w.includes('target "php-apache" is not a Deployment'))).toBe(true);
  });
});

describe('loadScenario: errors point at the exact key or value', () => {
  it('bad YAML', () => {
    const text = `${SCENARIO_HEAD}---\nkind: [unclosed\n`;
    const [e] = errorsOf(text);
    expect(e.file).toBe('test.yaml');
    expect(e.line).toBeGreaterThanOrEqual(positionOf(text, 'kind: [unclosed').line);
    expect(e.message).toMatch(/^YAML: /);
  });
  it('unknown field replica: at the key, with a suggestion and what is allowed', () => {
    const text = `${SCENARIO_HEAD}---\n${PHP_APACHE.replace('spec:\n  selector:', 'spec:\n  replica: 3\n  selector:')}`;
    const [e] = errorsOf(text);
    const at = positionOf(text, 'replica: 3');
    expect(formatError(e)).toBe(`test.yaml:${at.line}:${at.col}: spec.replica: ${e.message}`);
    expect(e.message).toContain('unknown field "replica" (did you mean "replicas"?)');
    expect(e.message).toContain('allowed fields here: replicas, selector, template');
  });
  it('wrong type: at the value', () => {
    const text = `${SCENARIO_HEAD}---\n${PHP_APACHE.replace('spec:\n  selector:', 'spec:\n  replicas: three\n  selector:')}`;
    const [e] = errorsOf(text);
    const at = positionOf(text, 'three');
    expect([e.line, e.col, e.path]).toEqual([at.line, at.col, 'spec.replicas']);
    expect(e.message).toBe('Invalid value: "string": spec.replicas in body must be of type integer: "string"');
  });
  it('minSize > maxSize', () => {
    const text = SCENARIO_HEAD.replace('maxSize: 6', 'maxSize: 2');
    const [e] = errorsOf(text);
    const at = positionOf(text, '2, desiredCapacity');
    expect([e.line, e.col, e.path]).toEqual([at.line, at.col, 'spec.nodeGroups[0].maxSize']);
    expect(e.message).toBe('Invalid value: 2: maxSize must be greater than or equal to minSize (3)');
  });
  it('desiredCapacity outside [min, max]', () => {
    const [e] = errorsOf(SCENARIO_HEAD.replace('desiredCapacity: 3', 'desiredCapacity: 9'));
    expect(e.message).toBe('Invalid value: 9: desiredCapacity must be between minSize (3) and maxSize (6)');
  });
  it('unknown instance type, with the nearest names', () => {
    const text = SCENARIO_HEAD.replace('t3.medium', 't3.mediun');
    const [e] = errorsOf(text);
    const at = positionOf(text, 't3.mediun');
    expect([e.line, e.col, e.path]).toEqual([at.line, at.col, 'spec.nodeGroups[0].instanceType']);
    expect(e.message).toMatch(/^unknown instance type "t3.mediun": did you mean t3.medium/);
  });
  it('a region outside the catalog lists the regions', () => {
    const [e] = errorsOf(SCENARIO_HEAD.replace('region: ap-northeast-2', 'region: eu-west-1'));
    expect(e.message).toBe('Unsupported value: "eu-west-1": supported values: "ap-northeast-2", "us-east-1"');
  });
  it('a bad duration says what a duration looks like', () => {
    const [e] = errorsOf(SCENARIO_HEAD.replace('duration: 20m', 'duration: 20'));
    expect(e.path).toBe('spec.duration');
    expect(e.message).toContain('a number needs a unit');
  });
  it('unknown fields of the Scenario itself (tickMs is not exposed)', () => {
    const [e] = errorsOf(SCENARIO_HEAD.replace('  seed: 7\n', '  seed: 7\n  tickMs: 100\n'));
    expect(e.path).toBe('spec.tickMs');
    expect(e.message).toContain('unknown field "tickMs"');
  });
  it('an unparseable timeline command is located at its run value', () => {
    const text = SCENARIO_HEAD.replace('kubectl autoscale', 'kubectl autoscal');
    const [e] = errorsOf(text);
    expect(e.path).toBe('spec.timeline[0].run');
    expect(e.line).toBe(positionOf(text, 'kubectl autoscal').line);
    expect(e.message).toContain('unknown command "autoscal" for "kubectl"');
    expect(e.message).toContain('autoscale');
  });
  it('an unknown kind says kubectl\'s "no matches"', () => {
    const [e] = errorsOf(`${SCENARIO_HEAD}---\napiVersion: apps/v1\nkind: Deploymnt\nmetadata: {name: x}\n`);
    expect(e.message).toBe('no matches for kind "Deploymnt" in version "apps/v1"; did you mean Deployment?');
  });
  it('a known kind in the wrong version names the served one', () => {
    const [e] = errorsOf(`${SCENARIO_HEAD}---\napiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: x}\n`);
    expect(e.message).toBe('no matches for kind "Deployment" in version "extensions/v1beta1"; Deployment is served as apps/v1');
  });
  it('no Scenario document, and two of them', () => {
    expect(errorsOf(PHP_APACHE)[0].message).toMatch(/^no playground\/v1alpha1 Scenario document/);
    const twice = errorsOf(`${SCENARIO_HEAD}---\n${SCENARIO_HEAD}`);
    expect(twice[0].message).toMatch(/^only one Scenario document is allowed/);
  });
  it('an inline manifest in the timeline is checked at its own lines', () => {
    const text = `${SCENARIO_HEAD}    - at: 3m\n      apply: |\n        apiVersion: v1\n        kind: ConfigMap\n        metadata: {name: c}\n        dat: {a: b}\n`;
    const [e] = errorsOf(text);
    const at = positionOf(text, 'dat: {a');
    expect([e.line, e.col, e.path]).toEqual([at.line, at.col, 'spec.timeline[2].apply: dat']);
  });
  it('an inline manifest given as a mapping becomes an apply command', () => {
    const text = `${SCENARIO_HEAD}    - at: 3m\n      apply: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: b}}\n`;
    const r = loadScenario(text, 'i.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.spec.timeline[2]).toEqual({ atMs: 180_000, input: 'kubectl apply -f -', command: { type: 'apply', manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } }] } });
  });
  it('never throws on garbage', () => {
    for (const text of ['', '---', '- a\n- b', ': :', '\t\t', 'a: *x', '{{{{', 'kind: Scenario\nspec: 3']) {
      const r = loadScenario(text, 'g.yaml');
      expect(r.ok).toBe(false);
    }
  });
});
