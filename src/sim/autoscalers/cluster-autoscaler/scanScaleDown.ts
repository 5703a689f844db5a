import type { World } from '../../core/types';
import { deleteNodes } from '../../cloud/asg';
import { applyAsgToNodeGroup, asgOfNodeGroup } from '../../cloud/asgWorld';
import { sendNode } from '../../lifecycle/apply';
import { markTerminateWhenDrained } from '../../lifecycle/nodeChanges';
import { hasToBeDeletedTaint, TO_BE_DELETED_TAINT } from './eligibility';
import type { CaOptions } from './flags';
import { log, nodeRemovedEvent, nodeRemovedStatusEvent } from './messages';
import { emitCaEvent } from './output';
import { planScaleDown, type NodeDeletion, type ScaleDownResult } from './scaleDown';
import type { CaWorldState } from './state';
import type { CaLogLine, CaNode, CaPod, ScanGroup } from './types';
import { pdbStatuses } from './worldView';
import { msg } from '../../core/message';

/**
 * Remove one node the way the CA's actuator does on AWS: taint it ToBeDeletedByClusterAutoscaler,
 * terminate the instance with "decrement desired capacity", and let the drain evict its pods
 * (the engine terminates the node once it is drained). Returns false when the ASG refused.
 */
function removeNode(world: World, state: CaWorldState, group: ScanGroup, d: NodeDeletion, logs: CaLogLine[]): boolean {
  const node = world.nodes.get(d.node);
  if (!node) return false;
  const change = deleteNodes(asgOfNodeGroup(world, group.group), 1);
  if (change.error || change.deleted === 0) {
    logs.push(log(0, 'actuator.go:240', `Failed to delete ${d.node}: ${change.error?.message ?? 'nothing deleted'}`, 'E'));
    return false;
  }
  applyAsgToNodeGroup(group.group, change.asg);
  const epochSeconds = Math.floor((world.startEpochMs + world.timeMs) / 1000);
  if (!hasToBeDeletedTaint(node.taints)) {
    node.taints = [...node.taints, { key: TO_BE_DELETED_TAINT, value: String(epochSeconds), effect: 'NoSchedule' }];
  }
  markTerminateWhenDrained(world, node);
  world.schedulerDirty = true;
  // A node that never became Ready has nothing to drain: terminate it directly.
  if (!sendNode(world, node, 'DRAIN')) sendNode(world, node, 'TERMINATE');
  state.deleting.push(d.node);
  state.scaleDowns += 1;
  // StartDeletion taints the node first (utils/taints), then the actuator says what it removes.
  logs.push(log(1, 'taints.go:218', `Successfully added ${TO_BE_DELETED_TAINT} on node ${d.node}`), d.log);
  return true;
}

/**
 * Step 4 of the loop: plan the scale-down on the current view and carry it out. The removals'
 * lines go after the plan's in the result's `logs` (the scan prints them there), rather than the
 * plan's few hundred lines copied into the scan's list first.
 */
export function applyScaleDown(
  world: World,
  state: CaWorldState,
  groups: readonly ScanGroup[],
  nodes: readonly CaNode[],
  bound: readonly CaPod[],
  options: CaOptions,
  now: number,
  scaleDownForbidden = false,
): ScaleDownResult {
  const down = planScaleDown({
    nowSeconds: now,
    nodes,
    pods: bound,
    groups: groups.map((g) => ({ name: g.managed.asg.name, minSize: g.managed.minSize, targetSize: g.group.desiredCapacity })),
    pdbs: pdbStatuses(world),
    options,
    unneededSince: state.unneededSince,
    deletingNodes: state.deleting,
    lastScaleUpAtSeconds: state.lastScaleUpAtSeconds,
    lastScaleDownDeleteAtSeconds: state.lastScaleDownDeleteAtSeconds,
    lastScaleDownFailAtSeconds: state.lastScaleDownFailAtSeconds,
    unremovable: state.unremovable,
    lastUpdateAtSeconds: state.plannerUpdatedAtSeconds,
    minUpdateIntervalSeconds: state.plannerMinUpdateIntervalSeconds,
    startEpochMs: world.startEpochMs,
    processStartSeconds: (state.processStartMs ?? 0) / 1000,
    scaleDownForbidden,
  });
  const logs = down.logs;
  state.unneededSince = down.unneededSince;
  state.unremovable = down.unremovable;
  state.plannerUpdatedAtSeconds = now;
  state.plannerMinUpdateIntervalSeconds = down.minUpdateIntervalSeconds;
  const removed: string[] = [];
  let failed = false;
  for (const d of down.deletions) {
    const group = groups.find((g) => g.managed.asg.name === d.group);
    if (group && removeNode(world, state, group, d, logs)) removed.push(d.node);
    else failed = true;
  }
  // The plan's events belong to deletions that happened; a refused deletion keeps its node and pods quiet.
  const refused = down.deletions.filter((d) => !removed.includes(d.node));
  const quietPods = new Set(refused.flatMap((d) => d.pods));
  for (const e of down.events) {
    const o = e.involvedObject;
    if (o.kind === 'Node' && refused.some((d) => d.node === o.name)) continue;
    if (o.kind === 'Pod' && quietPods.has(`${o.namespace ?? ''}/${o.name}`)) continue;
    if (o.kind === 'ConfigMap' && refused.some((d) => e.message.includes(d.node))) continue;
    emitCaEvent(world, e);
  }
  for (const n of removed) {
    emitCaEvent(world, nodeRemovedEvent(n));
    emitCaEvent(world, nodeRemovedStatusEvent(n, down.deletions.find((d) => d.node === n)!.empty));
  }
  if (removed.length > 0) {
    state.lastScaleDownDeleteAtSeconds = now;
    state.why.lastScaleDown = {
      atSeconds: now,
      lines: removed.map((n) => down.nodes.find((s) => s.node === n)?.explanation ?? msg('engine.ca.node.removed', { node: n })),
    };
    for (const n of removed) delete state.unneededSince[n];
  }
  if (failed) state.lastScaleDownFailAtSeconds = now;
  return down;
}
