import { schedule, type QueueEntry } from '../core/eventQueue';
import { emitEvent } from '../core/world';
import type { Node, NodeState, Pod, PodPhaseState, World } from '../core/types';
import { removePod, setCondition } from '../cluster/pods';
import { notePodChanged } from '../cluster/podChanges';
import { noteReadyChange } from '../cluster/readyChanges';
import { createDaemonSetPodsForNode } from '../cluster/daemonSets';
import { notePodLeftActive } from '../cluster/activePodCount';
import { checkEviction } from '../cluster/disruption/eviction';
import { compileTransitionTable } from './transitionTable';
import { podMachine } from './podMachine';
import { nodeMachine } from './nodeMachine';
import { nodeDelayMs, podDelayMs } from './durations';
import { DEFAULT_UNREACHABLE_TOLERATION_SECONDS, NODE_MONITOR_GRACE_SECONDS } from './nodeHealth';
import { podIsActive } from './phase';
import { noteNodeStateChange } from './nodeChanges';

// Re-exported: most callers take the pod lifecycle from this module.
export { podIsActive };

// The state transitions and the entry effects live in one module: an effect moves objects on
// (a drained node terminates, a lost node's pods go), so splitting them made an import cycle.

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
  if (!podIsActive(pod)) notePodLeftActive(world, pod);
  pod.epoch++;
  notePodChanged(world, pod);
  if (from === 'Ready' || target === 'Ready') {
    world.readyVersion++;
    noteReadyChange(world, pod);
  }
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
  noteNodeStateChange(world, from, target);
  node.epoch++;
  world.schedulerDirty = true;
  // Endpoints follow node readiness (the node lifecycle controller marks its pods not Ready).
  if (from === 'NotReady' || target === 'NotReady') world.readyVersion++;
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
    if (!pod || pod.epoch !== entry.epoch) return;
    // A pod on a node that stopped responding does not turn Ready: nothing reports its readiness
    // probe. The node's return starts the probe again (onNodeEnter).
    if (POD_TABLE.next[pod.state]?.[entry.event] === 'Ready' && world.nodes.get(pod.nodeName)?.state === 'NotReady') return;
    sendPod(world, pod, entry.event);
  } else if (entry.kind === 'node') {
    const node = world.nodes.get(entry.key);
    if (node && node.epoch === entry.epoch) sendNode(world, node, entry.event);
  }
}


export function nodeIsSchedulable(node: Node): boolean {
  return node.state === 'Ready' && !node.unschedulable;
}

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
      // Back from Ready, or its readiness probe starting again: the containers never stopped.
      if (from === 'Ready' || from === 'Running') break;
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
      createDaemonSetPodsForNode(world, node, (pod) => enterPodState(world, pod, 'Scheduled'));
      break;
    case 'Ready':
      if (from === 'Cordoned' || from === 'Draining') {
        node.unschedulable = false;
        nodeEvent(world, node, 'Normal', 'NodeSchedulable', `Node ${node.name} status is now: NodeSchedulable`);
      } else {
        if (node.readyMs < 0) node.readyMs = now;
        nodeEvent(world, node, 'Normal', 'NodeReady', `Node ${node.name} status is now: NodeReady`);
        // The kubelet reports again: its running pods' readiness probes decide anew.
        if (from === 'NotReady') for (const pod of podsOn(world, node)) if (pod.state === 'Running') enterPodState(world, pod, 'Running');
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
      // node_lifecycle_controller.go MarkPodsNotReady: every pod on it has Ready=False from now on.
      for (const pod of podsOn(world, node)) if (pod.state === 'Ready') sendPod(world, pod, 'NODE_UNREACHABLE');
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
  const karpenter = node.karpenterDrain;
  const force = karpenter !== undefined && karpenter.forceAtMs >= 0 && world.timeMs >= karpenter.forceAtMs;
  for (const pod of podsOn(world, node)) {
    if (pod.ownerKind === 'DaemonSet') continue;
    if (pod.state !== 'Terminating' && (force || drainMayEvict(world, node, pod))) sendPod(world, pod, 'EVICT');
    if (world.pods.has(pod.name)) remaining++;
  }
  if (remaining === 0) sendNode(world, node, 'DRAINED');
}

/**
 * Karpenter's terminator never evicts a pod with karpenter.sh/do-not-disrupt: "true"
 * (pkg/utils/pod/scheduling.go IsEvictable) yet still waits for it (IsDrainable), so such a pod
 * holds the drain until its NodeClaim's terminationGracePeriod. Everyone else goes through the
 * Eviction API, where PodDisruptionBudgets can refuse.
 */
function drainMayEvict(world: World, node: Node, pod: Pod): boolean {
  if (node.karpenterDrain && pod.spec.annotations['karpenter.sh/do-not-disrupt'] === 'true') return false;
  return checkEviction(world, pod).ok;
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

export { emitEvent };
