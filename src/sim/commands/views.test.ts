import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { deployment, scenario } from '../testing/fixtures';
import { runView } from './views';
import { step } from '../core/step';

describe('kubectl views', () => {
  const world = createWorld(scenario(), [deployment('web', 2, '100m', '64Mi')]);
  for (let i = 0; i < 30; i++) step(world);

  it('lists the default namespace unless told otherwise', () => {
    const pods = runView(world, ['kubectl', 'get', 'pods']).output;
    expect(pods).toContain('web-');
    expect(pods).not.toContain('coredns');
    const system = runView(world, ['kubectl', 'get', 'pods', '--namespace=kube-system']).output;
    expect(system).toContain('coredns');
    expect(system).not.toContain('web-');
    const all = runView(world, ['kubectl', 'get', 'pods', '--all-namespaces=true']).output.split('\n');
    expect(all[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS/);
    expect(all.some((l) => l.startsWith('kube-system') && l.includes('aws-node'))).toBe(true);
  });

  it('answers NotFound and unknown types like kubectl', () => {
    expect(runView(world, ['kubectl', 'get', 'deployment', 'nope'])).toEqual({ ok: false, output: 'Error from server (NotFound): deployments.apps "nope" not found' });
    expect(runView(world, ['kubectl', 'get', 'widgets']).output).toBe('error: the server doesn\'t have a resource type "widgets"');
  });

  it('adds label columns to nodes', () => {
    const out = runView(world, ['kubectl', 'get', 'nodes', '--label-columns=node.kubernetes.io/instance-type']).output.split('\n');
    // kubectl heads a label column with the last segment of the key, upper-cased.
    expect(out[0]).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INSTANCE-TYPE$/);
    expect(out[1]).toMatch(/t3\.medium$/);
  });
});
