import { nextFloat } from '../core/rng';
import type { Node, NodeGroup, World } from '../core/types';
import { emitEvent, log } from '../core/world';
import { launchNode, nodeIsLive, terminateNode } from './nodes';
import { sendNode } from '../lifecycle/apply';
import { maxOf } from '../core/arrays';

/**
 * An EKS managed node group is an EC2 Auto Scaling group: it keeps as many instances as its
 * desired capacity, spreading launches across its zones and, on scale-in, terminating from the
 * zone with the most instances (the default termination policy's AZ balance, then the instance
 * closest to its next billing hour).
 */
export function nodesOfGroup(world: World, group: NodeGroup): Node[] {
  const out: Node[] = [];
  // A node an autoscaler is draining for removal already left the group's count (its desired was decremented).
  for (const n of world.nodes.values()) {
    if (n.pool === group.name && n.poolKind === 'nodeGroup' && nodeIsLive(n) && !n.terminateWhenDrained) out.push(n);
  }
  return out;
}

export function nodeGroupLabels(group: NodeGroup): Record<string, string> {
  return {
    'eks.amazonaws.com/nodegroup': group.name,
    'eks.amazonaws.com/capacityType': group.capacityType === 'spot' ? 'SPOT' : 'ON_DEMAND',
    'alpha.eksctl.io/nodegroup-name': group.name,
    ...group.labels,
  };
}

function zoneCounts(nodes: Node[], zones: string[]): Map<string, number> {
  const counts = new Map(zones.map((z) => [z, 0]));
  for (const n of nodes) counts.set(n.zone, (counts.get(n.zone) ?? 0) + 1);
  return counts;
}

export function reconcileNodeGroups(world: World): void {
  for (const group of world.nodeGroups.values()) {
    const nodes = nodesOfGroup(world, group);
    if (nodes.length < group.desiredCapacity) {
      const counts = zoneCounts(nodes, group.zones);
      for (let i = nodes.length; i < group.desiredCapacity; i++) {
        const zone = [...counts.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0][0];
        counts.set(zone, (counts.get(zone) ?? 0) + 1);
        const node = launchNode(world, {
          pool: group.name,
          poolKind: 'nodeGroup',
          instanceType: group.instanceTypes[0],
          capacityType: group.capacityType,
          zone,
          labels: nodeGroupLabels(group),
          taints: group.taints,
        });
        log(world, 'aws-autoscaling', `Launching a new EC2 instance: ${node.providerId.split('/').pop()} (group ${group.name}, ${node.instanceType}, ${zone})`);
      }
    } else if (nodes.length > group.desiredCapacity) {
      let excess = nodes.length - group.desiredCapacity;
      const live = [...nodes];
      while (excess-- > 0) {
        const counts = zoneCounts(live, group.zones);
        const maxZone = maxOf(counts.values());
        const inZone = live.filter((n) => counts.get(n.zone) === maxZone);
        const billing = (n: Node) => ((world.timeMs - n.createdMs) % 3_600_000) / 3_600_000;
        inZone.sort((a, b) => billing(b) - billing(a) || (nextFloat(world.rng) < 0.5 ? -1 : 1));
        const victim = inZone[0];
        live.splice(live.indexOf(victim), 1);
        // EKS managed node groups cordon and drain an instance before the ASG terminates it.
        victim.terminateWhenDrained = true;
        if (!sendNode(world, victim, 'DRAIN')) terminateNode(world, victim);
        emitEvent(world, {
          kind: 'Node',
          name: victim.name,
          namespace: '',
          type: 'Normal',
          reason: 'Terminating',
          message: `Terminating EC2 instance ${victim.providerId.split('/').pop()}: the Auto Scaling group ${group.name} desired capacity is ${group.desiredCapacity}`,
          source: 'aws-autoscaling',
        });
      }
    }
  }
}
