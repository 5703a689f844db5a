/**
 * The check vocabulary: small typed predicates over the World that a lesson step waits for
 * (docs/lessons.md). Checks are plain data (JSON-safe), so a lesson, the headless runner, the UI and
 * later a Web Worker all hand the same objects to the same evaluator. Quantities are already in
 * engine units here (CPU millicores, memory MiB, time ms); the lesson loader converts "400m", "10m".
 */
import type { Message } from '../core/message';

/** How an observed number is compared with the check's value. */
export type CompareOp = '>=' | '<=' | '=' | '!=' | '>' | '<';

export const COMPARE_OPS: readonly CompareOp[] = ['>=', '<=', '=', '!=', '>', '<'];

interface Comparison {
  op: CompareOp;
  value: number;
}

/** HorizontalPodAutoscaler status (also the HPAs KEDA generates, e.g. keda-hpa-NAME). */
export interface HpaCheck extends Comparison {
  type: 'hpa';
  name: string;
  field: 'currentReplicas' | 'desiredReplicas' | 'cpuUtilizationPercent';
}

/** A Deployment: spec.replicas, or its pods (ready, pending, all active). */
export interface DeploymentCheck extends Comparison {
  type: 'deployment';
  name: string;
  namespace?: string;
  field: 'replicas' | 'ready' | 'pending' | 'pods';
}

/** Nodes that exist (registered with the API server), optionally narrowed. */
export interface NodesCheck extends Comparison {
  type: 'nodes';
  /** Managed node group (ASG) name. */
  nodeGroup?: string;
  /** Karpenter NodePool name. */
  nodePool?: string;
  capacityType?: 'on-demand' | 'spot';
  instanceType?: string;
  /** Count only Ready nodes (Ready, or cordoned/draining but still Ready). */
  ready?: boolean;
}

/** Pods by phase, cluster-wide or for one Deployment; kube-system is left out unless named. */
export interface PodsCheck extends Comparison {
  type: 'pods';
  phase: 'Pending' | 'Running' | 'Ready';
  deployment?: string;
  namespace?: string;
}

/** An event seen since the check was attached (the lesson step began). */
export interface EventCheck {
  type: 'event';
  reason: string;
  kind?: string;
  name?: string;
  namespace?: string;
  eventType?: 'Normal' | 'Warning';
  /** A substring the message must contain. */
  message?: string;
}

/** Karpenter NodeClaims whose deletion was not requested; default: at least one exists. */
export interface NodeClaimCheck extends Comparison {
  type: 'nodeClaim';
  capacityType?: 'on-demand' | 'spot';
  nodePool?: string;
  instanceType?: string;
  /** Count only claims whose node registered. */
  registered?: boolean;
}

/** A VerticalPodAutoscaler's recommendation for its first container; value in millicores or MiB. */
export interface VpaCheck extends Comparison {
  type: 'vpa';
  name: string;
  resource: 'cpu' | 'memory';
  bound: 'target' | 'lowerBound' | 'upperBound';
}

/** A KEDA ScaledObject's Active condition. */
export interface ScaledObjectCheck {
  type: 'scaledObject';
  name: string;
  active: boolean;
}

/** A simulated message queue (KEDA's SQS/RabbitMQ triggers read it). */
export interface QueueCheck extends Comparison {
  type: 'queue';
  name: string;
  field: 'depth' | 'visible' | 'inFlight';
}

/** What the running instances cost, in US$ per hour (the figure above the grid and in the status line). */
export interface CostCheck extends Comparison {
  type: 'cost';
}

/** Sim time since the start of the run (value in ms). */
export interface TimeCheck extends Comparison {
  type: 'time';
}

/** Sim time since the check was attached (value in ms): "watch for a minute". */
export interface ElapsedCheck extends Comparison {
  type: 'elapsed';
}

export interface AllCheck {
  type: 'all';
  checks: Check[];
}
export interface AnyCheck {
  type: 'any';
  checks: Check[];
}
export interface NotCheck {
  type: 'not';
  check: Check;
}

export type Check =
  | HpaCheck
  | DeploymentCheck
  | NodesCheck
  | PodsCheck
  | EventCheck
  | NodeClaimCheck
  | VpaCheck
  | ScaledObjectCheck
  | QueueCheck
  | CostCheck
  | TimeCheck
  | ElapsedCheck
  | AllCheck
  | AnyCheck
  | NotCheck;

export type CheckType = Check['type'];

/** One evaluation: whether it holds and, for a comparison, the number it read (for "3 of ≥ 5"). */
export interface CheckValue {
  holds: boolean;
  observed?: number;
  /** 'ms' when `observed` is a sim time or a duration in milliseconds (time and elapsed checks): the UI prints it as m:ss. */
  observedUnit?: 'ms';
  /** Why it cannot hold now: an object it names does not exist (engine.check.missing…). */
  reason?: Message;
}
