import { describe, expect, it } from 'vitest';
import '../resources/all';
import { readViewArgs } from './viewArgs';
import { apiResourcesView, apiVersionsView, servedResources } from './apiResourcesView';
import { kindByName } from '../resources/registry';

const run = (...args: string[]) => apiResourcesView(readViewArgs(args));

/**
 * Sources: kubernetes/kubernetes staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go
 * (columns NAME SHORTNAMES APIVERSION NAMESPACED KIND; sortableResource: by group, ties by name;
 * -o name prints name.group; --namespaced and --api-group filter only when given; "--output %v
 * is not available", "--sort-by accepts only name or kind") and apiversions.go (sort.Strings).
 */
describe('kubectl api-resources', () => {
  it('lists what the playground serves, the core group first, then groups in byte order', () => {
    const lines = run().output.split('\n');
    expect(lines[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    const rows = lines.slice(1).map((l) => l.split(/ {3,}/));
    const pods = rows.find((r) => r[0] === 'pods');
    expect(pods).toEqual(['pods', 'po', 'v1', 'true', 'Pod']);
    expect(rows.find((r) => r[0] === 'endpoints')).toEqual(['endpoints', 'ep', 'v1', 'true', 'Endpoints']);
    // No short name: the SHORTNAMES cell is blank, so the row splits into four.
    expect(rows.find((r) => r[0] === 'endpointslices')).toEqual(['endpointslices', 'discovery.k8s.io/v1', 'true', 'EndpointSlice']);
    expect(rows.find((r) => r[0] === 'horizontalpodautoscalers')?.slice(1, 3)).toEqual(['hpa', 'autoscaling/v2']);
    const groups = rows.map((r) => (r.length === 5 ? r[2] : r[1]).replace(/\/?v\d\w*$/, ''));
    expect(groups).toEqual([...groups].sort());
    expect(groups[0]).toBe('');
  });

  it('lists a group at its preferred version only: no v1alpha5 Provisioner beside the v1 NodePool', () => {
    const names = run('-o', 'name').output.split('\n');
    expect(names).toContain('nodepools.karpenter.sh');
    expect(names).toContain('endpointslices.discovery.k8s.io');
    expect(names).toContain('endpoints');
    expect(names).not.toContain('provisioners.karpenter.sh');
    expect(kindByName('provisioner')).toBeDefined();
    // Every row is something `kubectl get` resolves.
    for (const r of servedResources().filter((x) => x.group !== 'events.k8s.io' && x.kind !== 'Event' && x.kind !== 'ReplicaSet')) {
      expect(kindByName(r.group ? `${r.name}.${r.group}` : r.name)?.kind, r.name).toBe(r.kind);
    }
  });

  it('filters by --namespaced and --api-group (empty: the core group), and sorts by name or kind', () => {
    expect(run('--namespaced=false', '-o', 'name').output.split('\n').slice(0, 2)).toEqual(['namespaces', 'nodes']);
    expect(run('--namespaced=false', '-o', 'name').output).not.toContain('pods');
    expect(run('--api-group=apps', '-o', 'name').output).toBe('daemonsets.apps\ndeployments.apps\nreplicasets.apps');
    const core = run('--api-group=', '-o', 'name').output.split('\n');
    expect(core).toContain('pods');
    expect(core.every((n) => !n.includes('.'))).toBe(true);
    const byKind = run('--sort-by=kind', '--no-headers').output.split('\n').map((l) => l.split(/\s+/).pop()!);
    expect(byKind).toEqual([...byKind].sort());
  });

  it("refuses bad values with kubectl's errors and -o wide (verbs) in the playground's words", () => {
    expect(run('-o', 'yaml').output).toBe('error: --output yaml is not available');
    expect(run('--sort-by=group').output).toBe('error: --sort-by accepts only name or kind');
    expect(run('pods').output).toBe("error: unexpected arguments: [pods]\nSee 'kubectl api-resources -h' for help and examples");
    const wide = run('-o', 'wide');
    expect(wide.ok).toBe(false);
    expect(wide.msg?.key).toBe('engine.command.apiResourcesVerbs');
  });
});

describe('kubectl api-versions', () => {
  it('prints each served group/version once, sorted as Go sorts strings', () => {
    const versions = apiVersionsView(readViewArgs([])).output.split('\n');
    expect(versions).toContain('v1');
    expect(versions).toContain('discovery.k8s.io/v1');
    expect(versions).toContain('autoscaling/v2');
    expect(versions).not.toContain('karpenter.sh/v1alpha5');
    expect(versions).toEqual([...new Set(versions)].sort());
    expect(versions[versions.length - 1]).toBe('v1');
  });
});
