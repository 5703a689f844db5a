import type { World } from '../../../core/types';
import { markOfferingUnavailable } from '../../../cloud/offerings';
import { sendNode } from '../../../lifecycle/apply';
import { interruptionDelete } from '../logsV1';
import { karpenterEvent, karpenterLog } from './logging';
import { karpenterState } from './machineDriver';
import { deleteNodeClaim } from './nodeClaims';
import { claimOfNode, styleOfPool, type KarpenterState } from './state';
import { msg, type Message } from '../../../core/message';

/** EC2 gives a spot instance two minutes' notice before reclaiming it. */
export const SPOT_INTERRUPTION_NOTICE_MS = 120_000;

/**
 * A spot interruption warning (EventBridge → Karpenter's SQS queue). Karpenter's interruption
 * controller marks the offering unavailable (so provisioning picks another), then deletes the
 * NodeClaim at once: taint, drain, terminate when drained. Whatever is still running at the
 * deadline, EC2 reclaims. A spot node Karpenter does not manage just gets reclaimed at the deadline.
 */
export function interruptSpotInstance(world: World, nodeName: string): { ok: boolean; output: string; msg?: Message } {
  const node = world.nodes.get(nodeName);
  if (!node) return { ok: false, output: `Error from server (NotFound): nodes "${nodeName}" not found` };
  if (node.capacityType !== 'spot') return { ok: false, output: `error: ${nodeName} is not a spot instance`, msg: msg('engine.fault.notSpot', { node: nodeName }) };
  if (node.state === 'Terminating' || node.state === 'Gone') return { ok: false, output: `error: ${nodeName} is already terminating`, msg: msg('engine.fault.alreadyTerminating', { node: nodeName }) };
  const state = karpenterState(world);
  const deadline = world.timeMs + SPOT_INTERRUPTION_NOTICE_MS;
  state.interruptions[node.name] = deadline;
  const claim = claimOfNode(state, node.name);
  const instanceId = node.providerId.split('/').pop() ?? '';
  if (!claim) {
    return {
      ok: true,
      output: `spot interruption notice sent to ${instanceId} (${node.name}): EC2 reclaims it in 2m; no Karpenter NodeClaim owns it, so nothing drains it first`,
      msg: msg('engine.fault.spotNoticeUnmanaged', { instance: instanceId, node: node.name }),
    };
  }
  state.unavailable = markOfferingUnavailable(
    state.unavailable,
    { instanceType: node.instanceType, zone: node.zone, capacityType: 'spot' },
    world.timeMs / 1000,
  );
  const style = styleOfPool(state, claim.nodePool);
  karpenterLog(
    world,
    style === 'v0.27'
      ? {
          level: 'INFO',
          logger: 'controller.interruption',
          message: 'initiating delete from interruption message',
          fields: { queue: `Karpenter-${world.clusterName}`, messageKind: 'SpotInterruptionKind', machine: claim.name, action: 'CordonAndDrain', node: node.name },
        }
      : interruptionDelete(`Karpenter-${world.clusterName}`, claim.name, node.name),
    style,
  );
  for (const kind of ['Node', 'NodeClaim'] as const) {
    karpenterEvent(world, state, { kind, name: kind === 'Node' ? node.name : claim.name, type: 'Warning', reason: 'SpotInterrupted', message: 'Spot interruption warning was triggered' }, false);
    karpenterEvent(world, state, { kind, name: kind === 'Node' ? node.name : claim.name, type: 'Warning', reason: 'TerminatingOnInterruption', message: 'Interruption triggered termination for the Node' }, false);
  }
  deleteNodeClaim(world, state, claim);
  return {
    ok: true,
    output: `spot interruption notice sent to ${instanceId} (${node.name}): Karpenter cordons and drains it; EC2 reclaims it in 2m`,
    msg: msg('engine.fault.spotNotice', { instance: instanceId, node: node.name }),
  };
}

/** EC2 reclaims interrupted instances at their deadline. */
export function reclaimInterruptedInstances(world: World, state: KarpenterState): void {
  for (const [name, deadline] of Object.entries(state.interruptions)) {
    const node = world.nodes.get(name);
    if (!node || node.state === 'Gone') {
      delete state.interruptions[name];
      continue;
    }
    if (world.timeMs < deadline) continue;
    delete state.interruptions[name];
    if (node.state !== 'Terminating') sendNode(world, node, 'TERMINATE');
  }
}
