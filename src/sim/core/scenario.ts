import type { TimedCommand } from './commands';
import type { CapacityType, LoadSpec, Taint } from './types';

/** The playground's own Scenario document, after validation (src/scenario) and defaulting. */
export interface NodeGroupSpec {
  name: string;
  instanceTypes: string[];
  capacityType: CapacityType;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  /** Defaults to the region's first three zones. */
  zones: string[];
  labels: Record<string, string>;
  taints: Taint[];
  /** ASG tags, e.g. k8s.io/cluster-autoscaler/enabled, for CA auto-discovery. */
  tags: Record<string, string>;
}

export interface ScenarioSpec {
  name: string;
  seed: number;
  durationMs: number;
  region: string;
  clusterName: string;
  /** Wall-clock instant of sim time 0 (ISO 8601), so cron schedules mean something. */
  startTime: string;
  tickMs: number;
  /** Add what every EKS cluster runs: aws-node and kube-proxy DaemonSets, coredns ×2. */
  eksDefaults: boolean;
  nodeGroups: NodeGroupSpec[];
  load: LoadSpec[];
  timeline: TimedCommand[];
}

export const DEFAULT_START_TIME = '2026-11-02T00:00:00Z';
