import type { Pod } from '../core/types';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** status.phase as the API reports it, from the pod's lifecycle state. */
export function podPhase(pod: Pod): PodPhase {
  switch (pod.state) {
    case 'Pending':
    case 'Scheduled':
    case 'ContainerCreating':
      return 'Pending';
    case 'Succeeded':
      return 'Succeeded';
    case 'Evicted':
      return 'Failed';
    default:
      return 'Running';
  }
}
