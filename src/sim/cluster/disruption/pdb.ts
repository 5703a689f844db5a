import type { LabelSelector, Pod, World } from '../../core/types';
import { matchesLabelSelector } from '../scheduling/filter';

/**
 * policy/v1 PodDisruptionBudget and the status kube-controller-manager's disruption controller
 * computes for it (kubernetes/kubernetes pkg/controller/disruption/disruption.go:
 * getExpectedPodCount, countHealthyPods, updatePdbStatus). The World has no field for it, so the
 * objects live as plain data under world.autoscalers[PDB_KEY], keyed "namespace/name".
 */

export type IntOrPercent = number | string;

export interface PodDisruptionBudget {
  name: string;
  namespace: string;
  minAvailable?: IntOrPercent;
  maxUnavailable?: IntOrPercent;
  selector: LabelSelector;
  generation: number;
  createdMs: number;
}

export interface PdbStatus {
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
  expectedPods: number;
}

export const PDB_KEY = 'podDisruptionBudgets';

type Store = Record<string, PodDisruptionBudget>;

function store(world: World): Store {
  return ((world.autoscalers[PDB_KEY] as Store | undefined) ??= {});
}

export function listPdbs(world: World): PodDisruptionBudget[] {
  const s = world.autoscalers[PDB_KEY] as Store | undefined;
  if (!s) return [];
  return Object.values(s).sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

export function getPdb(world: World, namespace: string, name: string): PodDisruptionBudget | undefined {
  return (world.autoscalers[PDB_KEY] as Store | undefined)?.[`${namespace}/${name}`];
}

export function putPdb(world: World, pdb: Omit<PodDisruptionBudget, 'generation' | 'createdMs'>): 'created' | 'configured' | 'unchanged' {
  const s = store(world);
  const key = `${pdb.namespace}/${pdb.name}`;
  const prev = s[key];
  const same = prev && JSON.stringify([prev.minAvailable, prev.maxUnavailable, prev.selector]) === JSON.stringify([pdb.minAvailable, pdb.maxUnavailable, pdb.selector]);
  if (prev && same) return 'unchanged';
  s[key] = { ...pdb, generation: (prev?.generation ?? 0) + 1, createdMs: prev?.createdMs ?? world.timeMs };
  return prev ? 'configured' : 'created';
}

export function deletePdb(world: World, namespace: string, name: string): void {
  delete store(world)[`${namespace}/${name}`];
}

/** intstr.GetScaledValueFromIntOrPercent with roundUp = true, as the disruption controller calls it. */
export function scaledValue(v: IntOrPercent, total: number): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number(v);
  return Math.ceil((Number(m[1]) * total) / 100);
}

/** Pods the PDB selects (same namespace; an empty selector selects every pod there, in policy/v1). */
export function podsOfPdb(world: World, pdb: PodDisruptionBudget): Pod[] {
  const empty = Object.keys(pdb.selector.matchLabels ?? {}).length === 0 && (pdb.selector.matchExpressions ?? []).length === 0;
  const out: Pod[] = [];
  for (const p of world.pods.values()) {
    if (p.namespace !== pdb.namespace || p.state === 'Gone') continue;
    if (empty || matchesLabelSelector(pdb.selector, p.labels)) out.push(p);
  }
  return out;
}

export function isPodReady(p: Pod): boolean {
  return p.state === 'Ready';
}

/**
 * The pure decision, over counts: `pods` selected, how many are healthy (Ready and not being
 * deleted), and the scale of their controllers (needed for percentages and maxUnavailable).
 */
export function computePdbStatus(
  spec: { minAvailable?: IntOrPercent; maxUnavailable?: IntOrPercent },
  selectedPods: number,
  healthy: number,
  controllerScale: number,
): PdbStatus {
  let expected = 0;
  let desired = 0;
  if (spec.maxUnavailable !== undefined) {
    expected = controllerScale;
    desired = Math.max(0, expected - scaledValue(spec.maxUnavailable, expected));
  } else if (spec.minAvailable !== undefined) {
    if (typeof spec.minAvailable === 'number') {
      desired = spec.minAvailable;
      expected = selectedPods;
    } else {
      expected = controllerScale;
      desired = scaledValue(spec.minAvailable, expected);
    }
  }
  // updatePdbStatus: no disruptions while no pods are expected (first pods not yet seen).
  let allowed = healthy - desired;
  if (expected <= 0 || allowed <= 0) allowed = 0;
  return { currentHealthy: healthy, desiredHealthy: desired, disruptionsAllowed: allowed, expectedPods: expected };
}

/** getExpectedScale: each distinct controller's desired replicas (a Deployment's spec.replicas). */
function controllerScale(world: World, pods: readonly Pod[]): number {
  const seen = new Set<string>();
  let total = 0;
  for (const p of pods) {
    if (p.ownerKind === 'ReplicaSet' && p.deployment) {
      const key = `Deployment/${p.namespace}/${p.deployment}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total += world.deployments.get(p.deployment)?.replicas ?? 0;
    } else if (p.ownerKind === 'ReplicaSet') {
      const key = `ReplicaSet/${p.namespace}/${p.ownerName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total += world.replicaSets.get(p.ownerName)?.replicas ?? 0;
    } else {
      // Bare pods and DaemonSet pods have no scale subresource the controller can read;
      // upstream reports an error and leaves the budget at 0 disruptions.
      return -1;
    }
  }
  return total;
}

export function pdbStatus(world: World, pdb: PodDisruptionBudget): PdbStatus {
  const pods = podsOfPdb(world, pdb);
  const healthy = pods.filter((p) => p.state !== 'Terminating' && isPodReady(p)).length;
  const needsScale = pdb.maxUnavailable !== undefined || typeof pdb.minAvailable === 'string';
  const scale = needsScale ? controllerScale(world, pods) : 0;
  if (scale < 0) return { currentHealthy: healthy, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  return computePdbStatus(pdb, pods.length, healthy, scale);
}

/** The PDBs that select this pod. */
export function pdbsForPod(world: World, pod: Pod): PodDisruptionBudget[] {
  return pdbsSelecting(listPdbs(world), pod);
}

/** The budgets of `pdbs` (listPdbs' order) that select the pod: for callers that look up many pods at once. */
export function pdbsSelecting(pdbs: readonly PodDisruptionBudget[], pod: Pod): PodDisruptionBudget[] {
  return pdbs.filter((b) => {
    if (b.namespace !== pod.namespace) return false;
    const empty = Object.keys(b.selector.matchLabels ?? {}).length === 0 && (b.selector.matchExpressions ?? []).length === 0;
    return empty || matchesLabelSelector(b.selector, pod.labels);
  });
}
