import type { DisruptionCommand } from './disruption/methods';
import type { LaunchChoice } from './offeringSelection';
import { nodeClaimRequests, type PlannedNodeClaim } from './scheduling';
import type { NodePool, Resources } from './types';
import { formatCpu, formatMemory } from './units';

/**
 * Karpenter's log lines in the wording of the version a manifest came from: v1alpha5 Provisioners
 * log as Karpenter v0.27 did (the seed: "launching machine with …"), v1 NodePools as v1 does
 * ("created nodeclaim", "disrupting node(s)").
 */
export type LogStyle = 'v0.27' | 'v1';

export function logStyleFor(pool: Pick<NodePool, 'sourceApiVersion'>): LogStyle {
  return pool.sourceApiVersion === 'karpenter.sh/v1alpha5' ? 'v0.27' : 'v1';
}

export interface KarpenterLogLine {
  level: 'INFO' | 'DEBUG';
  /** v0.27 logger names (controller.provisioner, …); v1 logs all say "controller". */
  logger: string;
  message: string;
  fields: Record<string, unknown>;
}

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

export function provisioningLogLines(
  podCount: number,
  claims: readonly (PlannedNodeClaim & { name?: string })[],
  style: LogStyle,
): KarpenterLogLine[] {
  if (claims.length === 0) return [];
  const newPods = claims.reduce((s, c) => s + c.pods.length, 0);
  const logger = style === 'v0.27' ? 'controller.provisioner' : 'controller';
  const lines: KarpenterLogLine[] = [
    { level: 'INFO', logger, message: 'found provisionable pod(s)', fields: { pods: podCount } },
    style === 'v0.27'
      ? { level: 'INFO', logger, message: 'computed new machine(s) to fit pod(s)', fields: { machines: claims.length, pods: newPods } }
      : { level: 'INFO', logger, message: 'computed new nodeclaim(s) to fit pod(s)', fields: { nodeclaims: claims.length, pods: newPods } },
  ];
  for (const c of claims) {
    const types = instanceTypeList(c.instanceTypeOptions.map((o) => o.name));
    const req = requestsJson(nodeClaimRequests(c));
    lines.push(
      style === 'v0.27'
        ? {
            level: 'INFO',
            logger,
            message: `launching machine with ${c.pods.length} pods requesting ${req} from types ${types}`,
            fields: { provisioner: c.nodePool },
          }
        : {
            level: 'INFO',
            logger,
            message: 'created nodeclaim',
            fields: { NodePool: { name: c.nodePool }, NodeClaim: { name: c.name ?? '' }, requests: JSON.parse(req) as unknown, 'instance-types': types },
          },
    );
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
  const alloc = l.launch.option.allocatable;
  return {
    level: 'INFO',
    logger: 'controller',
    message: 'launched nodeclaim',
    fields: {
      NodeClaim: { name: l.nodeClaim },
      'provider-id': `aws:///${l.launch.zone}/${l.instanceId}`,
      'instance-type': l.launch.instanceType,
      zone: l.launch.zone,
      'capacity-type': l.launch.capacityType,
      allocatable: { cpu: `${alloc.cpuMillis}m`, memory: formatMemory(alloc.memoryMiB), pods: String(alloc.pods) },
    },
  };
}

export function disruptionLogLine(cmd: DisruptionCommand, style: LogStyle): KarpenterLogLine {
  const nodes = cmd.candidates;
  const podCount = nodes.reduce((s, n) => s + n.pods.filter((p) => !p.daemonSet && !p.terminal).length, 0);
  if (style === 'v0.27') {
    const via = cmd.method === 'emptiness' ? 'emptiness' : 'consolidation';
    const list = nodes.map((n) => `${n.name}/${n.instanceType}/${n.capacityType}`).join(', ');
    let message = `deprovisioning via ${via} ${cmd.decision}, terminating ${nodes.length} machines ${list}`;
    if (cmd.replacement) {
      const types = instanceTypeList(orderedNames(cmd.replacement.nodeClaim));
      message += ` and replacing with ${cmd.replacement.launch.capacityType} machine from types ${types}`;
    }
    return { level: 'INFO', logger: 'controller.deprovisioning', message, fields: {} };
  }
  const fields: Record<string, unknown> = {
    reason: cmd.reason.toLowerCase(),
    decision: cmd.decision,
    'disrupted-node-count': nodes.length,
    'replacement-node-count': cmd.replacement ? 1 : 0,
    'pod-count': podCount,
    'disrupted-nodes': nodes.map((n) => ({
      Node: { name: n.name },
      NodeClaim: { name: n.nodeClaimName },
      'capacity-type': n.capacityType,
      'instance-type': n.instanceType,
    })),
  };
  if (cmd.replacement) {
    fields['replacement-nodes'] = [
      { 'capacity-type': cmd.replacement.launch.capacityType, 'instance-types': instanceTypeList(orderedNames(cmd.replacement.nodeClaim)) },
    ];
  }
  return { level: 'INFO', logger: 'controller', message: 'disrupting node(s)', fields };
}

function orderedNames(c: PlannedNodeClaim): string[] {
  return c.instanceTypeOptions.map((o) => o.name);
}

/** Node termination steps, in each version's wording (cordon/taint, then delete). */
export function terminationLogLines(node: string, step: 'cordon' | 'delete', style: LogStyle): KarpenterLogLine {
  if (style === 'v0.27') {
    return { level: 'INFO', logger: 'controller.termination', message: step === 'cordon' ? 'cordoned node' : 'deleted node', fields: { node } };
  }
  return step === 'cordon'
    ? { level: 'INFO', logger: 'controller', message: 'tainted node', fields: { Node: { name: node }, 'taint.Key': 'karpenter.sh/disrupted', 'taint.Value': '', 'taint.Effect': 'NoSchedule' } }
    : { level: 'INFO', logger: 'controller', message: 'deleted node', fields: { Node: { name: node } } };
}

/** Render a line as `kubectl logs` shows it: tab-separated for v0.27, one JSON object for v1. */
export function renderLogLine(line: KarpenterLogLine, isoTime: string, style: LogStyle): string {
  if (style === 'v0.27') {
    const entries = Object.entries(line.fields).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    const f = entries.length ? `\t{${entries.join(', ')}}` : '';
    return `${isoTime}\t${line.level}\t${line.logger}\t${line.message}${f}`;
  }
  return JSON.stringify({ level: line.level, time: isoTime, logger: line.logger, message: line.message, ...line.fields });
}
