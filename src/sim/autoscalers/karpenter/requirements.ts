import type { NodeSelectorRequirement, RequirementOperator, Taint, Toleration } from './types';

/**
 * Requirement sets as Karpenter models them (pkg/scheduling/requirement.go): each key maps to a
 * set of allowed values that is either listed (In) or a complement (NotIn/Exists), optionally
 * bounded by Gt/Lt. Intersecting two sets narrows what a NodeClaim may become.
 */
export interface Requirement {
  key: string;
  complement: boolean;
  values: ReadonlySet<string>;
  greaterThan?: number;
  lessThan?: number;
  minValues?: number;
}

export type Requirements = ReadonlyMap<string, Requirement>;

export const LABEL_CAPACITY_TYPE = 'karpenter.sh/capacity-type';
export const LABEL_NODEPOOL = 'karpenter.sh/nodepool';
export const LABEL_INSTANCE_TYPE = 'node.kubernetes.io/instance-type';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';
export const LABEL_REGION = 'topology.kubernetes.io/region';
export const LABEL_ARCH = 'kubernetes.io/arch';
export const LABEL_OS = 'kubernetes.io/os';
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_INSTANCE_FAMILY = 'karpenter.k8s.aws/instance-family';
export const LABEL_INSTANCE_CATEGORY = 'karpenter.k8s.aws/instance-category';
export const LABEL_INSTANCE_GENERATION = 'karpenter.k8s.aws/instance-generation';
export const LABEL_INSTANCE_CPU = 'karpenter.k8s.aws/instance-cpu';
export const LABEL_INSTANCE_MEMORY = 'karpenter.k8s.aws/instance-memory';
export const LABEL_INSTANCE_SIZE = 'karpenter.k8s.aws/instance-size';

/** Labels Karpenter knows the values of even when a NodePool does not mention them. */
export const WELL_KNOWN_LABELS: ReadonlySet<string> = new Set([
  LABEL_CAPACITY_TYPE,
  LABEL_NODEPOOL,
  LABEL_INSTANCE_TYPE,
  LABEL_ZONE,
  LABEL_REGION,
  LABEL_ARCH,
  LABEL_OS,
  LABEL_INSTANCE_FAMILY,
  LABEL_INSTANCE_CATEGORY,
  LABEL_INSTANCE_GENERATION,
  LABEL_INSTANCE_CPU,
  LABEL_INSTANCE_MEMORY,
  LABEL_INSTANCE_SIZE,
]);

export function requirementFrom(r: NodeSelectorRequirement): Requirement {
  const values = new Set(r.values ?? []);
  const base = { key: r.key, minValues: r.minValues };
  switch (r.operator) {
    case 'In':
      return { ...base, complement: false, values };
    case 'NotIn':
      return { ...base, complement: true, values };
    case 'Exists':
      return { ...base, complement: true, values: new Set() };
    case 'DoesNotExist':
      return { ...base, complement: false, values: new Set() };
    case 'Gt':
      return { ...base, complement: true, values: new Set(), greaterThan: Number(r.values?.[0]) };
    case 'Lt':
      return { ...base, complement: true, values: new Set(), lessThan: Number(r.values?.[0]) };
  }
}

function withinBounds(r: Pick<Requirement, 'greaterThan' | 'lessThan'>, value: string): boolean {
  if (r.greaterThan === undefined && r.lessThan === undefined) return true;
  const n = Number(value);
  if (!Number.isInteger(n)) return false;
  return (r.greaterThan === undefined || n > r.greaterThan) && (r.lessThan === undefined || n < r.lessThan);
}

export function requirementHas(r: Requirement, value: string): boolean {
  if (!withinBounds(r, value)) return false;
  return r.complement ? !r.values.has(value) : r.values.has(value);
}

/** Number of allowed values; complements count as unbounded. */
export function requirementSize(r: Requirement): number {
  if (r.complement) {
    if (r.greaterThan !== undefined && r.lessThan !== undefined && r.lessThan - r.greaterThan <= 1) return 0;
    return Number.POSITIVE_INFINITY;
  }
  return r.values.size;
}

export function operatorOf(r: Requirement): RequirementOperator {
  if (r.greaterThan !== undefined) return 'Gt';
  if (r.lessThan !== undefined) return 'Lt';
  if (r.complement) return r.values.size > 0 ? 'NotIn' : 'Exists';
  return r.values.size > 0 ? 'In' : 'DoesNotExist';
}

function maxDefined(a?: number, b?: number): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}
function minDefined(a?: number, b?: number): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

