import type { Node, NodeSelectorRequirement, Pod, Taint, Toleration } from '../../core/types';

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

export function toleratesAll(tolerations: Toleration[], taints: Taint[]): boolean {
  return taints.every((taint) => tolerations.some((t) => tolerates(t, taint)));
}

export function untoleratedTaint(pod: Pod, node: Node): Taint | undefined {
  return node.taints.find(
    (taint) => taint.effect !== 'PreferNoSchedule' && !pod.spec.tolerations.some((t) => tolerates(t, taint)),
  );
}

function requirementMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const v = labels[r.key];
  switch (r.operator) {
    case 'In':
      return v !== undefined && (r.values ?? []).includes(v);
    case 'NotIn':
      return v === undefined || !(r.values ?? []).includes(v);
    case 'Exists':
      return v !== undefined;
    case 'DoesNotExist':
      return v === undefined;
    case 'Gt':
      return v !== undefined && Number(v) > Number(r.values?.[0]);
    case 'Lt':
      return v !== undefined && Number(v) < Number(r.values?.[0]);
  }
}

/** nodeSelector AND (any one of the required node-affinity terms). */
export function matchesNodeAffinity(pod: Pod, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(pod.spec.nodeSelector)) if (labels[k] !== v) return false;
  const terms = pod.spec.requiredNodeAffinity;
  if (terms.length === 0) return true;
  return terms.some((term) => term.every((r) => requirementMatches(r, labels)));
}
