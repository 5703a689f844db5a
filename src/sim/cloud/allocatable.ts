import type { InstanceType } from './catalog';

/**
 * Node capacity and allocatable as the EKS AL2023 AMI (nodeadm) and Karpenter's AWS provider
 * compute them (aws/karpenter-provider-aws pkg/providers/instancetype/types.go; FIDELITY.md §7).
 * Memory capacity is the nominal size less the VM overhead estimate (7.5%), because the kubelet
 * reports less than the EC2 nominal size.
 */
export const DEFAULT_VM_MEMORY_OVERHEAD_PERCENT = 0.075;
export const EVICTION_HARD_MEMORY_MIB = 100;

export interface NodeResources {
  cpuMillis: number;
  memoryMiB: number;
  pods: number;
}

export interface AllocatableBreakdown {
  capacity: NodeResources;
  kubeReservedCpuMillis: number;
  kubeReservedMemoryMiB: number;
  evictionMemoryMiB: number;
  allocatable: NodeResources;
}

/** kube-reserved CPU: 6% of the first core, 1% of the second, 0.5% of cores 3–4, 0.25% above. */
export function kubeReservedCpuMillis(vcpu: number): number {
  const total = vcpu * 1000;
  const bands: [number, number, number][] = [
    [0, 1000, 0.06],
    [1000, 2000, 0.01],
    [2000, 4000, 0.005],
    [4000, Infinity, 0.0025],
  ];
  let reserved = 0;
  for (const [start, end, pct] of bands) {
    if (total <= start) break;
    reserved += Math.trunc((Math.min(total, end) - start) * pct);
  }
  return reserved;
}

/** kube-reserved memory on EKS AMIs: 11 MiB per ENI-limited pod plus 255 MiB. */
export function kubeReservedMemoryMiB(eniMaxPods: number): number {
  return 11 * eniMaxPods + 255;
}

export function memoryCapacityMiB(type: InstanceType, vmOverheadPercent = DEFAULT_VM_MEMORY_OVERHEAD_PERCENT): number {
  const mem = type.memoryMiB - (type.arch === 'arm64' ? 64 : 0);
  return mem - Math.ceil(mem * vmOverheadPercent);
}

export function computeAllocatable(
  type: InstanceType,
  opts: { maxPods?: number; vmOverheadPercent?: number } = {},
): AllocatableBreakdown {
  const pods = opts.maxPods ?? type.maxPods;
  const capacity: NodeResources = {
    cpuMillis: type.vcpu * 1000,
    memoryMiB: memoryCapacityMiB(type, opts.vmOverheadPercent),
    pods,
  };
  const cpuRes = kubeReservedCpuMillis(type.vcpu);
  // Memory reservation stays ENI-based even when maxPods is overridden (UsesENILimitedMemoryOverhead).
  const memRes = kubeReservedMemoryMiB(type.maxPods);
  return {
    capacity,
    kubeReservedCpuMillis: cpuRes,
    kubeReservedMemoryMiB: memRes,
    evictionMemoryMiB: EVICTION_HARD_MEMORY_MIB,
    allocatable: {
      cpuMillis: capacity.cpuMillis - cpuRes,
      memoryMiB: capacity.memoryMiB - memRes - EVICTION_HARD_MEMORY_MIB,
      pods,
    },
  };
}