export function intersectRequirement(a: Requirement, b: Requirement): Requirement {
  const greaterThan = maxDefined(a.greaterThan, b.greaterThan);
  const lessThan = minDefined(a.lessThan, b.lessThan);
  const minValues = maxDefined(a.minValues, b.minValues);
  const bounds = { greaterThan, lessThan };
  if (a.complement && b.complement) {
    return { key: a.key, complement: true, values: new Set([...a.values, ...b.values]), ...bounds, minValues };
  }
  const listed = !a.complement ? a : b;
  const other = listed === a ? b : a;
  const values = [...listed.values].filter(
    (v) => (other.complement ? !other.values.has(v) : other.values.has(v)) && withinBounds(bounds, v),
  );
  return { key: a.key, complement: false, values: new Set(values), minValues };
}

export function requirementsFrom(reqs: readonly NodeSelectorRequirement[]): Map<string, Requirement> {
  const out = new Map<string, Requirement>();
  for (const r of reqs) addRequirement(out, requirementFrom(r));
  return out;
}

/** Labels as exact-value requirements (a label `k=v` means `k In [v]`). */
export function requirementsFromLabels(labels: Record<string, string>): Map<string, Requirement> {
  const out = new Map<string, Requirement>();
  for (const [key, value] of Object.entries(labels)) {
    addRequirement(out, { key, complement: false, values: new Set([value]) });
  }
  return out;
}

function addRequirement(into: Map<string, Requirement>, r: Requirement): void {
  const existing = into.get(r.key);
  into.set(r.key, existing ? intersectRequirement(existing, r) : r);
}

/** Intersection of two requirement sets (keys from both). */
export function intersectRequirements(a: Requirements, b: Requirements): Map<string, Requirement> {
  const out = new Map(a);
  for (const r of b.values()) addRequirement(out, r);
  return out;
}

const NEGATIVE_OPERATORS: ReadonlySet<RequirementOperator> = new Set(['NotIn', 'DoesNotExist']);

/**
 * Karpenter's Intersects: every shared key must leave some value, except that two negative
 * requirements (NotIn/DoesNotExist) never conflict. Returns the first conflict or undefined.
 */
export function intersectsError(existing: Requirements, incoming: Requirements): string | undefined {
  for (const [key, inc] of incoming) {
    const ex = existing.get(key);
    if (!ex) continue;
    if (requirementSize(intersectRequirement(ex, inc)) > 0) continue;
    if (NEGATIVE_OPERATORS.has(operatorOf(inc)) && NEGATIVE_OPERATORS.has(operatorOf(ex))) continue;
    return `key ${key}, ${describe(inc)} not in ${describe(ex)}`;
  }
  return undefined;
}

/**
 * Karpenter's Compatible (with AllowUndefinedWellKnownLabels): shared keys must intersect, and a
 * pod may only require a custom label the node side defines, unless it asks for its absence.
 */
export function compatibilityError(node: Requirements, pod: Requirements): string | undefined {
  for (const [key, r] of pod) {
    if (node.has(key) || WELL_KNOWN_LABELS.has(key)) continue;
    if (NEGATIVE_OPERATORS.has(operatorOf(r))) continue;
    return `label "${key}" does not have known values`;
  }
  return intersectsError(node, pod);
}

export function isCompatible(node: Requirements, pod: Requirements): boolean {
  return compatibilityError(node, pod) === undefined;
}

export function describe(r: Requirement): string {
  const op = operatorOf(r);
  if (op === 'Gt') return `${r.key} Gt ${r.greaterThan}`;
  if (op === 'Lt') return `${r.key} Lt ${r.lessThan}`;
  if (op === 'Exists' || op === 'DoesNotExist') return `${r.key} ${op}`;
  return `${r.key} ${op} [${[...r.values].sort().join(',')}]`;
}

/**
 * The pod's scheduling requirements: nodeSelector ANDed with each required node-affinity term.
 * Several terms give several alternatives, tried in order as Karpenter does.
 */
export function podRequirementAlternatives(pod: {
  nodeSelector?: Record<string, string>;
  requiredNodeAffinity?: NodeSelectorRequirement[][];
}): Map<string, Requirement>[] {
  const selector = requirementsFromLabels(pod.nodeSelector ?? {});
  const terms = pod.requiredNodeAffinity?.filter((t) => t.length > 0) ?? [];
  if (terms.length === 0) return [selector];
  return terms.map((t) => intersectRequirements(selector, requirementsFrom(t)));
}

function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

/** Taints with NoSchedule/NoExecute that no toleration matches (PreferNoSchedule never blocks). */
export function untoleratedTaints(taints: readonly Taint[], tolerations: readonly Toleration[] = []): Taint[] {
  return taints.filter((taint) => taint.effect !== 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint)));
}
