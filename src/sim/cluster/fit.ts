/**
 * kube-scheduler's NodeResourcesFit filter (pkg/scheduler/framework/plugins/noderesources/fit.go),
 * over generic resource maps so it can answer the fidelity vectors as well as the engine.
 */
export type ResourceMap = Record<string, number>;

/** Effective request: max(sum of app containers, largest init container) + pod overhead. */
export function effectiveRequest(
  containers: ResourceMap[],
  initContainers: ResourceMap[] = [],
  overhead: ResourceMap | null = null,
): ResourceMap {
  const out: ResourceMap = {};
  for (const c of containers) for (const [k, v] of Object.entries(c)) out[k] = (out[k] ?? 0) + v;
  for (const c of initContainers) for (const [k, v] of Object.entries(c)) out[k] = Math.max(out[k] ?? 0, v);
  if (overhead) for (const [k, v] of Object.entries(overhead)) out[k] = (out[k] ?? 0) + v;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

const ORDER = ['cpu', 'memory', 'ephemeral-storage'];

/** Reasons the pod does not fit, in kube-scheduler's order; empty when it fits. */
export function fitReasons(
  request: ResourceMap,
  allocatable: ResourceMap,
  requested: ResourceMap,
  podsOnNode: number,
): string[] {
  const reasons: string[] = [];
  if (podsOnNode + 1 > (allocatable.pods ?? 0)) reasons.push('Too many pods');
  const names = Object.keys(request).sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  for (const name of names) {
    const want = request[name];
    if (name === 'pods' || want === 0) continue;
    const free = (allocatable[name] ?? 0) - (requested[name] ?? 0);
    if (want > free) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}
