import type { DisruptionCommand } from './disruption/methods';
import type { KarpenterLogLine } from './logLine';
import type { LaunchChoice } from './offeringSelection';
import { nodeClaimRequests, type PlannedNodeClaim } from './scheduling';
import type { Resources } from './types';
import { formatCpu, formatMemory } from './units';
import {
  DISRUPTION,
  INTERRUPTION,
  PROVISIONER,
  deterministicUuid,
  nodeClaimExpiration,
  nodeClaimLifecycle,
  nodeTermination,
} from './v1Log';

/*
 * Karpenter 1.8 line builders. Sources are kubernetes-sigs/karpenter v1.8.1 and
 * aws/karpenter-provider-aws v1.8.1; each builder names its call site. Field order is the
 * WithValues order (zap keeps it); Go maps (ResourceList, disruption node maps) are encoded by
 * encoding/json, which sorts their keys, so those objects are built in sorted key order here.
 */

const line = (message: string, ctx: KarpenterLogLine['ctx'], fields: Record<string, unknown>, level: KarpenterLogLine['level'] = 'INFO'): KarpenterLogLine => ({
  level,
  logger: 'controller',
  message,
  ctx,
  fields,
});

/** pretty.Slice (pkg/utils/pretty/pretty.go:42): the first n items, then " and N other(s)". */
export function prettySlice(items: readonly string[], n: number): string {
  return items.length > n ? `${items.slice(0, n).join(', ')} and ${items.length - n} other(s)` : items.join(', ');
}

/** A ResourceList of cpu/memory/pods as quantities print; zero entries dropped as requests drop them. */
function resourceList(r: Resources): Record<string, string> {
  const out: Record<string, string> = {};
  if (r.cpuMillis) out.cpu = formatCpu(r.cpuMillis);
  if (r.memoryMiB) out.memory = formatMemory(r.memoryMiB);
  if (r.pods) out.pods = String(r.pods);
  return out;
}

/** provisioner.go:391-396. Pods are every pod of the batch as namespace/name, five shown. */
export function foundProvisionablePods(pods: readonly string[], duration: string): KarpenterLogLine {
  return line('found provisionable pod(s)', PROVISIONER, { Pods: prettySlice(pods, 5), duration });
}

/** scheduling/scheduler.go:272 (Results.Record). */
export function computedNewNodeClaims(nodeClaims: number, pods: number): KarpenterLogLine {
  return line('computed new nodeclaim(s) to fit pod(s)', PROVISIONER, { nodeclaims: nodeClaims, pods });
}

/** scheduling/scheduler.go:283: pods the solver put on existing (in-flight) nodes. */
export function computedUnreadyNodes(nodes: number, pods: number): KarpenterLogLine {
  return line('computed unready node(s) will fit pod(s)', PROVISIONER, { nodes, pods });
}

/**
 * provisioner.go:408 and 431. The instance-type requirement holds the 600 cheapest options
 * (nodeclaimtemplate.go:85) and is printed from sets.List, i.e. sorted by name, not by price.
 */
export function createdNodeClaim(claim: PlannedNodeClaim & { name?: string }): KarpenterLogLine {
  const names = claim.instanceTypeOptions.slice(0, 600).map((o) => o.name).sort();
  return line('created nodeclaim', PROVISIONER, {
    NodePool: { name: claim.nodePool },
    NodeClaim: { name: claim.name ?? '' },
    requests: resourceList(nodeClaimRequests(claim)),
    'instance-types': prettySlice(names, 5),
  });
}

/** scheduling/scheduler.go:253: an Error, so zapr appends the "error" field last. */
export function couldNotSchedulePod(name: string, namespace: string, error: string): KarpenterLogLine {
  return line('could not schedule pod', PROVISIONER, { Pod: { name, namespace }, error }, 'ERROR');
}

/**
 * The AWS instance type's allocatable (instancetype/types.go): ephemeral-storage is the default
 * 20Gi root volume less 1Gi kube-reserved and the 10% eviction threshold.
 */
function launchAllocatable(a: Resources): Record<string, string> {
  return { cpu: formatCpu(a.cpuMillis), 'ephemeral-storage': '17Gi', memory: formatMemory(a.memoryMiB), pods: String(a.pods) };
}

/** nodeclaim/lifecycle/launch.go:117-122. */
export function launchedNodeClaim(nodeClaim: string, providerId: string, launch: LaunchChoice): KarpenterLogLine {
  return line('launched nodeclaim', nodeClaimLifecycle(nodeClaim), {
    'provider-id': providerId,
    'instance-type': launch.instanceType,
    zone: launch.zone,
    'capacity-type': launch.capacityType,
    allocatable: launchAllocatable(launch.option.allocatable),
  });
}

interface ClaimRef {
  name: string;
  nodeName: string;
  providerId: string;
  allocatable: Resources;
}

/** lifecycle/controller.go:121-126 adds provider-id, and Node once status.nodeName is set. */
function lifecycleFields(c: ClaimRef, withNode: boolean): Record<string, unknown> {
  return withNode ? { 'provider-id': c.providerId, Node: { name: c.nodeName } } : { 'provider-id': c.providerId };
}

/** lifecycle/registration.go:77-84 (Node added from the registered node). */
export function registeredNodeClaim(c: ClaimRef): KarpenterLogLine {
  return line('registered nodeclaim', nodeClaimLifecycle(c.name), lifecycleFields(c, true));
}

