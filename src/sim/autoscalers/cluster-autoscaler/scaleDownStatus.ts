import type { NodeScaleDownState } from './nodeEligibility';
import type { UtilizationInfo } from './utilization';
import type { Message } from '../../core/message';

/** The shapes planScaleDown reads and returns, apart from it so that its helpers need not import it. */

export interface ScaleDownGroup {
  name: string;
  minSize: number;
  targetSize: number;
}

export interface NodeScaleDownStatus {
  node: string;
  group?: string;
  state: NodeScaleDownState;
  /** An UnremovableReason, or the drain blocker's text for blocked nodes. */
  reason?: string;
  utilization?: UtilizationInfo;
  unneededForSeconds?: number;
  /** Where each movable pod would go, for unneeded nodes. */
  destinations?: { pod: string; node: string }[];
  explanation: Message;
}
