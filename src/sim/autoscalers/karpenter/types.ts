/**
 * Plain-data shapes for Karpenter's decision logic (karpenter.sh/v1 + karpenter.k8s.aws/v1).
 * Units: CPU in millicores, memory in MiB, durations in seconds, prices in USD/hour.
 */
import type { PodAffinityTerm, TopologySpreadConstraint } from '../../core/types';

export type CapacityType = 'on-demand' | 'spot';
export const CAPACITY_TYPES: readonly CapacityType[] = ['on-demand', 'spot'];

export type RequirementOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

/** A node selector requirement as written in a manifest. */
export interface NodeSelectorRequirement {
  key: string;
  operator: RequirementOperator;
  values?: string[];
  minValues?: number;
}

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: TaintEffect | '';
}

export interface Resources {
  cpuMillis: number;
  memoryMiB: number;
  pods: number;
}

export type DisruptionReason = 'Empty' | 'Underutilized' | 'Drifted';
export const DISRUPTION_REASONS: readonly DisruptionReason[] = ['Empty', 'Drifted', 'Underutilized'];

export interface DisruptionBudget {
  /** "10%" or "3", as in the manifest. */
  nodes: string;
  /** Cron in UTC ("@daily", "0 9 * * mon-fri"); requires durationSeconds. */
  schedule?: string;
  durationSeconds?: number;
  /** Empty means the budget applies to every reason. */
  reasons?: DisruptionReason[];
}

export type ConsolidationPolicy = 'WhenEmpty' | 'WhenEmptyOrUnderutilized';

/** A NodePool after parsing and defaulting (karpenter.sh/v1 field names). */
export interface NodePool {
  name: string;
  /** Higher weight is tried first; unset counts as 0. */
  weight?: number;
  template: {
    labels: Record<string, string>;
    annotations: Record<string, string>;
    taints: Taint[];
    startupTaints: Taint[];
    requirements: NodeSelectorRequirement[];
    /** null means `Never`. */
    expireAfterSeconds: number | null;
    /**
     * spec.template.spec.terminationGracePeriod, copied to each NodeClaim: how long a drain may wait
     * for pods that block it (karpenter.sh/do-not-disrupt, PDBs) before they are deleted. Unset: forever.
     */
    terminationGracePeriodSeconds?: number;
    nodeClassRef: { group: string; kind: string; name: string };
  };
  /** Limits on the summed CAPACITY of the pool's nodes; undefined = unlimited. */
  limits: { cpuMillis?: number; memoryMiB?: number };
  disruption: {
    consolidationPolicy: ConsolidationPolicy;
    /** null means `Never` (consolidation disabled). */
    consolidateAfterSeconds: number | null;
    budgets: DisruptionBudget[];
  };
  /** Which API the manifest used; the old API logs in the old wording ("machine"). */
  sourceApiVersion: 'karpenter.sh/v1' | 'karpenter.sh/v1beta1' | 'karpenter.sh/v1alpha5';
}

export interface EC2NodeClass {
  name: string;
  amiFamily: string;
  role?: string;
  kubelet: { maxPods?: number; podsPerCore?: number };
  /** Fields accepted but not simulated, as field paths. */
  notSimulated: string[];
}

/** One purchasable (zone, capacity type) of an instance type. */
export interface Offering {
  zone: string;
  capacityType: CapacityType;
  price: number;
  available: boolean;
}

/**
 * An instance type as the scheduler sees it: labels (well-known requirements), capacity,
 * allocatable and offerings. Built from the catalog (instanceTypes.ts) or from test fixtures.
 */
export interface InstanceTypeOption {
  name: string;
  /** Label values of this type, e.g. karpenter.k8s.aws/instance-family → "c6i". */
  labels: Record<string, string>;
  capacity: Resources;
  allocatable: Resources;
  offerings: Offering[];
}

/** A pod as Karpenter's scheduler needs it. */
export interface PodToSchedule {
  name: string;
  namespace?: string;
  cpuMillis: number;
  memoryMiB: number;
  nodeSelector?: Record<string, string>;
  /** requiredDuringScheduling node affinity: terms are ORed, requirements in a term ANDed. */
  requiredNodeAffinity?: NodeSelectorRequirement[][];
  tolerations?: Toleration[];
  createdAtSeconds?: number;
  priority?: number;
  /** controller.kubernetes.io/pod-deletion-cost */
  deletionCost?: number;
  /** karpenter.sh/do-not-disrupt: "true" */
  doNotDisrupt?: boolean;
  /** For the inter-pod rules of the shared scheduling filter (cluster/scheduling/filter.ts). */
  labels?: Record<string, string>;
  podAntiAffinity?: PodAffinityTerm[];
  topologySpread?: TopologySpreadConstraint[];
  hostPorts?: number[];
}

export interface DaemonSetPodSpec {
  name: string;
  cpuMillis: number;
  memoryMiB: number;
  nodeSelector?: Record<string, string>;
  requiredNodeAffinity?: NodeSelectorRequirement[][];
  tolerations?: Toleration[];
}

/** A node (or an in-flight NodeClaim) already in the cluster, as a scheduling target. */
export interface ExistingNode {
  name: string;
  nodePool?: string;
  labels: Record<string, string>;
  taints: Taint[];
  allocatable: Resources;
  /** Everything already bound or nominated here, DaemonSet pods included. */
  requested: Resources;
  initialized: boolean;
  /** Pods bound or nominated here, for topology spread, anti-affinity and host ports. */
  pods?: PodToSchedule[];
}