/** lifecycle/initialization.go:83: the node's status.allocatable as the kubelet reports it (memory in Ki). */
export function initializedNodeClaim(c: ClaimRef): KarpenterLogLine {
  const a = c.allocatable;
  return line('initialized nodeclaim', nodeClaimLifecycle(c.name), {
    ...lifecycleFields(c, true),
    allocatable: { cpu: formatCpu(a.cpuMillis), memory: `${Math.round(a.memoryMiB * 1024)}Ki`, pods: String(a.pods) },
  });
}

/** lifecycle/controller.go:301: the finalizer stamps when terminationGracePeriod runs out (RFC 3339). */
export function annotatedNodeClaim(c: ClaimRef, registered: boolean, terminationTime: string): KarpenterLogLine {
  return line('annotated nodeclaim', nodeClaimLifecycle(c.name), {
    ...lifecycleFields(c, registered),
    'karpenter.sh/nodeclaim-termination-timestamp': terminationTime,
  });
}

/** lifecycle/controller.go:261, once the instance is gone and the finalizer removed. */
export function deletedNodeClaim(c: ClaimRef, registered: boolean): KarpenterLogLine {
  return line('deleted nodeclaim', nodeClaimLifecycle(c.name), lifecycleFields(c, registered));
}

/** node/termination/controller.go:107 adds the NodeClaim; terminator.go:80-89 logs the taint. */
export function taintedNode(node: string, nodeClaim: string): KarpenterLogLine {
  return line('tainted node', nodeTermination(node), {
    NodeClaim: { name: nodeClaim },
    'taint.Key': 'karpenter.sh/disrupted',
    'taint.Value': '',
    'taint.Effect': 'NoSchedule',
  });
}

/** node/termination/controller.go:373. */
export function deletedNode(node: string, nodeClaim: string): KarpenterLogLine {
  return line('deleted node', nodeTermination(node), { NodeClaim: { name: nodeClaim } });
}

/** nodeclaim/expiration/controller.go:60 and 85: V(1), so DEBUG. */
export function deletingExpiredNodeClaim(nodeClaim: string, node: string): KarpenterLogLine {
  return line('deleting expired nodeclaim', nodeClaimExpiration(nodeClaim), node ? { Node: { name: node } } : {}, 'DEBUG');
}

function orderedNames(c: PlannedNodeClaim): string[] {
  return c.instanceTypeOptions.map((o) => o.name);
}

/** Command.LogValues (disruption/types.go:182-216). */
function commandValues(cmd: DisruptionCommand): Record<string, unknown> {
  const podCount = cmd.candidates.reduce((s, n) => s + n.pods.filter((p) => !p.daemonSet && !p.terminal).length, 0);
  return {
    decision: cmd.decision,
    'disrupted-node-count': cmd.candidates.length,
    'replacement-node-count': cmd.replacement ? 1 : 0,
    'pod-count': podCount,
    'disrupted-nodes': cmd.candidates.map((n) => ({
      Node: { name: n.name },
      NodeClaim: { name: n.nodeClaimName },
      'capacity-type': n.capacityType,
      'instance-type': n.instanceType,
    })),
    // With a single replacement the map also carries its options, in the solver's (price) order.
    'replacement-nodes': cmd.replacement
      ? [{ 'capacity-type': cmd.replacement.launch.capacityType, 'instance-types': prettySlice(orderedNames(cmd.replacement.nodeClaim), 5) }]
      : [],
  };
}

/** A command's ID (uuid.New() upstream), from what the command is and when it was found. */
export function commandId(cmd: DisruptionCommand, foundMs: number): string {
  return deterministicUuid(`command/${cmd.method}/${foundMs}/${cmd.candidates.map((c) => c.name).join(',')}`);
}

/** disruption/queue.go:315. */
export function disruptingNodes(cmd: DisruptionCommand, id: string): KarpenterLogLine {
  return line('disrupting node(s)', DISRUPTION, { 'command-id': id, reason: cmd.reason.toLowerCase(), ...commandValues(cmd) });
}

const ABANDON_WHAT: Record<DisruptionCommand['method'], string> = {
  emptiness: 'empty node consolidation attempt', // emptiness.go:97
  'multi-node-consolidation': 'multi-node consolidation attempt', // multinodeconsolidation.go:105
  'single-node-consolidation': 'single-node consolidation attempt', // singlenodeconsolidation.go:105
};

/** Validation found the command stale: V(1), so DEBUG, with the command's values. */
export function abandoningCommand(cmd: DisruptionCommand): KarpenterLogLine {
  return line(`abandoning ${ABANDON_WHAT[cmd.method]} due to pod churn, command is no longer valid`, DISRUPTION, commandValues(cmd), 'DEBUG');
}

/** AWS interruption/controller.go:106, 164, 216-219 and 240. */
export function interruptionDelete(queue: string, nodeClaim: string, node: string): KarpenterLogLine {
  return line('initiating delete from interruption message', INTERRUPTION, {
    queue,
    messageKind: 'spot_interrupted',
    NodeClaim: { name: nodeClaim },
    action: 'CordonAndDrain',
    Node: { name: node },
  });
}

/** AWS cache/unavailableofferings.go:94-100: V(1), so DEBUG; the TTL prints as a Go duration. */
export function removingOffering(reason: string, instanceType: string, zone: string, capacityType: string, ttlSeconds: number): KarpenterLogLine {
  const ttl = `${Math.floor(ttlSeconds / 60)}m${ttlSeconds % 60}s`;
  return line('removing offering from offerings', PROVISIONER, { reason, 'instance-type': instanceType, zone, 'capacity-type': capacityType, ttl }, 'DEBUG');
}
