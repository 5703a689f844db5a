import { nextInt } from '../core/rng';
import type { CapacityType, Node, Taint, World } from '../core/types';
import { computeAllocatable } from './allocatable';
import { findInstanceType, onDemandPrice } from './catalog';
import { enterNodeState, sendNode } from '../lifecycle/apply';
import { spotPrice } from './spotPrices';

export interface LaunchRequest {
  pool: string;
  poolKind: Node['poolKind'];
  instanceType: string;
  capacityType: CapacityType;
  zone: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  /** Price per hour; defaults to the instance type's price in the world's region for the capacity
   * type: the on-demand price, or the (modelled) spot price in the zone for spot capacity, as a spot
   * node group's instances are billed. */
  pricePerHour?: number;
  maxPods?: number;
}

const ZONE_SUBNETS: Record<string, number> = { a: 0, b: 32, c: 64, d: 96, e: 128, f: 160 };

/** EC2 private DNS names, e.g. ip-192-168-12-34.ap-northeast-2.compute.internal. */
function privateDnsName(world: World, zone: string): string {
  const base = ZONE_SUBNETS[zone.slice(-1)] ?? 0;
  for (;;) {
    const name = `ip-192-168-${base + nextInt(world.rng, 0, 31)}-${nextInt(world.rng, 2, 254)}.${
      world.region === 'us-east-1' ? 'ec2.internal' : `${world.region}.compute.internal`
    }`;
    if (!world.nodes.has(name)) return name;
  }
}

export function launchNode(world: World, req: LaunchRequest): Node {
  const type = findInstanceType(req.instanceType);
  if (!type) throw new Error(`unknown instance type ${req.instanceType}`);
  const { capacity, allocatable } = computeAllocatable(type, { maxPods: req.maxPods });
  const name = privateDnsName(world, req.zone);
  const instanceId = `i-0${(world.nextUid++).toString(16).padStart(16, '0')}`;
  const node: Node = {
    name,
    pool: req.pool,
    poolKind: req.poolKind,
    instanceType: type.name,
    capacityType: req.capacityType,
    zone: req.zone,
    providerId: `aws:///${req.zone}/${instanceId}`,
    labels: {
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': type.arch,
      'node.kubernetes.io/instance-type': type.name,
      'topology.kubernetes.io/region': world.region,
      'topology.kubernetes.io/zone': req.zone,
      ...req.labels,
    },
    taints: req.taints ?? [],
    capacity,
    allocatable,
    requested: { cpuMillis: 0, memoryMiB: 0, pods: 0 },
    state: 'Launching',
    unschedulable: false,
    terminateWhenDrained: false,
    epoch: 0,
    createdMs: world.timeMs,
    readyMs: -1,
    pricePerHour:
      req.pricePerHour ?? (req.capacityType === 'spot' ? spotPrice(type, world.region, req.zone, world.seed) : onDemandPrice(type, world.region)),
    pulledImages: [],
    podNames: [],
    annotations: {},
  };
  world.nodes.set(name, node);
  if (world.totals) world.totals.nodesLaunched++;
  enterNodeState(world, node, 'Launching');
  return node;
}

/** Terminate the instance behind a node (EC2 TerminateInstances). */
export function terminateNode(world: World, node: Node): void {
  sendNode(world, node, 'TERMINATE');
}

/** A node that exists as EC2 capacity (launching or running), i.e. not on its way out. */
export function nodeIsLive(node: Node): boolean {
  return node.state !== 'Terminating' && node.state !== 'Gone';
}
