/**
 * The world: everything the engine knows at one sim instant. The engine mutates a World in place
 * during `step` (for speed) and `cloneWorld` makes checkpoints; nothing outside src/sim mutates it.
 * Units: CPU in millicores, memory in MiB, time in sim milliseconds unless a name says otherwise.
 */
import type { EventQueue } from './eventQueue';
import type { TimedCommand } from './commands';
import type { Faults } from '../faults/types';
import type { PodTemplate, Resources, Taint } from './podSpecTypes';

export type { Resources, ContainerSpec, Toleration, Taint, NodeSelectorRequirement, PodTemplate, LabelSelector, PodAffinityTerm, TopologySpreadConstraint } from './podSpecTypes';

/** Lifecycle states of a pod (see lifecycle/podMachine.ts). */
export type PodPhaseState =
  | 'Pending'
  | 'Scheduled'
  | 'ContainerCreating'
  | 'Running'
  | 'Ready'
  | 'Terminating'
  | 'Evicted'
  | 'OOMKilled'
  | 'CrashLoopBackOff'
  | 'Succeeded'
  | 'Gone';

export interface PodCondition {
  type: 'PodScheduled' | 'Initialized' | 'ContainersReady' | 'Ready' | 'DisruptionTarget';
  status: 'True' | 'False';
  reason?: string;
  message?: string;
  lastTransitionMs: number;
}

export interface Pod {
  uid: number;
  name: string;
  namespace: string;
  ownerKind: 'ReplicaSet' | 'DaemonSet' | 'None';
  ownerName: string;
  /** The Deployment that owns the ReplicaSet, or '' */
  deployment: string;
  spec: PodTemplate;
  /** Effective request (max of containers sum and the largest init container). */
  request: Resources;
  /** Sum of container limits, 0 where a container has none. */
  limit: Resources;
  nodeName: string;
  /** Pod IP from the node's subnet (VPC CNI), '' until bound. */
  ip: string;
  state: PodPhaseState;
  /**
   * The Ready condition's status and lastTransitionTime, mirrored from `conditions` by
   * setCondition ('' and -1 while the pod has none). The HPA reads them for every pod of its
   * target each sync; the condition list is two more objects to fetch per pod at 30,000 pods.
   */
  readyConditionStatus: 'True' | 'False' | '';
  readyConditionSinceMs: number;
  /** Bumped on every lifecycle transition so that stale timers on the queue are ignored. */
  epoch: number;
  createdMs: number;
  scheduledMs: number;
  startedMs: number;
  readySinceMs: number;
  deletionMs: number;
  restarts: number;
  lastTerminationReason: string;
  conditions: PodCondition[];
  /** Last scheduling failure message, e.g. "0/3 nodes are available: 3 Insufficient cpu." */
  unschedulableMessage: string;
  /** status.nominatedNodeName: the node this pod preempted on and waits for; unset otherwise. */
  nominatedNodeName?: string;
  /**
   * Where this pod's cumulative CPU (millicore-milliseconds, which metrics-server differentiates)
   * is kept: an index into `world.podCpu.used`. See PodCpuLedger.
   */
  cpuSlot: number;
  /** metrics-server's latest sample for this pod (what `kubectl top` and the HPA see), or null. */
  metric: PodMetric | null;
  /** Current working set. */
  memoryMiB: number;
  labels: Record<string, string>;
}

export type NodeState =
  | 'Launching'
  | 'Registered'
  | 'Ready'
  | 'NotReady'
  | 'Cordoned'
  | 'Draining'
  | 'Terminating'
  | 'Gone';

export type CapacityType = 'on-demand' | 'spot';

