import type { DisruptionCommand } from './disruption/methods';
import type { LaunchChoice } from './offeringSelection';
import { nodeClaimRequests, type PlannedNodeClaim } from './scheduling';
import type { NodePool, Resources } from './types';
import { formatCpu, formatMemory } from './units';
import * as v1 from './logsV1';
import type { KarpenterLogLine } from './logLine';

/**
 * Karpenter's log lines in the wording of the version a manifest came from: v1alpha5 Provisioners
 * log as Karpenter v0.27 did (the seed: "launching machine with …"), v1 NodePools as v1 does
 * ("created nodeclaim", "disrupting node(s)").
 */
export type LogStyle = 'v0.27' | 'v1';

export function logStyleFor(pool: Pick<NodePool, 'sourceApiVersion'>): LogStyle {
  return pool.sourceApiVersion === 'karpenter.sh/v1alpha5' ? 'v0.27' : 'v1';
}

export type { KarpenterLogLine } from './logLine';

/** {"cpu":"5125m","memory":"1144Mi","pods":"8"}: zero resources left out, as upstream prints. */
export function requestsJson(r: Resources): string {
  const parts: string[] = [];
  if (r.cpuMillis) parts.push(`"cpu":"${formatCpu(r.cpuMillis)}"`);
  if (r.memoryMiB) parts.push(`"memory":"${formatMemory(r.memoryMiB)}"`);
  if (r.pods) parts.push(`"pods":"${r.pods}"`);
  return `{${parts.join(',')}}`;
}

/** "c6i.2xlarge, c5.2xlarge, … and 135 other(s)" — the five cheapest, then a count. */
export function instanceTypeList(names: readonly string[], shown = 5): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} and ${names.length - shown} other(s)` : head;
}

/** v1-only inputs of the provisioner's lines (the v0.27 wording needs none of them). */
export interface ProvisioningV1 {
  /** Every pod of the batch, as namespace/name. */
  pods: readonly string[];
  duration: string;
  /** All NodeClaims the solver opened, and their pods (some may fail to launch later). */
  nodeClaims: number;
  nodeClaimPods: number;
  /** Pods the solver placed on existing nodes, and how many nodes took them. */
  existing: { nodes: number; pods: number };
}

export function provisioningLogLines(
  podCount: number,
  claims: readonly (PlannedNodeClaim & { name?: string })[],
  style: LogStyle,
  v1info?: ProvisioningV1,
): KarpenterLogLine[] {
  if (style === 'v1') {
    if (!v1info || v1info.nodeClaims === 0) return [];
    const lines = [v1.foundProvisionablePods(v1info.pods, v1info.duration), v1.computedNewNodeClaims(v1info.nodeClaims, v1info.nodeClaimPods)];
    if (v1info.existing.pods > 0) lines.push(v1.computedUnreadyNodes(v1info.existing.nodes, v1info.existing.pods));
    return [...lines, ...claims.map((c) => v1.createdNodeClaim(c))];
  }
  if (claims.length === 0) return [];
  const newPods = claims.reduce((s, c) => s + c.pods.length, 0);
  const logger = 'controller.provisioner';
  const lines: KarpenterLogLine[] = [
    { level: 'INFO', logger, message: 'found provisionable pod(s)', fields: { pods: podCount } },
    { level: 'INFO', logger, message: 'computed new machine(s) to fit pod(s)', fields: { machines: claims.length, pods: newPods } },
  ];
  for (const c of claims) {
    const types = instanceTypeList(c.instanceTypeOptions.map((o) => o.name));
    const req = requestsJson(nodeClaimRequests(c));
    lines.push({
      level: 'INFO',
      logger,
      message: `launching machine with ${c.pods.length} pods requesting ${req} from types ${types}`,
      fields: { provisioner: c.nodePool },
    });
  }
  return lines;
}

export interface LaunchedInstance {
  nodeClaim: string;
  nodePool: string;
  instanceId: string;
  hostname: string;
  launch: LaunchChoice;
}

export function launchedLogLine(l: LaunchedInstance, style: LogStyle): KarpenterLogLine {
  const cap = l.launch.option.capacity;
  const capacity = { cpu: formatCpu(cap.cpuMillis), 'ephemeral-storage': '20Gi', memory: formatMemory(cap.memoryMiB), pods: String(cap.pods) };
  if (style === 'v0.27') {
    return {
      level: 'INFO',
      logger: 'controller.provisioner.cloudprovider',
      message: 'launched instance',
      fields: {
        provisioner: l.nodePool,
        id: l.instanceId,
        hostname: l.hostname,
        'instance-type': l.launch.instanceType,
        zone: l.launch.zone,
        'capacity-type': l.launch.capacityType,
        capacity,
      },
    };
  }
  return v1.launchedNodeClaim(l.nodeClaim, `aws:///${l.launch.zone}/${l.instanceId}`, l.launch);
}

/** `commandId` is the v1 "command-id" (see logsV1.commandId); v0.27 lines have none. */
export function disruptionLogLine(cmd: DisruptionCommand, style: LogStyle, commandId?: string): KarpenterLogLine {
  if (style === 'v1') return v1.disruptingNodes(cmd, commandId ?? v1.commandId(cmd, 0));
  const nodes = cmd.candidates;
  const via = cmd.method === 'emptiness' ? 'emptiness' : 'consolidation';
  const list = nodes.map((n) => `${n.name}/${n.instanceType}/${n.capacityType}`).join(', ');
  let message = `deprovisioning via ${via} ${cmd.decision}, terminating ${nodes.length} machines ${list}`;
  if (cmd.replacement) {
    const types = instanceTypeList(orderedNames(cmd.replacement.nodeClaim));
    message += ` and replacing with ${cmd.replacement.launch.capacityType} machine from types ${types}`;
  }
  return { level: 'INFO', logger: 'controller.deprovisioning', message, fields: {} };
}

function orderedNames(c: PlannedNodeClaim): string[] {
  return c.instanceTypeOptions.map((o) => o.name);
}

/** Node termination steps, in each version's wording (cordon/taint, then delete); v1 names the NodeClaim too. */
export function terminationLogLines(node: string, step: 'cordon' | 'delete', style: LogStyle, nodeClaim = ''): KarpenterLogLine {
  if (style === 'v0.27') {
    return { level: 'INFO', logger: 'controller.termination', message: step === 'cordon' ? 'cordoned node' : 'deleted node', fields: { node } };
  }
  return step === 'cordon' ? v1.taintedNode(node, nodeClaim) : v1.deletedNode(node, nodeClaim);
}

/** Render a line as `kubectl logs` shows it: tab-separated for v0.27, one JSON object for v1. */
export function renderLogLine(line: KarpenterLogLine, isoTime: string, style: LogStyle, context: Record<string, unknown> = {}): string {
  if (style === 'v0.27') {
    const entries = Object.entries(line.fields).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    const f = entries.length ? `\t{${entries.join(', ')}}` : '';
    return `${isoTime}\t${line.level}\t${line.logger}\t${line.message}${f}`;
  }
  // zap's JSON encoder: level, time, logger, message (no caller at the default info level: logging.go
  // DisableCaller), then the logger's With fields (commit, controller-runtime's), then the line's own.
  return JSON.stringify({ level: line.level, time: isoTime, logger: line.logger, message: line.message, ...context, ...line.fields });
}
