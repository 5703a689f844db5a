/**
 * Plain-data views of the world that the Cluster Autoscaler's pure functions read. The engine
 * builds these from its own nodes and pods; CPU is in millicores, memory in MiB, time in seconds.
 */
import type { NodeGroup } from '../../core/types';
import type { ManagedGroup } from './discovery';

import type { SchedPod } from '../../cluster/scheduling/filter';

export interface Resources {
  cpuMillis: number;
  memoryMiB: number;
}

export interface NodeResources extends Resources {
  pods: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface Toleration {
  key?: string;
  operator?: 'Equal' | 'Exists';
  value?: string;
  effect?: Taint['effect'];
}

export interface CaNode {
  name: string;
  /** Node group (ASG) the node belongs to; undefined = not autoscaled. */
  group?: string;
  instanceType?: string;
  allocatable: NodeResources;
  capacity: NodeResources;
  ready: boolean;
  /** spec.unschedulable (cordoned). */
  unschedulable: boolean;
  createdAtSeconds: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  taints?: Taint[];
}

export interface CaPod extends SchedPod {
  name: string;
  namespace: string;
  /** Kind of the controlling owner (ReplicaSet, StatefulSet, Job, DaemonSet, …); undefined = bare pod. */
  ownerKind?: string;
  requests: Resources;
  /** Bound node; undefined while Pending. */
  nodeName?: string;
  /** status.nominatedNodeName: a pending pod waiting there for its preemption's victims to go. */
  nominatedNodeName?: string;
  isDaemonSet?: boolean;
  isMirror?: boolean;
  priority?: number;
  annotations?: Record<string, string>;
  /** Uses an emptyDir or hostPath volume (blocks scale-down unless --skip-nodes-with-local-storage=false). */
  hasLocalStorage?: boolean;
  /** Name of the PodDisruptionBudget that covers this pod, if any. */
  pdbName?: string;
  /** creationTimestamp: filterOutYoungPods measures a pending pod's age from it. Unknown counts as old. */
  createdAtSeconds?: number;
  /** Set for pods being deleted; they are ignored once past their grace period. */
  deletionTimestampSeconds?: number;
  terminationGracePeriodSeconds?: number;
}

/** A PodDisruptionBudget as the drain simulation needs it. */
export interface PdbStatus {
  name: string;
  namespace: string;
  disruptionsAllowed: number;
}

/** A DaemonSet whose pod would land on a new node of a group (template node overhead). */
export interface DaemonSetSpec {
  name: string;
  namespace: string;
  requests: Resources;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
}

/** The node a group would add: what the CA's TemplateNodeInfo holds. */
export interface TemplateNode {
  allocatable: NodeResources;
  capacity: NodeResources;
  labels?: Record<string, string>;
  taints?: Taint[];
}

export interface CaNodeGroup {
  name: string;
  minSize: number;
  maxSize: number;
  /** ASG desired capacity (the CA's TargetSize). */
  targetSize: number;
  instanceType: string;
  template: TemplateNode;
  /** On-demand $/hour of one node (price expander). */
  pricePerHour?: number;
}

export interface CaEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  involvedObject: { kind: 'Pod' | 'Node' | 'ConfigMap'; namespace?: string; name: string };
}

/** A klog line, emitted when --v ≥ `v`. The engine stamps the time when it prints it. */
export interface CaLogLine {
  v: number;
  severity: 'I' | 'W' | 'E';
  source: string;
  message: string;
}

/** A seeded random source in [0, 1), passed in by the engine. */
export type RandomSource = () => number;

/** A managed group with the engine's node group behind it (what one scan works on). */
export interface ScanGroup {
  managed: ManagedGroup;
  group: NodeGroup;
}
