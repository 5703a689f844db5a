import type { TimedCommand } from './commands';
import type { LoadSpec, NodeGroup } from './types';

/**
 * A node group as the scenario declares it: exactly the engine's NodeGroup (an EKS managed node
 * group / ASG). Zones default to the region's first three; tags drive CA auto-discovery.
 */
export type NodeGroupSpec = NodeGroup;

/** The playground's own Scenario document, after validation (src/scenario) and defaulting. */
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
  /** Simulated message queues (SQS, RabbitMQ) that KEDA's queue triggers read. */
  queues?: QueueSpec[];
}

/** A message queue outside the cluster: a producer fills it, Ready pods of a Deployment drain it. */
export interface QueueSpec {
  name: string;
  type: 'sqs' | 'rabbitmq';
  /** Producer rate in messages per second, piecewise with optional ramps (like a load profile). */
  producer: { atMs: number; ratePerSecond: number; rampMs: number }[];
  consumer: {
    deployment: string;
    /** Messages one Ready pod finishes per second. */
    messagesPerSecondPerPod: number;
    /** Messages one pod works on at once (received, not yet deleted: in flight). */
    concurrencyPerPod: number;
    /** CPU one message costs, in millicore-seconds; burnt on the consumer pod. */
    cpuPerMessageMillis: number;
  };
  initialMessages: number;
}

export const DEFAULT_START_TIME = '2026-11-02T00:00:00Z';
