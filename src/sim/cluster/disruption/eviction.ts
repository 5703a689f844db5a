import type { Pod, World } from '../../core/types';
import { isPodReady, pdbsForPod, pdbStatus } from './pdb';

/**
 * The Eviction API (kubernetes/kubernetes pkg/registry/core/pod/storage/eviction.go), the one path
 * kubectl drain, the Cluster Autoscaler, Karpenter's terminator and the VPA updater all use:
 * pods that are Pending, finished or already being deleted go without a budget check; a pod
 * selected by more than one PDB is refused; otherwise the budget must allow one disruption. An
 * evicted pod starts terminating at once, so it stops counting as healthy for the next eviction
 * in the same instant (upstream records it in status.disruptedPods for the same effect).
 * Callers send the pod its EVICT event when the check passes (this module stays below lifecycle/).
 */

export type EvictionResult = { ok: true } | { ok: false; code: 429 | 500; message: string };

export const PDB_VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

export function checkEviction(world: World, pod: Pod): EvictionResult {
  if (pod.state === 'Pending' || pod.state === 'Succeeded' || pod.state === 'Terminating' || pod.state === 'Gone') return { ok: true };
  const pdbs = pdbsForPod(world, pod);
  if (pdbs.length === 0) return { ok: true };
  if (pdbs.length > 1) return { ok: false, code: 500, message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' };
  const status = pdbStatus(world, pdbs[0]);
  // unhealthyPodEvictionPolicy IfHealthyBudget: an unready pod may go while the budget is met.
  if (!isPodReady(pod) && status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0) return { ok: true };
  if (status.disruptionsAllowed <= 0) return { ok: false, code: 429, message: PDB_VIOLATION };
  return { ok: true };
}
