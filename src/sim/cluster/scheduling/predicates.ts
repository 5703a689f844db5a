import type { Node, Pod, Taint } from '../../core/types';
import { firstUntoleratedTaint, matchesNodeAffinity as matchesAffinity } from './filter';

export { tolerates } from './filter';

export function toleratesAll(tolerations: Pod['spec']['tolerations'], taints: Taint[]): boolean {
  return firstUntoleratedTaint(tolerations, taints.filter((t) => t.effect !== 'PreferNoSchedule')) === undefined;
}

export function untoleratedTaint(pod: Pod, node: Node): Taint | undefined {
  return firstUntoleratedTaint(pod.spec.tolerations, node.taints);
}

/** nodeSelector AND (any one of the required node-affinity terms). */
export function matchesNodeAffinity(pod: Pod, labels: Record<string, string>): boolean {
  return matchesAffinity(pod.spec, labels);
}
