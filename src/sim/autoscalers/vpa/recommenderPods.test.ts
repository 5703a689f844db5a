import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario/loadScenario';
import { createWorld } from '../../bootstrap';
import type { ManifestDoc } from '../../core/commands';
import { runUntil } from '../../core/step';
import { deploymentPods } from '../../resources/workloadKinds';
import { vpaObjects } from './worldState';

/**
 * The recommender's pod informer lists no Pending pod (tag vertical-pod-autoscaler/v1.4.2,
 * pkg/recommender/input/cluster_feeder.go:168-172), so LoadPods (:460-489) makes no aggregate
 * state for their containers and the VPA's PodCount stays 0 (routines/recommender.go:107-108).
 */
describe('the recommender ignores Pending pods in its decisions, not only in its log', () => {
  it('a VPA whose only pods are unschedulable has no container states and reports NoPodsMatched', () => {
    const loaded = loadScenario(readFileSync('examples/vpa-hamster.yaml', 'utf8'), 'vpa-hamster.yaml');
    if (!loaded.ok) throw new Error('vpa-hamster.yaml does not load');
    const docs: ManifestDoc[] = loaded.manifests.map((m) => m.doc);
    for (const d of docs) {
      if (d.kind !== 'Deployment') continue;
      const c = (d.spec as { template: { spec: { containers: { resources: { requests: Record<string, string> } }[] } } }).template.spec.containers[0];
      c.resources.requests.cpu = '64';
    }
    const w = createWorld(loaded.spec, docs);
    runUntil(w, 61_000);
    expect(deploymentPods(w, w.deployments.get('hamster')!).map((p) => p.state)).toEqual(['Pending', 'Pending']);
    const obj = vpaObjects(w)[0];
    // The engine used to make an empty state per container of any live pod, Pending included.
    expect(Object.keys(obj.containers)).toEqual([]);
    expect(obj.vpa.status!.conditions.find((c) => c.type === 'NoPodsMatched')).toMatchObject({ status: 'True', reason: 'NoPodsMatched' });
  });
});
