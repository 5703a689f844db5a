/**
 * The VPA admission controller as a pod admission hook: a new pod of a VPA's target (modes Initial,
 * Recreate, Auto, InPlaceOrRecreate) gets the recommendation's target as its requests, limits
 * scaled to keep their ratio, and the annotations the real webhook adds.
 */
import type { Pod, World } from '../../core/types';
import { admissionApplies, applyRecommendation } from './admission';
import { podContainerResources, setPodContainerResources } from './podResources';
import { vpaForPod } from './recommenderLoop';

export function admitVpaPod(world: World, pod: Pod): void {
  const obj = vpaForPod(world, pod);
  if (!obj || !admissionApplies(obj.vpa.spec)) return;
  // The webhook's observed-containers calculator annotates every pod it admits, recommendation or not.
  const observed = pod.spec.containers.map((c) => c.name).join(', ');
  const recs = obj.vpa.status?.recommendation?.containerRecommendations ?? [];
  const { containers, changes } = applyRecommendation(podContainerResources(pod), recs, obj.vpa.spec);
  if (changes.length === 0) {
    pod.spec = { ...pod.spec, annotations: { ...pod.spec.annotations, vpaObservedContainers: observed } };
    return;
  }
  setPodContainerResources(world, pod, containers);
  const index = new Map(pod.spec.containers.map((c, i) => [c.name, i]));
  const byContainer = new Map<string, string[]>();
  for (const ch of changes) {
    const list = byContainer.get(ch.container) ?? [];
    list.push(`${ch.resource} ${ch.field}`);
    byContainer.set(ch.container, list);
  }
  const parts = [...byContainer.entries()].map(([name, what]) => `container ${index.get(name) ?? 0}: ${what.join(', ')}`);
  pod.spec = {
    ...pod.spec,
    annotations: {
      ...pod.spec.annotations,
      vpaUpdates: `Pod resources updated by ${obj.vpa.metadata.name}: ${parts.join('; ')}`,
      vpaObservedContainers: observed,
    },
  };
}
