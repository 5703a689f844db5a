/**
 * The vpa-updater's klog lines, as VPA 1.4.2 prints them at its default --v=4 (see
 * recommenderLog.ts). Line numbers are tag vertical-pod-autoscaler/v1.4.2's; the branch head of
 * vpa-release-1.4 has two more lines in updater.go from line 161 on, but no image was built from it.
 * Files: pkg/updater/logic/updater.go, priority/update_priority_calculator.go,
 * restriction/pods_{restriction_factory,eviction_restriction,inplace_restriction}.go,
 * admission-controller/resource/pod/recommendation/recommendation_provider.go, and client-go
 * v0.33.0 tools/record/event.go, whose broadcaster logs each event at V(4) (newEventRecorder's
 * StartStructuredLogging(4)).
 */
import type { Pod } from '../../core/types';
import type { CaLogLine } from '../cluster-autoscaler/types';
import { goJson, goJsonText, infoS, errorS, kref } from './klogS';
import { formatCpuMillis, formatMemoryBytes } from './quantity';
import { formatMemoryBinary } from './kubectlFormat';
import type { PodPriority } from './updater';
import type { RecommendedContainerResources, ResourceAmounts, VerticalPodAutoscaler } from './types';

/** pods_eviction_restriction.go Evict: the event on the pod. */
export const EVICTED_BY_VPA_MESSAGE = 'Pod was evicted by VPA Updater to apply resource recommendation.';

const podRef = (pod: Pod) => kref(pod.namespace, pod.name);
const vpaRef = (vpa: VerticalPodAutoscaler) => kref(vpa.metadata.namespace ?? 'default', vpa.metadata.name);

export const skippedForMode = (vpa: VerticalPodAutoscaler) =>
  infoS(3, 'updater.go:168', 'Skipping VPA object because its mode is not  "InPlaceOrRecreate", "Recreate" or "Auto"', { vpa: vpaRef(vpa) });
export const skippedForSelector = (vpa: VerticalPodAutoscaler) => infoS(3, 'updater.go:173', 'Skipping VPA object because we cannot fetch selector', { vpa: vpaRef(vpa) });
export const noVpaObjects = () => infoS(0, 'updater.go:184', 'No VPA objects to process');

export const minReplicasOverridden = (vpa: VerticalPodAutoscaler, globalMinReplicas: number, vpaMinReplicas: number) =>
  infoS(3, 'pods_restriction_factory.go:206', 'Overriding minReplicas from global to per-VPA value', { globalMinReplicas, vpaMinReplicas, vpa: vpaRef(vpa) });

/** GetCreatorMaps skips a controller with fewer live pods than required; its pods are then never updated. */
export const tooFewReplicas = (namespace: string, kind: string, name: string, livePods: number, requiredPods: number, globalMinReplicas: number) =>
  infoS(2, 'pods_restriction_factory.go:212', 'Too few replicas', { kind, object: kref(namespace, name), livePods, requiredPods, globalMinReplicas });

/** GetCreatorMaps also leaves out a controller whose replica count it cannot read (getReplicaCount's error). */
export const replicaCountFailed = (namespace: string, kind: string, name: string, err: string) =>
  errorS('pods_restriction_factory.go:224', err, 'Failed to obtain replication info', { kind, object: kref(namespace, name) });

export const quickOomDetected = (pod: Pod, containerName: string) => infoS(2, 'update_priority_calculator.go:116', 'Quick OOM detected in pod', { pod: podRef(pod), containerName });

/** UpdatePriorityCalculator.AddPod's refusals, by updateVerdict's reason. */
export function notUpdating(pod: Pod, reason: 'noStartTime' | 'shortLivedWithinRange' | 'resourceDiffTooLow' | 'quickOOMButNoChange', priority: PodPriority): CaLogLine {
  switch (reason) {
    case 'noStartTime':
      return infoS(4, 'update_priority_calculator.go:127', 'Not updating pod, missing field pod.Status.StartTime', { pod: podRef(pod) });
    case 'shortLivedWithinRange':
      return infoS(4, 'update_priority_calculator.go:131', 'Not updating a short-lived pod, request within recommended range', { pod: podRef(pod) });
    case 'resourceDiffTooLow': {
      const updatePriority = goJson({ OutsideRecommendedRange: priority.outsideRecommendedRange, ScaleUp: priority.scaleUp, ResourceDiff: priority.resourceDiff });
      return infoS(4, 'update_priority_calculator.go:135', 'Not updating pod, resource diff too low', { pod: podRef(pod), updatePriority });
    }
    case 'quickOOMButNoChange':
      return infoS(4, 'update_priority_calculator.go:142', 'Not updating pod because resource would not change', { pod: podRef(pod) });
  }
}

/**
 * GetProcessedRecommendationTargets: memory in whole kB (rounded up), CPU in millicores. Its
 * uncappedTarget part prints the capped target's numbers, as upstream's does.
 */
export function processedRecommendationTargets(recs: readonly RecommendedContainerResources[]): string {
  let out = '';
  for (const r of recs) {
    out += `${r.containerName}: target: `;
    if (r.target.memory) out += `${Math.ceil(r.target.memory / 1000)}k `;
    if (r.target.cpu) out += `${r.target.cpu}m; `;
    out += 'uncappedTarget: ';
    if (r.uncappedTarget.memory) out += `${Math.ceil((r.target.memory ?? 0) / 1000)}k `;
    if (r.uncappedTarget.cpu) out += `${r.target.cpu ?? 0}m;`;
  }
  return out;
}

export const acceptedForUpdate = (pod: Pod, resourceDiff: number, processed: readonly RecommendedContainerResources[]) =>
  infoS(2, 'update_priority_calculator.go:145', 'Pod accepted for update', { pod: podRef(pod), updatePriority: resourceDiff, processedRecommendations: processedRecommendationTargets(processed) });

