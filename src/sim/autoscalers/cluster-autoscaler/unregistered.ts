import type { Node, World } from '../../core/types';
import { deleteNodes } from '../../cloud/asg';
import { applyAsgToNodeGroup, asgOfNodeGroup } from '../../cloud/asgWorld';
import { countsInGroup } from '../../cloud/nodeGroups';
import { sendNode } from '../../lifecycle/apply';
import { markTerminateWhenDrained } from '../../lifecycle/nodeChanges';
import type { CaOptions } from './flags';
import { STATUS_CONFIGMAP, log } from './messages';
import { emitCaEvent } from './output';
import type { CaLogLine, ScanGroup } from './types';

/**
 * static_autoscaler.go removeOldUnregisteredNodes: an instance of a managed group whose node has
 * not registered with the API server for longer than --max-node-provision-time is deleted through
 * the cloud provider (desired − 1). Only never-registered instances go: a node that registered
 * late, even one not Ready yet, is kept (the timed-out scale-up only backs its group off, in
 * clusterstate.go updateScaleRequests). A group at its min size keeps the instance.
 * Returns how many instances were removed.
 */
export function removeOldUnregisteredNodes(world: World, groups: readonly ScanGroup[], options: CaOptions, now: number, logs: CaLogLine[]): number {
  let present = 0;
  const old: { group: ScanGroup; nodes: Node[] }[] = [];
  for (const g of groups) {
    let nodes: Node[] | undefined;
    // The group's unregistered instances, in node order, without listing every node of the group
    // first (a list of ~200 nodes per group per scan, to find none most of the time). forEach: a
    // for...of here allocated an iterator result per node (~1 MB of a medium-ca hour).
    world.nodes.forEach((node) => {
      if (node.state !== 'Launching' || node.terminateWhenDrained || !countsInGroup(node, g.group)) return;
      present++;
      const unregisteredSince = node.createdMs / 1000;
      // UnregisteredSince.Add(maxNodeProvisionTime).Before(now): strictly before.
      if (unregisteredSince + options.maxNodeProvisionTimeSeconds < now) (nodes ??= []).push(node);
    });
    if (nodes !== undefined) old.push({ group: g, nodes });
  }
  if (present === 0) return 0;
  logs.push(log(1, 'static_autoscaler.go:410', `${present} unregistered nodes present`));
  for (const { nodes } of old) for (const node of nodes) logs.push(log(0, 'static_autoscaler.go:851', `Marking unregistered node ${node.name} for removal`));
  let removed = 0;
  for (const { group: g, nodes } of old) {
    const id = g.managed.asg.name;
    logs.push(log(0, 'static_autoscaler.go:779', `Removing ${nodes.length} unregistered nodes for node group ${id}`));
    const possible = g.group.desiredCapacity - g.managed.minSize;
    if (possible <= 0) {
      logs.push(log(0, 'static_autoscaler.go:788', `Node group ${id} min size reached, skipping removal of ${nodes.length} unregistered nodes`, 'W'));
      continue;
    }
    if (nodes.length > possible) {
      // "constaint": upstream's spelling.
      logs.push(log(0, 'static_autoscaler.go:792', `Capping node group ${id} unregistered node removal to ${possible} nodes, removing all ${nodes.length} would exceed min size constaint`, 'W'));
    }
    for (const node of nodes.slice(0, possible)) {
      const change = deleteNodes(asgOfNodeGroup(world, g.group), 1);
      if (change.error || change.deleted === 0) break;
      applyAsgToNodeGroup(g.group, change.asg);
      markTerminateWhenDrained(world, node);
      sendNode(world, node, 'TERMINATE');
      emitCaEvent(world, {
        type: 'Normal',
        reason: 'DeleteUnregistered',
        message: `Removed unregistered node ${node.name}`,
        involvedObject: STATUS_CONFIGMAP,
      });
      removed++;
    }
  }
  if (removed > 0) logs.push(log(0, 'static_autoscaler.go:418', 'Some unregistered nodes were removed'));
  return removed;
}