export interface Node {
  name: string;
  /** Node group (ASG) or Karpenter NodePool name. */
  pool: string;
  poolKind: 'nodeGroup' | 'nodePool' | 'static';
  instanceType: string;
  capacityType: CapacityType;
  zone: string;
  providerId: string;
  labels: Record<string, string>;
  taints: Taint[];
  capacity: { cpuMillis: number; memoryMiB: number; pods: number };
  allocatable: { cpuMillis: number; memoryMiB: number; pods: number };
  /** Sum of requests of pods bound here (not Gone). */
  requested: { cpuMillis: number; memoryMiB: number; pods: number };
  state: NodeState;
  unschedulable: boolean;
  /** Set by an autoscaler that drains a node in order to remove it: terminate once drained. */
  terminateWhenDrained: boolean;
  epoch: number;
  createdMs: number;
  readyMs: number;
  pricePerHour: number;
  /** Images already pulled on this node (pulls are cached per node). */
  pulledImages: string[];
  podNames: string[];
  annotations: Record<string, string>;
  /**
   * Set when Karpenter's terminator drains the node (kubernetes-sigs/karpenter
   * pkg/controllers/node/termination): pods annotated karpenter.sh/do-not-disrupt are not evicted
   * but the drain waits for them; from forceAtMs (the NodeClaim's terminationGracePeriod deadline,
   * -1 when it has none) every remaining pod is deleted, PDBs notwithstanding.
   */
  karpenterDrain?: { forceAtMs: number };
}

export interface Deployment {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  replicas: number;
  template: PodTemplate;
  templateHash: string;
  /** spec.selector.matchLabels, for `kubectl describe` (absent: the template's labels). */
  selector?: Record<string, string>;
  maxSurge: string | number;
  maxUnavailable: string | number;
  createdMs: number;
  generation: number;
  /** Who last set spec.replicas: shown in explanations. */
  lastScaledBy: string;
}

export interface ReplicaSet {
  name: string;
  namespace: string;
  deployment: string;
  templateHash: string;
  template: PodTemplate;
  replicas: number;
  createdMs: number;
}

export interface DaemonSet {
  name: string;
  namespace: string;
  template: PodTemplate;
  createdMs: number;
}

/** One entry of a Service's spec.ports; targetPort defaults to port, as the API server defaults it. */
export interface ServicePort {
  name: string;
  port: number;
  protocol: string;
  targetPort: number | string;
}

export interface Service {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  selector: Record<string, string>;
  clusterIP: string;
  /** PORT(S) as `kubectl get svc` prints it: "80/TCP,443/TCP" or "<none>". */
  ports: string;
  portList: ServicePort[];
  createdMs: number;
}

export interface NodeGroup {
  name: string;
  instanceTypes: string[];
  capacityType: CapacityType;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  zones: string[];
  labels: Record<string, string>;
  taints: Taint[];
  tags: Record<string, string>;
}

/** Traffic into a workload, through its Service. */
export interface LoadSpec {
  target: string;
  /** CPU time one request costs, in millicore-seconds (i.e. CPU-ms). */
  cpuPerRequestMillis: number;
  memoryPerInflightMiB: number;
  /** Closed loop: clients that wait for a response, then think. */
  clients?: { count: number; thinkTimeMs: number };
  /** Open loop: piecewise rps profile. */
  profile?: { atMs: number; rps: number; rampMs: number }[];
  timeoutMs: number;
  /** Load-generator pods (`kubectl run load-generator … -- sh -c "while sleep 0.01; do wget …; done"`):
   * each one that is running is one more closed-loop client with its own think time. */
  generators?: { pod: string; thinkTimeMs: number }[];
  /** Workload model (load/workloadModel.ts): CPU each Ready pod burns on its own, whatever the traffic
   * (e.g. a busy loop); by default read from the containers' busy-loop commands. */
  cpuPerPodMillis?: number;
  /** Working set at rest per pod; default 60% of the template's memory request (32 MiB without one). */
  memoryBaseMiB?: number;
  /** Memory leaked per hour since the container started; past the memory limit the pod is OOMKilled. */
  memoryLeakMiBPerHour?: number;
}

export interface LoadState {
  offeredRps: number;
  servedRps: number;
  droppedRps: number;
  p50LatencyMs: number;
  p95LatencyMs: number;
  backlog: number;
  /** CPU each Ready pod is using now. */
  perPodCpuMillis: number;
  inflightPerPod: number;
}

export interface KubeEvent {
  t: number; // sim seconds
  kind: string;
  namespace: string;
  name: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  source: string;
  count: number;
}

export interface ControllerLog {
  t: number; // sim seconds
  controller: string;
  level: 'INFO' | 'DEBUG' | 'WARN' | 'ERROR';
  message: string;
}

export interface CommandRecord {
  t: number;
  input: string;
  ok: boolean;
  output: string;
}

export interface PodMetric {
  cpuMillis: number;
  memoryMiB: number;
  timestampMs: number;
  windowMs: number;
}

