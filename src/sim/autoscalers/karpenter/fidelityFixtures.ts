import type { InstanceTypeOption, NodePool, NodeSelectorRequirement, Offering } from './types';
import { DEFAULT_BUDGETS } from './parse';

/**
 * Test doubles that mirror upstream's fake cloud provider (pkg/cloudprovider/fake/instancetype.go),
 * used by the fidelity adapter and unit tests. They are data only; all decisions go through the
 * real logic.
 */

export const FAKE_ZONE = 'test-zone-1a';

/** Upstream's PriceFromResources: $0.1 per vCPU + $0.1 per GB (10^9 bytes) of memory. */
export function fakePrice(vcpu: number, memoryGiB: number): number {
  return 0.1 * vcpu + (0.1 * memoryGiB * 1024 ** 3) / 1e9;
}

/** InstanceTypesAssorted-style catalog: cpu {1..64} × memory {1..128} GiB, 5 pod slots each. */
export function fakeAssortedCatalog(overhead: { cpuMillis: number; memoryMiB: number }, pods = 5): InstanceTypeOption[] {
  const out: InstanceTypeOption[] = [];
  for (const cpu of [1, 2, 4, 8, 16, 32, 64]) {
    for (const mem of [1, 2, 4, 8, 16, 32, 64, 128]) {
      out.push(
        fakeInstanceType(`${cpu}-cpu-${mem}-mem`, cpu * 1000, mem * 1024, pods, overhead, [
          { zone: FAKE_ZONE, capacityType: 'on-demand', price: fakePrice(cpu, mem), available: true },
        ]),
      );
    }
  }
  return out;
}

export function fakeInstanceType(
  name: string,
  cpuMillis: number,
  memoryMiB: number,
  pods: number,
  overhead: { cpuMillis: number; memoryMiB: number },
  offerings: Offering[],
): InstanceTypeOption {
  return {
    name,
    labels: { 'node.kubernetes.io/instance-type': name, 'kubernetes.io/arch': 'amd64', 'kubernetes.io/os': 'linux' },
    capacity: { cpuMillis, memoryMiB, pods },
    allocatable: { cpuMillis: cpuMillis - overhead.cpuMillis, memoryMiB: memoryMiB - overhead.memoryMiB, pods },
    offerings,
  };
}

export function testNodePool(overrides: Partial<NodePool> & { requirements?: NodeSelectorRequirement[] } = {}): NodePool {
  const { requirements, ...rest } = overrides;
  return {
    name: 'default',
    template: {
      labels: {},
      annotations: {},
      taints: [],
      startupTaints: [],
      requirements: requirements ?? [],
      expireAfterSeconds: 720 * 3600,
      nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'default' },
    },
    limits: {},
    disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfterSeconds: 0, budgets: [...DEFAULT_BUDGETS] },
    sourceApiVersion: 'karpenter.sh/v1',
    ...rest,
  };
}

/** Vector form {"karpenter.sh/capacity-type": ["on-demand"]} → In requirements. */
export function requirementsFromValueMap(m: Record<string, string[]> | undefined): NodeSelectorRequirement[] {
  return Object.entries(m ?? {}).map(([key, values]) => ({ key, operator: 'In' as const, values }));
}
