import type { StateValue } from 'xstate';
import type { World } from '../../../core/types';
import type { UnavailableOffering } from '../../../cloud/offerings';
import type { BatchWindow } from '../batcher';
import type { BudgetView } from '../disruption/controller';
import type { DisruptionCommand } from '../disruption/methods';
import type { LogStyle } from '../logs';
import type { EC2NodeClass, NodePool, Resources } from '../types';
import type { Message } from '../../../core/message';

/**
 * Karpenter's state in the world (world.autoscalers.karpenter). Plain data only: it is deep-copied
 * into checkpoints, so the statechart is kept as its state value + context and rebuilt with
 * machine.resolveState before each transition.
 */
export const KARPENTER_KEY = 'karpenter';

export interface NodePoolEntry {
  pool: NodePool;
  /** The manifest kind it came from: Provisioner entries list under `kubectl get provisioners`. */
  sourceKind: 'NodePool' | 'Provisioner';
  createdMs: number;
  /** kubeletConfiguration of a v1alpha5 Provisioner (v1 moved it to the EC2NodeClass). */
  kubelet?: EC2NodeClass['kubelet'];
  migrationHint?: string;
  /** The manifest as applied, for -o yaml. */
  manifest: Record<string, unknown>;
}

export interface NodeClassEntry {
  nodeClass: EC2NodeClass;
  sourceKind: 'EC2NodeClass' | 'AWSNodeTemplate';
  createdMs: number;
  migrationHint?: string;
}

/** A NodeClaim (v0.27: a Machine): what Karpenter asked the cloud for, and where it stands. */
export interface NodeClaimRecord {
  name: string;
  nodePool: string;
  nodeName: string;
  instanceType: string;
  capacityType: 'on-demand' | 'spot';
  zone: string;
  price: number;
  providerId: string;
  capacity: Resources;
  allocatable: Resources;
  createdMs: number;
  registeredMs: number;
  initializedMs: number;
  /** Deletion requested (disruption, expiration, interruption, kubectl delete). */
  deletingMs: number;
  /** Last time a non-DaemonSet pod was bound to or left the node (Consolidatable condition). */
  lastPodEventMs: number;
  /** Sorted names of the node's non-DaemonSet pods when last looked at. */
  podSignature: string;
  /** Why it was launched, for the "why" panel. */
  reason: string;
  /** spec.terminationGracePeriod, copied from the NodePool template at launch (unset: none). */
  terminationGracePeriodSeconds?: number;
}

/** Pod → where Karpenter expects it to land (state.Cluster's nominations). */
export interface Nomination {
  target: string;
  atMs: number;
}

export interface MachineTimer {
  id: string;
  event: { type: string };
  dueMs: number;
}

export interface MachineSnapshot {
  value: StateValue;
  context: Record<string, unknown>;
  timers: MachineTimer[];
}

export interface PendingCommand {
  command: DisruptionCommand;
  foundMs: number;
  /** After validation: the replacement NodeClaim being waited for. */
  replacementClaim?: string;
  executedMs?: number;
}

export interface ProvisioningExplanation {
  atMs: number;
  pods: number;
  nodeClaims: {
    name: string;
    nodePool: string;
    pods: string[];
    requests: string;
    cheapest: { instanceType: string; price: number }[];
    optionCount: number;
    launched: Message;
    /** Offerings EC2 refused (InsufficientInstanceCapacity) before this launch. */
    fallback?: Message;
  }[];
  errors: { pod: string; error: string }[];
}

export interface DisruptionExplanation {
  atMs: number;
  text: Message;
}

export interface KarpenterState {
  nodePools: Record<string, NodePoolEntry>;
  nodeClasses: Record<string, NodeClassEntry>;
  nodeClaims: Record<string, NodeClaimRecord>;
  machine: MachineSnapshot;
  batch: BatchWindow | null;
  /** Pending pods that already fed a batch (so a pod triggers once per pending episode). */
  seenPending: Record<string, number>;
  nominations: Record<string, Nomination>;
  unavailable: UnavailableOffering[];
  pendingCommand: PendingCommand | null;
  /** Last emission time per event key, for upstream's event de-duplication. */
  eventSeenMs: Record<string, number>;
  /** Spot interruption notices: node → EC2's reclaim time. */
  interruptions: Record<string, number>;
  lastProvisioning: ProvisioningExplanation | null;
  lastDisruption: DisruptionExplanation | null;
  budgets: BudgetView[];
  notices: string[];
}

export function emptyKarpenterState(machine: MachineSnapshot): KarpenterState {
  return {
    nodePools: {},
    nodeClasses: {},
    nodeClaims: {},
    machine,
    batch: null,
    seenPending: {},
    nominations: {},
    unavailable: [],
    pendingCommand: null,
    eventSeenMs: {},
    interruptions: {},
    lastProvisioning: null,
    lastDisruption: null,
    budgets: [],
    notices: [],
  };
}

export function peekKarpenterState(world: World): KarpenterState | undefined {
  return world.autoscalers[KARPENTER_KEY] as KarpenterState | undefined;
}

export function claimOfNode(state: KarpenterState, nodeName: string): NodeClaimRecord | undefined {
  for (const c of Object.values(state.nodeClaims)) if (c.nodeName === nodeName) return c;
  return undefined;
}

/** claimOfNode for every node at once (the first claim naming each node), for callers that visit all nodes. */
export function claimsByNode(state: KarpenterState): Map<string, NodeClaimRecord> {
  const out = new Map<string, NodeClaimRecord>();
  for (const c of Object.values(state.nodeClaims)) if (!out.has(c.nodeName)) out.set(c.nodeName, c);
  return out;
}

export function styleOfPool(state: KarpenterState, poolName: string): LogStyle {
  return state.nodePools[poolName]?.pool.sourceApiVersion === 'karpenter.sh/v1alpha5' ? 'v0.27' : 'v1';
}
