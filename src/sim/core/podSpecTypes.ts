/**
 * What a pod asks for and where it may run: the PodSpec parts the engine reads (resources,
 * tolerations, affinity, topology spread). Re-exported by types.ts; kept apart so that file stays
 * about the world's objects.
 */
export interface Resources {
  cpuMillis: number;
  memoryMiB: number;
}

export interface ContainerSpec {
  name: string;
  image: string;
  requests: Resources;
  /** 0 means "no limit" for that resource. */
  limits: Resources;
  command: string[];
  args: string[];
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

export interface PodTemplate {
  labels: Record<string, string>;
  containers: ContainerSpec[];
  initContainers: ContainerSpec[];
  nodeSelector: Record<string, string>;
  /** requiredDuringSchedulingIgnoredDuringExecution: OR of terms, each an AND of requirements. */
  requiredNodeAffinity: NodeSelectorRequirement[][];
  tolerations: Toleration[];
  priority: number;
  terminationGracePeriodSeconds: number;
  /** Seconds from container start to Ready (readiness probe initialDelay + first success). */
  readinessDelaySeconds: number;
  annotations: Record<string, string>;
  /* Optional so that templates without them hash (pod-template-hash) exactly as before. */
  /** Required pod anti-affinity terms (requiredDuringSchedulingIgnoredDuringExecution). */
  podAntiAffinity?: PodAffinityTerm[];
  /** topologySpreadConstraints. */
  topologySpread?: TopologySpreadConstraint[];
  /** containers[].ports[].hostPort values. */
  hostPorts?: number[];
  /** Names of emptyDir / hostPath volumes (local storage, which blocks CA scale-down). */
  localStorageVolumes?: string[];
  /** The PriorityClass admission resolved `priority` from (a named class or the global default). */
  priorityClassName?: string;
  /** Set only for Never: the pod waits instead of preempting lower-priority pods. */
  preemptionPolicy?: 'Never';
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

export interface PodAffinityTerm {
  topologyKey: string;
  labelSelector?: LabelSelector;
  namespaces?: string[];
}

export interface TopologySpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector?: LabelSelector;
  minDomains?: number;
}