export const evictingPod = (pod: Pod) => infoS(2, 'updater.go:305', 'Evicting pod', { pod: podRef(pod) });

/** A refused eviction: the API's error from Evict, then RunOnce's own line. */
export function evictionRefused(pod: Pod, message: string): CaLogLine[] {
  return [
    errorS('pods_eviction_restriction.go:93', message, 'Failed to evict pod', { pod: podRef(pod) }),
    infoS(0, 'updater.go:308', 'Eviction failed', { error: message, pod: podRef(pod) }),
  ];
}

function eventOccurred(namespace: string, name: string, kind: string, apiVersion: string, reason: string, message: string): CaLogLine {
  return infoS(4, 'event.go:389', 'Event occurred', { object: kref(namespace, name), fieldPath: '', kind, apiVersion, type: 'Normal', reason, message });
}

export function evictedPodMessage(pod: Pod): string {
  return `VPA Updater evicted Pod ${pod.name} to apply resource recommendation.`;
}

/** Evict records EvictedByVPA on the pod and EvictedPod on the VPA. */
export function evictionEvents(pod: Pod, vpa: VerticalPodAutoscaler): CaLogLine[] {
  return [
    eventOccurred(pod.namespace, pod.name, 'Pod', 'v1', 'EvictedByVPA', EVICTED_BY_VPA_MESSAGE),
    eventOccurred(vpa.metadata.namespace ?? 'default', vpa.metadata.name, 'VerticalPodAutoscaler', 'autoscaling.k8s.io/v1', 'EvictedPod', evictedPodMessage(pod)),
  ];
}

/** CanInPlaceUpdate's refusal when the group may lose no more pods (or is too small to be updated). */
export const cannotResizeInPlace = (pod: Pod) =>
  infoS(4, 'pods_inplace_restriction.go:101', "Can't in-place update pod, but not falling back to eviction. Waiting for next loop", { pod: podRef(pod) });
export const inPlaceDeferred = (pod: Pod) => infoS(0, 'updater.go:273', 'In-place update deferred', { pod: podRef(pod) });

interface PatchRecord {
  op: 'add';
  path: string;
  value: unknown;
}

/**
 * What GetContainersResourcesForPod gives one container: its target as requests and, under
 * RequestsAndLimits, the limits it had scaled to keep their ratio. Absent: no recommendation.
 */
export interface ResizePlan {
  hadRequests: boolean;
  hadLimits: boolean;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
}

/**
 * The resize patch (inplace/resource_updates.go): each request and limit as an "add". Go ranges
 * over a map here, so upstream's order varies; cpu comes first. A limit keeps its original
 * quantity's format, which the playground no longer knows: memory limits print in binary form,
 * as manifests usually write them.
 */
function resizePatches(plans: readonly (ResizePlan | undefined)[]): PatchRecord[] {
  const out: PatchRecord[] = [];
  plans.forEach((plan, i) => {
    if (!plan) return;
    if (!plan.hadRequests && !plan.hadLimits) out.push({ op: 'add', path: `/spec/containers/${i}/resources`, value: {} });
    const add = (field: 'requests' | 'limits', had: boolean, values: ResourceAmounts, memory: (b: number) => string) => {
      const entries = (['cpu', 'memory'] as const).filter((r) => values[r] !== undefined);
      if (!had && entries.length > 0) out.push({ op: 'add', path: `/spec/containers/${i}/resources/${field}`, value: {} });
      for (const r of entries) out.push({ op: 'add', path: `/spec/containers/${i}/resources/${field}/${r}`, value: r === 'cpu' ? formatCpuMillis(values[r]!) : memory(values[r]!) });
    };
    add('requests', plan.hadRequests, plan.requests, formatMemoryBytes);
    add('limits', plan.hadLimits, plan.limits, formatMemoryBinary);
  });
  return out;
}

/**
 * InPlaceUpdate: the two patch calculators (resources, then the vpaInPlaceUpdated annotation), the
 * /resize patch, then the annotations patch (led by an empty-annotations "add" for a pod without any).
 */
export function inPlaceUpdateLines(pod: Pod, plans: readonly (ResizePlan | undefined)[]): CaLogLine[] {
  const out: CaLogLine[] = [infoS(2, 'recommendation_provider.go:121', 'Updating requirements for pod', { pod: podRef(pod) })];
  plans.forEach((plan, i) => {
    if (!plan) out.push(infoS(2, 'recommendation_provider.go:61', 'No recommendation found for container, skipping', { container: pod.spec.containers[i].name }));
  });
  const resize = resizePatches(plans);
  const annotation: PatchRecord = { op: 'add', path: '/metadata/annotations/vpaInPlaceUpdated', value: 'true' };
  const annotations: PatchRecord[] = Object.keys(pod.spec.annotations).length === 0 ? [{ op: 'add', path: '/metadata/annotations', value: {} }, annotation] : [annotation];
  out.push(
    infoS(4, 'pods_inplace_restriction.go:128', 'Calculated patches for pod', { pod: podRef(pod), patches: goJson(resize) }),
    infoS(4, 'pods_inplace_restriction.go:128', 'Calculated patches for pod', { pod: podRef(pod), patches: goJson([annotation]) }),
    infoS(4, 'pods_inplace_restriction.go:145', 'In-place patched pod /resize subresource using patches', { pod: podRef(pod), patches: goJsonText(resize) }),
    infoS(4, 'pods_inplace_restriction.go:156', 'Patched pod annotations', { pod: podRef(pod), patches: goJsonText(annotations) }),
  );
  return out;
}
