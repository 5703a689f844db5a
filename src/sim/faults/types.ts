/** The injected faults' state, kept on the World (world.faults); see state.ts. Imports nothing, so core/types can name it. */
export interface ZoneOutage {
  zone: string;
  fromMs: number;
  untilMs: number;
  /** Nodes this outage made NotReady; they recover when it ends (if still NotReady). */
  nodes: string[];
  recovered: boolean;
}

export interface CapacityShortage {
  instanceType: string;
  /** '' = every zone of the region. */
  zone: string;
  fromMs: number;
  untilMs: number;
}

/** The latest failed launch of an Auto Scaling group (its newest scaling activity, status Failed). */
export interface AsgLaunchFailure {
  atMs: number;
  /** The activity's StatusMessage, as `aws autoscaling describe-scaling-activities` prints it. */
  message: string;
  /** When the ASG tries again (it keeps retrying while desired > instances). */
  retryAtMs: number;
  attempts: number;
}

export interface Faults {
  zoneOutages: ZoneOutage[];
  capacityShortages: CapacityShortage[];
  /** metrics-server is unavailable until this time (-1: never down). */
  metricsServerDownUntilMs: number;
  metricsServerDownFromMs: number;
  /** Keyed by node group name. */
  asgFailures: Record<string, AsgLaunchFailure>;
}
