import { describe, it, expect } from 'vitest';
import { cpaPoll } from './poll';
import { parseCpaFlags } from './flags';

const options = parseCpaFlags([
  '--configmap=nginx-autoscaler',
  '--target=deployment/nginx-deployment',
]).options;
const node = (ready = true, unschedulable = false) => ({ allocatableCpuMillis: 1930, ready, unschedulable });
const ladder = { ladder: '{"nodesToReplicas": [[1,1],[2,2],[3,3],[4,3],[5,5]]}' };

describe('cpaPoll', () => {
  it('scales the target to the ladder step and caches params by resourceVersion', () => {
    const r = cpaPoll({
      nodes: [node(), node(), node(), node(), node()],
      configMapData: ladder,
      configMapVersion: '1',
      options,
      currentReplicas: { 'nginx-deployment': 3 },
    });
    expect(r.scale).toEqual([{ target: 'nginx-deployment', from: 3, to: 5 }]);
    // cluster-proportional-autoscaler v1.9.0 pkg/autoscaler/k8sclient/k8sclient.go:264-265 (one target).
    expect(r.logs.map((l) => `${l.source}] ${l.message}`)).toEqual(
      expect.arrayContaining([
        'k8sclient.go:264] Cluster status: SchedulableNodes[5], TotalNodes[5], SchedulableCores[10], TotalCores[10]',
        'k8sclient.go:265] Replicas are not as expected : updating replicas from 3 to 5',
        'ladder_controller.go:73] Detected ConfigMap version change (old:  new: 1) - rebuilding lookup entries',
      ]),
    );
    const again = cpaPoll({
      nodes: [node(), node(), node(), node(), node(true, true)],
      configMapData: { ladder: 'garbage' },
      configMapVersion: '1',
      options,
      currentReplicas: { 'nginx-deployment': 5 },
      previous: r.params,
    });
    expect(again.error).toBeUndefined();
    expect(again.scale).toEqual([{ target: 'nginx-deployment', from: 5, to: 3 }]);
  });
  it('reports a missing ConfigMap, or creates it from --default-params', () => {
    const missing = cpaPoll({
      nodes: [node()],
      configMapData: undefined,
      configMapVersion: '',
      options,
      currentReplicas: {},
    });
    expect(missing.error).toBe('configmaps "nginx-autoscaler" not found');
    const withDefaults = { ...options, defaultParams: { linear: '{"nodesPerReplica": 1}' } };
    const created = cpaPoll({
      nodes: [node(), node()],
      configMapData: undefined,
      configMapVersion: '',
      options: withDefaults,
      currentReplicas: { 'nginx-deployment': 1 },
    });
    expect(created.createConfigMap).toEqual(withDefaults.defaultParams);
    expect(created.scale[0].to).toBe(2);
  });
  it('leaves the target alone on invalid params', () => {
    const r = cpaPoll({
      nodes: [node()],
      configMapData: { linear: '{}' },
      configMapVersion: '2',
      options,
      currentReplicas: { 'nginx-deployment': 1 },
    });
    expect(r.error).toMatch(/should at least provide/);
    expect(r.scale).toEqual([]);
  });
});
