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

/** Not on its way out or finished: counted toward its owner's replicas. */
export function podIsActive(pod: Pod): boolean {
  return pod.state !== 'Terminating' && pod.state !== 'Gone' && pod.state !== 'Evicted' && pod.state !== 'Succeeded';
}
