import type { World } from '../../core/types';
import { deleteNodes } from '../../cloud/asg';
import { applyAsgToNodeGroup, asgOfNodeGroup } from '../../cloud/asgWorld';
import { nodesOfGroup } from '../../cloud/nodeGroups';
import { sendNode } from '../../lifecycle/apply';
import type { CaOptions } from './flags';
import { log } from './messages';
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
  let removed = 0;
  for (const g of groups) {
    for (const node of nodesOfGroup(world, g.group)) {
      if (node.state !== 'Launching' || node.terminateWhenDrained) continue;
      const unregisteredSince = node.createdMs / 1000;
      // UnregisteredSince.Add(maxNodeProvisionTime).Before(now): strictly before.
      if (!(unregisteredSince + options.maxNodeProvisionTimeSeconds < now)) continue;
      const change = deleteNodes(asgOfNodeGroup(world, g.group), 1);
      if (change.error || change.deleted === 0) {
        logs.push(log(0, 'static_autoscaler.go:848', `Failed to remove node ${node.name}: node group min size reached, skipping unregistered node removal`, 'W'));
        continue;
      }
      logs.push(log(0, 'static_autoscaler.go:852', `Removing unregistered node ${node.name}`));
      applyAsgToNodeGroup(g.group, change.asg);
      node.terminateWhenDrained = true;
      sendNode(world, node, 'TERMINATE');
      emitCaEvent(world, {
        type: 'Normal',
        reason: 'DeleteUnregistered',
        message: `Removed unregistered node ${node.name}`,
        involvedObject: { kind: 'ConfigMap', namespace: 'kube-system', name: 'cluster-autoscaler-status' },
      });
      removed++;
    }
  }
  if (removed > 0) logs.push(log(0, 'static_autoscaler.go:475', 'Some unregistered nodes were removed'));
  return removed;
}