export interface RngState {
  s: number;
}

/** An autoscaler's objects and controller state live in world.autoscalers under its own key. */
export type AutoscalerStates = Record<string, unknown>;

export interface World {
  timeMs: number;
  tickMs: number;
  seed: number;
  rng: RngState;
  scenarioName: string;
  region: string;
  clusterName: string;
  startEpochMs: number;
  nodes: Map<string, Node>;
  pods: Map<string, Pod>;
  deployments: Map<string, Deployment>;
  replicaSets: Map<string, ReplicaSet>;
  daemonSets: Map<string, DaemonSet>;
  services: Map<string, Service>;
  nodeGroups: Map<string, NodeGroup>;
  loads: Map<string, LoadSpec>;
  loadStates: Map<string, LoadState>;
  autoscalers: AutoscalerStates;
  queue: EventQueue;
  /** The most recent events (trimmed to EVENT_RING); eventCount counts every event ever emitted. */
  events: KubeEvent[];
  eventCount: number;
  logs: ControllerLog[];
  logCount: number;
  commands: CommandRecord[];
  /** Commands not yet applied, sorted by time. */
  pendingCommands: TimedCommand[];
  nextUid: number;
  /** Bumped whenever the set of Ready pods, loads, services or deployments changes (invalidates derived indexes). */
  readyVersion: number;
  /**
   * Bumped whenever a pod is created or removed, changes state, is bound, or has its spec or
   * requests replaced, and on every applied command (cluster/podChanges.ts, which also counts the
   * changes per Deployment): views of every pod (the Cluster Autoscaler's, KRR's, the VPA
   * recommender's listing) are reused while it holds.
   */
  podsVersion: number;
  /** Pods not yet bound to a node. */
  pendingPods: Set<string>;
  /** Set when pods or replica counts changed, so workload controllers have work. */
  workloadsDirty: boolean;
  /**
   * Pods by owner, keyed "ReplicaSet/name" or "DaemonSet/name", then by pod name. It holds the
   * same Pod objects as `pods` (checkpoint copies keep the aliasing), so listing an owner's pods
   * needs no lookup per pod.
   */
  ownerIndex: Map<string, Map<string, Pod>>;
  podCpu: PodCpuLedger;
  lastScrapeMs: number;
  /** Set when something happened that could let pending pods schedule (kube-scheduler's queueing hints). */
  schedulerDirty: boolean;
  /** Notices about manifest fields that are valid but not simulated. */
  notices: string[];
  /** Running totals since t=0 for the trace and the scorecard (nodes are deleted from `nodes` when gone). */
  totals?: WorldTotals;
  /** Injected faults (src/sim/faults): absent until the first one. */
  faults?: Faults;
}

export interface WorldTotals {
  /** EC2 instances launched (including the node groups' initial nodes). */
  nodesLaunched: number;
  /** Node objects removed after their instance terminated. */
  nodesTerminated: number;
  /** Pods evicted (drain, taint manager, VPA updater). */
  podsEvicted: number;
}

/**
 * Every pod's cumulative CPU counter in one Float64Array, indexed by `pod.cpuSlot`. The load model
 * adds to every Ready pod's counter every tick: a flat array takes those writes without visiting
 * each pod object and the boxed number a double field would be. A removed pod's slot is reused
 * (last freed, first reused), so the assignment is as deterministic as the pods' lifecycles.
 */
export interface PodCpuLedger {
  used: Float64Array;
  /**
   * Each pod's `metric.cpuMillis` and `metric.memoryMiB`, or NaN in both while `metric` is null.
   * The scrape writes them with the metric. The per-pod passes over every sample (the HPA's listing
   * each sync, KRR's history) read them here: one load from an array by the pod's slot, where the
   * metric object and its boxed number are two dependent loads from wherever the heap put them.
   */
  metricCpuMillis: Float64Array;
  metricMemoryMiB: Float64Array;
  /**
   * Each pod's cumulative counter and the time at metrics-server's previous scrape (-1: never
   * scraped). Only the scrape reads them, once per pod per 15 s: kept here they are two loads from
   * arrays it walks anyway, where a pod's number fields are each a box of their own on the heap.
   */
  scrapeCpuMilliMs: Float64Array;
  scrapeMs: Float64Array;
  free: number[];
  next: number;
}
