import { nextFloat } from '../core/rng';
import type { Node, NodeGroup, World } from '../core/types';
import { emitEvent, log } from '../core/world';
import { launchNode, nodeIsLive, terminateNode } from './nodes';
import { sendNode } from '../lifecycle/apply';
import { markTerminateWhenDrained, nodesVersion } from '../lifecycle/nodeChanges';
import { maxOf } from '../core/arrays';
import { faultsOf, launchRefusal } from '../faults/state';

/**
 * An EKS managed node group is an EC2 Auto Scaling group: it keeps as many instances as its
 * desired capacity, spreading launches across its zones and, on scale-in, terminating from the
 * zone with the most instances (the default termination policy's AZ balance, then the instance
 * closest to its next billing hour).
 */
// A node an autoscaler is draining for removal already left the group's count (its desired was decremented).
export function countsInGroup(n: Node, group: NodeGroup): boolean {
  return n.pool === group.name && n.poolKind === 'nodeGroup' && nodeIsLive(n) && !n.terminateWhenDrained;
}

export function nodesOfGroup(world: World, group: NodeGroup): Node[] {
  const out: Node[] = [];
  for (const n of world.nodes.values()) if (countsInGroup(n, group)) out.push(n);
  return out;
}

/** How many of the group's nodes pass `which` (all of them when omitted), without listing them. */
export function countNodesOfGroup(world: World, group: NodeGroup, which?: (n: Node) => boolean): number {
  let count = 0;
  for (const n of world.nodes.values()) if (countsInGroup(n, group) && (which === undefined || which(n))) count++;
  return count;
}

/** The group's first node (in node order) that passes `which`. */
export function findNodeOfGroup(world: World, group: NodeGroup, which: (n: Node) => boolean): Node | undefined {
  for (const n of world.nodes.values()) if (countsInGroup(n, group) && which(n)) return n;
  return undefined;
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

/**
 * Launch toward desired capacity, each instance in the zone with the fewest. When EC2 refuses a zone
 * (InsufficientInstanceCapacity: a lost zone, or no capacity of the type), the ASG tries its other
 * zones; when every zone refuses, the launch fails as a scaling activity with status Failed and the
 * ASG tries again later while desired capacity stays above its instances. The retry pace (10 s,
 * doubling to 5 min) is the playground's: AWS does not document it.
 */
function launchForGroup(world: World, group: NodeGroup, nodes: Node[]): void {
  const faults = world.faults;
  const failure = faults?.asgFailures[group.name];
  if (failure && world.timeMs < failure.retryAtMs) return;
  const counts = zoneCounts(nodes, group.zones);
  const type = group.instanceTypes[0];
  for (let i = nodes.length; i < group.desiredCapacity; i++) {
    const order = [...counts.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map((e) => e[0]);
    let zone: string | undefined;
    let refusal: string | null = null;
    for (const z of order) {
      const r = launchRefusal(world, type, z, group.zones);
      if (r === null) {
        zone = z;
        break;
      }
      refusal ??= r;
    }
    if (zone === undefined) {
      const f = faultsOf(world);
      const attempts = (failure?.attempts ?? 0) + 1;
      const message = `${refusal ?? ''} Launching EC2 instance failed.`;
      f.asgFailures[group.name] = { atMs: world.timeMs, message, attempts, retryAtMs: world.timeMs + Math.min(300_000, 10_000 * 2 ** (attempts - 1)) };
      log(world, 'aws-autoscaling', `Launching a new EC2 instance. Status Reason: ${message}`, 'WARN');
      return;
    }
    counts.set(zone, (counts.get(zone) ?? 0) + 1);
    const node = launchNode(world, {
      pool: group.name,
      poolKind: 'nodeGroup',
      instanceType: type,
      capacityType: group.capacityType,
      zone,
      labels: nodeGroupLabels(group),
      taints: group.taints,
    });
    if (faults?.asgFailures[group.name]) delete faults.asgFailures[group.name];
    log(world, 'aws-autoscaling', `Launching a new EC2 instance: ${node.providerId.split('/').pop()} (group ${group.name}, ${node.instanceType}, ${zone})`);
  }
}

/**
 * How many nodes count toward each group (countsInGroup), by group name, from one walk over the
 * nodes, kept while no node changed (lifecycle/nodeChanges.ts): most ticks no node is created,
 * changes state or is marked to go, and the walk over every node ran every tick.
 */
const groupCounts = new WeakMap<World, { version: number; byGroup: Map<string, number> }>();

export function nodeCountsByGroup(world: World): Map<string, number> {
  const version = nodesVersion(world);
  const kept = groupCounts.get(world);
  if (kept !== undefined && kept.version === version) return kept.byGroup;
  const byGroup = new Map<string, number>();
  for (const n of world.nodes.values()) {
    if (n.poolKind !== 'nodeGroup' || !nodeIsLive(n) || n.terminateWhenDrained) continue;
    byGroup.set(n.pool, (byGroup.get(n.pool) ?? 0) + 1);
  }
  groupCounts.set(world, { version, byGroup });
  return byGroup;
}

export function reconcileNodeGroups(world: World): void {
  // Most ticks each group is at its desired size and needs no list.
  const counts = nodeCountsByGroup(world);
  for (const group of world.nodeGroups.values()) {
    const count = counts.get(group.name) ?? 0;
    if (count === group.desiredCapacity) continue;
    const nodes = nodesOfGroup(world, group);
    if (nodes.length < group.desiredCapacity) {
      launchForGroup(world, group, nodes);
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
        markTerminateWhenDrained(world, victim);
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
