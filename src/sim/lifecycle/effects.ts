import { schedule } from '../core/eventQueue';
import type { Node, NodeState, Pod, PodPhaseState, World } from '../core/types';
import { emitEvent } from '../core/world';
import { removePod, setCondition } from '../cluster/pods';
import { createDaemonSetPodsForNode } from '../cluster/daemonSets';
import { enterPodState, sendNode, sendPod } from './apply';
import { checkEviction } from '../cluster/disruption/eviction';
import { DEFAULT_UNREACHABLE_TOLERATION_SECONDS, NODE_MONITOR_GRACE_SECONDS } from './nodeHealth';

const NODE_MONITOR_GRACE_MS = NODE_MONITOR_GRACE_SECONDS * 1000;
const DEFAULT_UNREACHABLE_TOLERATION_MS = DEFAULT_UNREACHABLE_TOLERATION_SECONDS * 1000;

function podEvent(world: World, pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, source = 'kubelet') {
  emitEvent(world, { kind: 'Pod', name: pod.name, namespace: pod.namespace, type, reason, message, source });
}

export function onPodLeave(world: World, pod: Pod, from: PodPhaseState): void {
  if (from === 'Ready') {
    setCondition(pod, 'Ready', 'False', world.timeMs);
    setCondition(pod, 'ContainersReady', 'False', world.timeMs);
  }
}

