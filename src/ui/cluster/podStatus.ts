import type { Node } from '../../sim/core/types';
import type { GridPod } from '../../sim/views/gridSlice';
import type { PodStatusKind } from '../theme/palette';

export type { PodStatusKind } from '../theme/palette';

/**
 * How a tile is drawn besides its colour, so that status never rests on colour alone:
 * solid (ready), ring (running, not ready), half (being created), outline (pending),
 * faded (terminating), cross (OOMKilled / CrashLoopBackOff), outlineCross (evicted), dot (completed).
 */
export type TileShape = 'solid' | 'ring' | 'half' | 'outline' | 'faded' | 'cross' | 'outlineCross' | 'dot';

export const POD_STATUS_ORDER: readonly PodStatusKind[] = [
  'ready',
  'notReady',
  'creating',
  'pending',
  'terminating',
  'failed',
  'evicted',
  'completed',
];

export const TILE_SHAPE: Record<PodStatusKind, TileShape> = {
  ready: 'solid',
  notReady: 'ring',
  creating: 'half',
  pending: 'outline',
  terminating: 'faded',
  failed: 'cross',
  evicted: 'outlineCross',
  completed: 'dot',
};

/** The status a tile shows; null for a pod that is gone and should not be drawn. */
export function podStatusKind(pod: GridPod): PodStatusKind | null {
  switch (pod.state) {
    case 'Ready':
      return 'ready';
    case 'Running':
      return 'notReady';
    case 'Scheduled':
    case 'ContainerCreating':
      return 'creating';
    case 'Pending':
      return 'pending';
    case 'Terminating':
      return 'terminating';
    case 'OOMKilled':
    case 'CrashLoopBackOff':
      return 'failed';
    case 'Evicted':
      return 'evicted';
    case 'Succeeded':
      return 'completed';
    case 'Gone':
      return null;
  }
}

/** What a node box shows: the lifecycle state, with a cordoned-but-Ready node counted as cordoned. */
export type NodeVisualState = 'launching' | 'notReadyYet' | 'ready' | 'notReady' | 'cordoned' | 'draining' | 'terminating';

export const NODE_STATE_ORDER: readonly NodeVisualState[] = [
  'launching',
  'notReadyYet',
  'ready',
  'notReady',
  'cordoned',
  'draining',
  'terminating',
];

export function nodeVisualState(node: Node): NodeVisualState | null {
  switch (node.state) {
    case 'Launching':
      return 'launching';
    case 'Registered':
      return 'notReadyYet';
    case 'Ready':
      return node.unschedulable ? 'cordoned' : 'ready';
    case 'NotReady':
      return 'notReady';
    case 'Cordoned':
      return 'cordoned';
    case 'Draining':
      return 'draining';
    case 'Terminating':
      return 'terminating';
    case 'Gone':
      return null;
  }
}

/** The kubectl-style word shown on a node box (`kubectl get nodes` STATUS column), '' for plain Ready. */
export function nodeStatusText(state: NodeVisualState): string {
  switch (state) {
    case 'launching':
      return 'launching';
    case 'notReadyYet':
    case 'notReady':
      return 'NotReady';
    case 'ready':
      return '';
    case 'cordoned':
      return 'SchedulingDisabled';
    case 'draining':
      return 'draining';
    case 'terminating':
      return 'terminating';
  }
}

/** kubectl's STATUS column for a pod (what `kubectl get pods` prints). */
export function podStatusText(pod: GridPod): string {
  switch (pod.state) {
    case 'Ready':
    case 'Running':
      return 'Running';
    case 'Scheduled':
      return 'Pending';
    default:
      return pod.state;
  }
}

/** The workload a pod belongs to, for colouring: its Deployment, DaemonSet, or the pod itself. */
export function workloadOf(pod: GridPod): string {
  if (pod.deployment) return pod.deployment;
  if (pod.ownerKind === 'DaemonSet') return `ds/${pod.ownerName}`;
  if (pod.ownerKind === 'ReplicaSet') return pod.ownerName;
  return `pod/${pod.name}`;
}
