import { schedule, type QueueEntry } from '../core/eventQueue';
import { emitEvent } from '../core/world';
import type { Node, NodeState, Pod, PodPhaseState, World } from '../core/types';
import { compileTransitionTable } from './transitionTable';
import { podMachine } from './podMachine';
import { nodeMachine } from './nodeMachine';
import { nodeDelayMs, podDelayMs } from './durations';
import { onNodeEnter, onPodEnter, onPodLeave } from './effects';

export const POD_TABLE = compileTransitionTable(podMachine);
export const NODE_TABLE = compileTransitionTable(nodeMachine);

/** Send a lifecycle event to a pod; returns whether it changed state. */
export function sendPod(world: World, pod: Pod, event: string): boolean {
  const target = POD_TABLE.next[pod.state]?.[event];
  if (!target) return false;
  if (event === 'EVICT' && world.totals) world.totals.podsEvicted++;
  enterPodState(world, pod, target as PodPhaseState);
  return true;
}

export function enterPodState(world: World, pod: Pod, target: PodPhaseState): void {
  const from = pod.state;
  onPodLeave(world, pod, from);
  pod.state = target;
  pod.epoch++;
  if (from === 'Ready' || target === 'Ready') world.readyVersion++;
  world.workloadsDirty = true;
  onPodEnter(world, pod, from);
  if (pod.state !== target) return; // an entry effect moved it on
  for (const timer of POD_TABLE.timers[target] ?? []) {
    const node = world.nodes.get(pod.nodeName);
    schedule(world.queue, {
      atMs: world.timeMs + podDelayMs(timer.delay, pod, node, world.rng),
      kind: 'pod',
      key: pod.name,
      epoch: pod.epoch,
      event: timer.event,
    });
  }
}

export function sendNode(world: World, node: Node, event: string): boolean {
  const target = NODE_TABLE.next[node.state]?.[event];
  if (!target) return false;
  enterNodeState(world, node, target as NodeState);
  return true;
}

export function enterNodeState(world: World, node: Node, target: NodeState): void {
  const from = node.state;
  node.state = target;
  node.epoch++;
  world.schedulerDirty = true;
  onNodeEnter(world, node, from);
  if (node.state !== target) return;
  for (const timer of NODE_TABLE.timers[target] ?? []) {
    schedule(world.queue, {
      atMs: world.timeMs + nodeDelayMs(timer.delay, world.rng),
      kind: 'node',
      key: node.name,
      epoch: node.epoch,
      event: timer.event,
    });
  }
}

/** A lifecycle timer came due: apply it unless the object moved on since it was set. */
export function fireLifecycleTimer(world: World, entry: QueueEntry): void {
  if (entry.kind === 'pod') {
    const pod = world.pods.get(entry.key);
    if (pod && pod.epoch === entry.epoch) sendPod(world, pod, entry.event);
  } else if (entry.kind === 'node') {
    const node = world.nodes.get(entry.key);
    if (node && node.epoch === entry.epoch) sendNode(world, node, entry.event);
  }
}

export function podIsActive(pod: Pod): boolean {
  return pod.state !== 'Terminating' && pod.state !== 'Gone' && pod.state !== 'Evicted' && pod.state !== 'Succeeded';
}

export function nodeIsSchedulable(node: Node): boolean {
  return node.state === 'Ready' && !node.unschedulable;
}

export { emitEvent };