export function onPodEnter(world: World, pod: Pod, from: PodPhaseState): void {
  const now = world.timeMs;
  const node = world.nodes.get(pod.nodeName);
  switch (pod.state) {
    case 'Scheduled':
      pod.scheduledMs = now;
      setCondition(pod, 'PodScheduled', 'True', now);
      pod.unschedulableMessage = '';
      podEvent(world, pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.namespace}/${pod.name} to ${pod.nodeName}`, 'default-scheduler');
      break;
    case 'ContainerCreating':
      for (const c of pod.spec.containers) {
        if (node?.pulledImages.includes(c.image)) {
          podEvent(world, pod, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
        } else {
          podEvent(world, pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
        }
      }
      break;
    case 'Running':
      if (pod.startedMs < 0) pod.startedMs = now;
      setCondition(pod, 'Initialized', 'True', now);
      for (const c of pod.spec.containers) {
        if (node && !node.pulledImages.includes(c.image)) {
          node.pulledImages.push(c.image);
          podEvent(world, pod, 'Normal', 'Pulled', `Successfully pulled image "${c.image}"`);
        }
        podEvent(world, pod, 'Normal', 'Created', `Created container ${c.name}`);
        podEvent(world, pod, 'Normal', 'Started', `Started container ${c.name}`);
      }
      if (from === 'CrashLoopBackOff') pod.memoryMiB = 0;
      break;
    case 'Ready':
      pod.readySinceMs = now;
      setCondition(pod, 'ContainersReady', 'True', now);
      setCondition(pod, 'Ready', 'True', now);
      break;
    case 'Terminating':
      pod.deletionMs = now;
      for (const c of pod.spec.containers) podEvent(world, pod, 'Normal', 'Killing', `Stopping container ${c.name}`);
      break;
    case 'OOMKilled':
      pod.restarts++;
      pod.lastTerminationReason = 'OOMKilled';
      break;
    case 'CrashLoopBackOff':
      podEvent(world, pod, 'Warning', 'BackOff', `Back-off restarting failed container ${pod.spec.containers[0]?.name ?? ''} in pod ${pod.name}_${pod.namespace}`);
      break;
    case 'Gone':
      removePod(world, pod);
      break;
    default:
      break;
  }
}

function nodeEvent(world: World, node: Node, type: 'Normal' | 'Warning', reason: string, message: string, source = 'kubelet') {
  emitEvent(world, { kind: 'Node', name: node.name, namespace: '', type, reason, message, source });
}

function podsOn(world: World, node: Node): Pod[] {
  return node.podNames.map((n) => world.pods.get(n)).filter((p): p is Pod => p !== undefined);
}

export function onNodeEnter(world: World, node: Node, from: NodeState): void {
  const now = world.timeMs;
  switch (node.state) {
    case 'Registered':
      nodeEvent(world, node, 'Normal', 'Starting', 'Starting kubelet.');
      nodeEvent(world, node, 'Normal', 'RegisteredNode', `Node ${node.name} event: Registered Node ${node.name} in Controller`, 'node-controller');
      createDaemonSetPodsForNode(world, node);
      break;
    case 'Ready':
      if (from === 'Cordoned' || from === 'Draining') {
        node.unschedulable = false;
        nodeEvent(world, node, 'Normal', 'NodeSchedulable', `Node ${node.name} status is now: NodeSchedulable`);
      } else {
        if (node.readyMs < 0) node.readyMs = now;
        nodeEvent(world, node, 'Normal', 'NodeReady', `Node ${node.name} status is now: NodeReady`);
      }
      break;
    case 'Cordoned':
      node.unschedulable = true;
      if (from === 'Draining') {
        if (node.terminateWhenDrained) sendNode(world, node, 'TERMINATE');
        break;
      }
      nodeEvent(world, node, 'Normal', 'NodeNotSchedulable', `Node ${node.name} status is now: NodeNotSchedulable`);
      break;
    case 'NotReady':
      nodeEvent(world, node, 'Normal', 'NodeNotReady', `Node ${node.name} status is now: NodeNotReady`, 'node-controller');
      schedule(world.queue, {
        atMs: now + NODE_MONITOR_GRACE_MS + DEFAULT_UNREACHABLE_TOLERATION_MS,
        kind: 'taintEviction',
        key: node.name,
        epoch: node.epoch,
        event: 'EVICT',
      });
      break;
    case 'Draining':
      node.unschedulable = true;
      drainStep(world, node);
      break;
    case 'Terminating':
      node.unschedulable = true;
      for (const pod of podsOn(world, node)) sendPod(world, pod, 'NODE_LOST');
      break;
    case 'Gone':
      for (const pod of podsOn(world, node)) if (pod.state !== 'Gone') enterPodState(world, pod, 'Gone');
      world.nodes.delete(node.name);
      if (world.totals) world.totals.nodesTerminated++;
      nodeEvent(world, node, 'Normal', 'RemovingNode', `Node ${node.name} event: Removing Node ${node.name} from Controller`, 'node-controller');
      break;
    default:
      break;
  }
}

/**
 * Evict what a drain evicts (not DaemonSet pods) through the Eviction API, so PodDisruptionBudgets
 * hold: a refused pod stays and is retried on the next step (kubectl drain and Karpenter's
 * terminator retry every few seconds). When nothing is left, the node may go.
 */
export function drainStep(world: World, node: Node): void {
  let remaining = 0;
  for (const pod of podsOn(world, node)) {
    if (pod.ownerKind === 'DaemonSet') continue;
    if (pod.state !== 'Terminating' && checkEviction(world, pod).ok) sendPod(world, pod, 'EVICT');
    if (world.pods.has(pod.name)) remaining++;
  }
  if (remaining === 0) sendNode(world, node, 'DRAINED');
}

/** The taint manager evicts pods from a node that stayed NotReady past the default toleration. */
export function taintEviction(world: World, nodeName: string, epoch: number): void {
  const node = world.nodes.get(nodeName);
  if (!node || node.epoch !== epoch || node.state !== 'NotReady') return;
  for (const pod of podsOn(world, node)) {
    if (pod.ownerKind === 'DaemonSet') continue;
    emitEvent(world, {
      kind: 'Pod',
      name: pod.name,
      namespace: pod.namespace,
      type: 'Normal',
      reason: 'TaintManagerEviction',
      message: `Marking for deletion Pod ${pod.namespace}/${pod.name}`,
      source: 'taint-eviction-controller',
    });
    sendPod(world, pod, 'EVICT');
  }
}
