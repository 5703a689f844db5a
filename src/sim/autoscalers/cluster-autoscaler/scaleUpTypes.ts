import type { BackoffState } from './backoff';
import type { PriorityConfig } from './expander';
import type { CaOptions } from './flags';
import type { GroupIncrease } from './messages';
import type { CaEvent, CaLogLine, CaNode, CaNodeGroup, CaPod, DaemonSetSpec, RandomSource } from './types';
import type { Message } from '../../core/message';

/** What planScaleUp reads and what it decides (scaleUp.ts). */

export interface ScaleUpGroup extends CaNodeGroup {
  /** Nodes of this group that exist as Node objects (ready or not). target − registered are upcoming. */
  registeredNodes: number;
}

export interface ScaleUpInput {
  nowSeconds: number;
  /** Pods with PodScheduled=False/Unschedulable. */
  pendingPods: readonly CaPod[];
  nodes: readonly CaNode[];
  /** Pods bound to nodes (to know the free room on existing nodes). */
  boundPods: readonly CaPod[];
  groups: readonly ScaleUpGroup[];
  daemonSets: readonly DaemonSetSpec[];
  options: CaOptions;
  backoff: BackoffState;
  rng: RandomSource;
  priorities?: PriorityConfig;
  priorityWarning?: CaLogLine;
}

export interface ScaleUpOptionSummary {
  group: string;
  nodeCount: number;
  pods: string[];
  wasteScore: number;
}

export interface ScaleUpResult {
  /** InCooldown: every unschedulable pod is very new; the loop waits one iteration and skips scale-down. */
  result: 'NotNeeded' | 'InCooldown' | 'Successful' | 'NoOptionsAvailable' | 'Error';
  /** The new desired sizes to set on the ASGs. */
  increases: GroupIncrease[];
  /** Pods the chosen option places (they get TriggeredScaleUp). */
  triggeringPods: string[];
  /** Pods that fit existing free room or nodes already on their way. */
  awaitingPods: string[];
  /** Pods no group can help, with the aggregated reasons (NotTriggerScaleUp). */
  remainingPods: { pod: string; reasons: string }[];
  tooNewPods: string[];
  expendablePods: string[];
  options: ScaleUpOptionSummary[];
  skippedGroups: Record<string, string>;
  error?: string;
  explanation: Message[];
  logs: CaLogLine[];
  events: CaEvent[];
}
