import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { applyCommand } from '../commands/apply';
import { runView } from '../commands/views';
import type { ManifestDoc } from '../core/commands';
import { scenario } from '../testing/fixtures';
import '../autoscalers/kinds';
import { getConfigMap } from './configMapKind';

const cm = (data: Record<string, unknown>, name = 'nginx-autoscaler'): ManifestDoc => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', labels: { app: 'nginx' } },
  data,
});

describe('ConfigMap kind', () => {
  it('applies, reports created/unchanged/configured, and bumps resourceVersion only on change', () => {
    const w = createWorld(scenario(), []);
    expect(applyCommand(w, { type: 'apply', manifests: [cm({ ladder: '{}' })] }).output).toBe('configmap/nginx-autoscaler created');
    const v1 = getConfigMap(w, 'default', 'nginx-autoscaler')!.resourceVersion;
    expect(applyCommand(w, { type: 'apply', manifests: [cm({ ladder: '{}' })] }).output).toBe('configmap/nginx-autoscaler unchanged');
    expect(getConfigMap(w, 'default', 'nginx-autoscaler')!.resourceVersion).toBe(v1);
    expect(applyCommand(w, { type: 'apply', manifests: [cm({ ladder: '{"nodesToReplicas":[[1,1]]}' })] }).output).toBe('configmap/nginx-autoscaler configured');
    expect(getConfigMap(w, 'default', 'nginx-autoscaler')!.resourceVersion).toBeGreaterThan(v1);
  });

  it('rejects non-string data values as the API server does', () => {
    const w = createWorld(scenario(), []);
    const r = applyCommand(w, { type: 'apply', manifests: [cm({ replicas: 3 })] });
    expect(r.ok).toBe(false);
    expect(r.output).toContain('cannot unmarshal number into Go struct field ConfigMap.data of type string');
    expect(getConfigMap(w, 'default', 'nginx-autoscaler')).toBeUndefined();
  });

  it('lists, prints -o yaml, describes and deletes', () => {
    const w = createWorld(scenario(), []);
    applyCommand(w, { type: 'apply', manifests: [cm({ ladder: '{"nodesToReplicas":[[1,1]]}' })] });
    expect(runView(w, ['kubectl', 'get', 'configmaps']).output).toMatch(/^NAME\s+DATA\s+AGE\nnginx-autoscaler\s+1\s+0s$/);
    const yaml = runView(w, ['kubectl', 'get', 'cm', 'nginx-autoscaler', '-o=yaml']).output;
    expect(yaml).toContain('apiVersion: v1\ndata:\n  ladder:');
    expect(yaml).toContain('kind: ConfigMap');
    expect(yaml).toContain('  name: nginx-autoscaler\n  namespace: default');
    const described = runView(w, ['kubectl', 'describe', 'configmap', 'nginx-autoscaler']).output;
    expect(described).toContain('Labels:       app=nginx');
    expect(described).toContain('Data\n====\nladder:\n----\n{"nodesToReplicas":[[1,1]]}');
    expect(applyCommand(w, { type: 'delete', kind: 'configmap', name: 'nginx-autoscaler', namespace: 'default' }).output).toBe('configmap "nginx-autoscaler" deleted');
    expect(getConfigMap(w, 'default', 'nginx-autoscaler')).toBeUndefined();
  });
});
