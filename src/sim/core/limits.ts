/**
 * Bounds on what the playground accepts. Kubernetes' own limits come first (replica counts are
 * int32 in the API); the playground's capacity is what one browser tab simulates at a usable speed
 * (docs/scenario.md, "Capacity"): past it a command or a scenario is refused with a clear error
 * rather than left to hang the tab.
 */
export const INT32_MAX = 2_147_483_647;

export const CAPACITY = {
  /** Nodes at once (node groups' sizes, Karpenter's launches). */
  nodes: 5_000,
  /** Pods at once (a workload's replicas, HPA maxReplicas). */
  pods: 150_000,
  /** The longest a run may be simulated: a scenario's duration, a link's t=, a seek. */
  horizonMs: 7 * 24 * 3_600_000,
} as const;
