import type { NodeGroup, World } from '../core/types';
import type { AutoScalingGroup } from './asg';

/**
 * The engine keeps node groups as `world.nodeGroups` (the source of truth); the Cluster Autoscaler
 * and the `aws autoscaling` commands think in EC2 Auto Scaling groups. These functions convert one
 * into the other, so the ASG rules in asg.ts apply to the engine's groups.
 */

/** FNV-1a, 32 bit: a stable hash so a group's ASG name does not depend on the RNG's position. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * EKS names a managed node group's ASG `eks-<nodegroup>-<uuid>`. The uuid here is derived from the
 * cluster and group names, so it is the same in every run of a scenario. Names already derived are
 * kept: the CA asks for each group's name several times a scan, four hashes each.
 */
const asgNames = new Map<string, string>();

export function asgNameOf(world: Pick<World, 'clusterName'>, group: Pick<NodeGroup, 'name'>): string {
  const key = `${world.clusterName}/${group.name}`;
  const known = asgNames.get(key);
  if (known !== undefined) return known;
  const hex = [1, 2, 3, 4]
    .map((i) => fnv1a(key, 0x811c9dc5 ^ Math.imul(i, 0x9e3779b9)).toString(16).padStart(8, '0'))
    .join('');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  const name = `eks-${group.name}-${uuid}`;
  // A bound, not an eviction order: worlds have a handful of groups, fuzzing may make thousands.
  if (asgNames.size >= 4096) asgNames.clear();
  asgNames.set(key, name);
  return name;
}

/** The tags EKS puts on every managed node group's ASG, plus the scenario's own `tags`. */
export function asgTagsOf(world: Pick<World, 'clusterName'>, group: NodeGroup): Record<string, string> {
  return {
    'eks:cluster-name': world.clusterName,
    'eks:nodegroup-name': group.name,
    ...group.tags,
  };
}

export function asgOfNodeGroup(world: Pick<World, 'clusterName'>, group: NodeGroup): AutoScalingGroup {
  return {
    name: asgNameOf(world, group),
    minSize: group.minSize,
    maxSize: group.maxSize,
    desiredCapacity: group.desiredCapacity,
    instanceTypes: [...group.instanceTypes],
    tags: asgTagsOf(world, group),
  };
}

/** Each group's last ASG with what it was built from; frozen, since scans after it hold the same object. */
const lastAsgs = new WeakMap<NodeGroup, { clusterName: string; minSize: number; maxSize: number; desiredCapacity: number; instanceTypes: NodeGroup['instanceTypes']; tags: NodeGroup['tags']; asg: AutoScalingGroup }>();

/** The ASG of every node group, as the CA lists them each scan: a group whose fields are unchanged gives its last ASG again. */
export function allAsgs(world: World): AutoScalingGroup[] {
  const out: AutoScalingGroup[] = [];
  for (const g of world.nodeGroups.values()) {
    const c = lastAsgs.get(g);
    if (
      c !== undefined &&
      c.clusterName === world.clusterName &&
      c.minSize === g.minSize &&
      c.maxSize === g.maxSize &&
      c.desiredCapacity === g.desiredCapacity &&
      c.instanceTypes === g.instanceTypes &&
      c.tags === g.tags
    ) {
      out.push(c.asg);
      continue;
    }
    const asg = Object.freeze(asgOfNodeGroup(world, g));
    lastAsgs.set(g, { clusterName: world.clusterName, minSize: g.minSize, maxSize: g.maxSize, desiredCapacity: g.desiredCapacity, instanceTypes: g.instanceTypes, tags: g.tags, asg });
    out.push(asg);
  }
  return out;
}

/** Write an ASG's sizes back to the engine's node group (the ASG reconcile then acts on them). */
export function applyAsgToNodeGroup(group: NodeGroup, asg: AutoScalingGroup): void {
  group.minSize = asg.minSize;
  group.maxSize = asg.maxSize;
  group.desiredCapacity = asg.desiredCapacity;
}

/**
 * The node group an ASG name refers to: the full `eks-<group>-<uuid>` name, or (a playground
 * convenience, since the uuid is only visible through describe-auto-scaling-groups) the node group
 * name itself or `eks-<group>`.
 */
export function nodeGroupByAsgName(world: World, name: string): NodeGroup | undefined {
  for (const g of world.nodeGroups.values()) {
    if (asgNameOf(world, g) === name) return g;
  }
  return world.nodeGroups.get(name) ?? world.nodeGroups.get(name.replace(/^eks-/, ''));
}
