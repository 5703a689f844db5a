/**
 * The VPA admission controller: when a pod of a VPA in Initial/Recreate/Auto/InPlaceOrRecreate
 * mode is created (or resized in place), its requests become the recommendation's target.
 * Limits follow proportionally so the request:limit ratio is kept (RequestsAndLimits), or are left
 * alone (RequestsOnly). Upstream: pkg/admission-controller/resource/pod/recommendation and
 * pkg/utils/vpa/limit_proportion_maintaining.go.
 */
import {
  containerPolicyFor,
  effectiveUpdateMode,
  type RecommendedContainerResources,
  type ResourceAmounts,
  type VerticalPodAutoscalerSpec,
  type VpaResourceName,
} from './types';

export interface ContainerResources {
  name: string;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
}

export interface AdmissionChange {
  container: string;
  resource: VpaResourceName;
  field: 'request' | 'limit';
  from: number | undefined;
  to: number | undefined;
}

export interface AdmissionResult {
  containers: ContainerResources[];
  changes: AdmissionChange[];
}

/**
 * The limit that keeps the original limit:request ratio. Integer arithmetic truncates, as upstream's
 * big-int scaling does. No original limit → no limit; no original request → limit = request.
 */
export function proportionalLimit(
  originalLimit: number | undefined,
  originalRequest: number | undefined,
  newRequest: number | undefined,
): number | undefined {
  if (originalLimit === undefined || originalLimit === 0) return undefined;
  if (newRequest === undefined || newRequest === 0) return undefined;
  if (originalRequest === undefined || originalRequest === 0) return newRequest;
  if (originalRequest === originalLimit) return newRequest;
  return Math.trunc((originalLimit * newRequest) / originalRequest);
}

/**
 * capping.go capRecommendationToContainerLimit: with controlledValues RequestsOnly the limit stays,
 * so target and bounds are capped at the container's limit (a request above its limit would be
 * rejected by the API server). The VPA status keeps the uncapped numbers.
 */
export function capToContainerLimits(rec: RecommendedContainerResources, limits: ResourceAmounts): RecommendedContainerResources {
  const cap = (a: ResourceAmounts): ResourceAmounts => {
    const out: ResourceAmounts = { ...a };
    for (const r of ['cpu', 'memory'] as const) {
      const limit = limits[r];
      const v = out[r];
      if (limit !== undefined && limit > 0 && v !== undefined && v > limit) out[r] = limit;
    }
    return out;
  };
  return { ...rec, target: cap(rec.target), lowerBound: cap(rec.lowerBound), upperBound: cap(rec.upperBound) };
}

/** Whether the admission controller rewrites pods of this VPA at creation. */
export function admissionApplies(spec: VerticalPodAutoscalerSpec): boolean {
  return effectiveUpdateMode(spec) !== 'Off';
}

export function applyRecommendation(
  containers: readonly ContainerResources[],
  recommendations: readonly RecommendedContainerResources[],
  spec: VerticalPodAutoscalerSpec,
): AdmissionResult {
  const changes: AdmissionChange[] = [];
  if (!admissionApplies(spec)) return { containers: containers.map((c) => ({ ...c })), changes };
  const out = containers.map((c) => {
    const found = recommendations.find((r) => r.containerName === c.name);
    const policy = containerPolicyFor(spec, c.name);
    if (!found || policy?.mode === 'Off') return { ...c, requests: { ...c.requests }, limits: { ...c.limits } };
    const rec = policy?.controlledValues === 'RequestsOnly' ? capToContainerLimits(found, c.limits) : found;
    const requests: ResourceAmounts = { ...c.requests };
    const limits: ResourceAmounts = { ...c.limits };
    const keepLimits = policy?.controlledValues === 'RequestsOnly';
    for (const r of ['cpu', 'memory'] as const) {
      const target = rec.target[r];
      if (target === undefined) continue;
      if (requests[r] !== target) {
        changes.push({ container: c.name, resource: r, field: 'request', from: requests[r], to: target });
      }
      requests[r] = target;
      if (keepLimits) continue;
      const limit = proportionalLimit(c.limits[r], c.requests[r], target);
      if (limit !== c.limits[r]) {
        changes.push({ container: c.name, resource: r, field: 'limit', from: c.limits[r], to: limit });
      }
      if (limit === undefined) delete limits[r];
      else limits[r] = limit;
    }
    return { name: c.name, requests, limits };
  });
  return { containers: out, changes };
}
