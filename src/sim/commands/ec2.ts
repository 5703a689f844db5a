import type { Command } from '../core/commands';
import type { Node, World } from '../core/types';
import { terminateNode } from '../cloud/nodes';
import { interruptSpotInstance } from '../autoscalers/karpenter/engine/interruption';
import type { CommandResult } from '../core/commands';

type TerminateInstances = Extract<Command, { type: 'terminateInstances' }>;
type SendSpotInterruption = Extract<Command, { type: 'sendSpotInterruption' }>;

const INSTANCE_ID = /^i-[0-9a-f]{8}([0-9a-f]{9})?$/;

/** EC2 instance states as DescribeInstances reports them (code, name). */
const STATE: Record<string, [number, string]> = {
  pending: [0, 'pending'],
  running: [16, 'running'],
  shuttingDown: [32, 'shutting-down'],
  terminated: [48, 'terminated'],
};

export function instanceIdOf(node: Node): string {
  return node.providerId.split('/').pop() ?? '';
}

/** The node whose providerID (aws:///zone/i-…) names this instance. */
export function nodeByInstanceId(world: World, instanceId: string): Node | undefined {
  for (const n of world.nodes.values()) if (instanceIdOf(n) === instanceId) return n;
  return undefined;
}

type Resolved = { ok: true; nodes: Node[] } | { ok: false; output: string };

/** EC2's own checks, in its order: malformed IDs first, then the ones that do not exist. */
function resolveInstances(world: World, ids: readonly string[], operation: string): Resolved {
  const prefix = `An error occurred (%s) when calling the ${operation} operation: `;
  const malformed = ids.find((id) => !INSTANCE_ID.test(id));
  if (malformed !== undefined) return { ok: false, output: `${prefix.replace('%s', 'InvalidInstanceID.Malformed')}Invalid id: "${malformed}"` };
  const missing = ids.filter((id) => !nodeByInstanceId(world, id));
  if (missing.length === 1) return { ok: false, output: `${prefix.replace('%s', 'InvalidInstanceID.NotFound')}The instance ID '${missing[0]}' does not exist` };
  if (missing.length > 1) return { ok: false, output: `${prefix.replace('%s', 'InvalidInstanceID.NotFound')}The instance IDs '${missing.join(', ')}' do not exist` };
  return { ok: true, nodes: ids.map((id) => nodeByInstanceId(world, id)!) };
}

function stateOf(node: Node): [number, string] {
  if (node.state === 'Launching') return STATE.pending;
  if (node.state === 'Terminating') return STATE.shuttingDown;
  if (node.state === 'Gone') return STATE.terminated;
  return STATE.running;
}

const stateJson = ([code, name]: [number, string]) => ({ Code: code, Name: name });

/**
 * `aws ec2 terminate-instances`: EC2 shuts the instances down at once (no drain: their pods are
 * lost with the node). An Auto Scaling group then replaces them to keep its desired capacity;
 * Karpenter sees its NodeClaim's instance gone.
 */
export function terminateInstances(world: World, cmd: TerminateInstances): CommandResult {
  const resolved = resolveInstances(world, cmd.instanceIds, 'TerminateInstances');
  if (!resolved.ok) return { ok: false, output: resolved.output };
  const terminating = resolved.nodes.map((node) => {
    const previous = stateOf(node);
    terminateNode(world, node);
    return { CurrentState: stateJson(STATE.shuttingDown), InstanceId: instanceIdOf(node), PreviousState: stateJson(previous) };
  });
  return { ok: true, output: JSON.stringify({ TerminatingInstances: terminating }, null, 4) };
}

/** The two-minute spot interruption notice for each instance (what the UI's "interrupt spot" button sends). */
export function sendSpotInterruption(world: World, cmd: SendSpotInterruption): CommandResult {
  const resolved = resolveInstances(world, cmd.instanceIds, 'SendSpotInstanceInterruptions');
  if (!resolved.ok) return { ok: false, output: resolved.output };
  const results = resolved.nodes.map((node) => interruptSpotInstance(world, node.name));
  return { ok: results.every((r) => r.ok), output: results.map((r) => r.output).join('\n') };
}
