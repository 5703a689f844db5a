import type { InstanceType } from '../../cloud/catalog';
import { instanceTypes as catalog } from '../../cloud/catalog';
import { computeAllocatable } from '../../cloud/allocatable';
import { offeringsFor, type OfferingContext } from '../../cloud/offerings';
import {
  LABEL_ARCH,
  LABEL_INSTANCE_CATEGORY,
  LABEL_INSTANCE_CPU,
  LABEL_INSTANCE_FAMILY,
  LABEL_INSTANCE_GENERATION,
  LABEL_INSTANCE_MEMORY,
  LABEL_INSTANCE_SIZE,
  LABEL_INSTANCE_TYPE,
  LABEL_OS,
  LABEL_REGION,
} from './requirements';
import type { EC2NodeClass, InstanceTypeOption } from './types';

/** ENI-limited pod density for AL2/AL2023: ENIs × (IPv4 addresses per ENI − 1) + 2. */
export function eniLimitedMaxPods(enis: number, ipv4PerEni: number): number {
  return enis * (ipv4PerEni - 1) + 2;
}

/** kubelet maxPods / podsPerCore from the EC2NodeClass override the ENI-limited default. */
export function effectiveMaxPods(type: Pick<InstanceType, 'maxPods' | 'vcpu'>, kubelet: EC2NodeClass['kubelet'] = {}): number {
  let pods = kubelet.maxPods ?? type.maxPods;
  if (kubelet.podsPerCore !== undefined && kubelet.podsPerCore > 0) pods = Math.min(pods, kubelet.podsPerCore * type.vcpu);
  return pods;
}

/** The karpenter.k8s.aws/* and well-known labels a node of this type carries. */
export function instanceTypeLabels(type: InstanceType, region: string): Record<string, string> {
  return {
    [LABEL_INSTANCE_TYPE]: type.name,
    [LABEL_ARCH]: type.arch,
    [LABEL_OS]: 'linux',
    [LABEL_REGION]: region,
    [LABEL_INSTANCE_FAMILY]: type.family,
    [LABEL_INSTANCE_CATEGORY]: type.category,
    [LABEL_INSTANCE_GENERATION]: String(type.generation),
    [LABEL_INSTANCE_CPU]: String(type.vcpu),
    [LABEL_INSTANCE_MEMORY]: String(type.memoryMiB),
    [LABEL_INSTANCE_SIZE]: type.size,
  };
}

export function toInstanceTypeOption(
  type: InstanceType,
  ctx: OfferingContext & { kubelet?: EC2NodeClass['kubelet']; vmMemoryOverheadPercent?: number },
): InstanceTypeOption {
  const alloc = computeAllocatable(type, {
    maxPods: effectiveMaxPods(type, ctx.kubelet),
    vmOverheadPercent: ctx.vmMemoryOverheadPercent,
  });
  return {
    name: type.name,
    labels: instanceTypeLabels(type, ctx.region),
    capacity: alloc.capacity,
    allocatable: alloc.allocatable,
    offerings: offeringsFor(type, ctx),
  };
}

/**
 * The whole catalog as scheduler options. GPU/accelerator types stay in: requirements decide.
 * Types not sold in the region (no offerings) are dropped.
 */
export function catalogInstanceTypeOptions(
  ctx: OfferingContext & { kubelet?: EC2NodeClass['kubelet']; vmMemoryOverheadPercent?: number },
): InstanceTypeOption[] {
  return catalog
    .map((t) => toInstanceTypeOption(t, ctx))
    .filter((o) => o.offerings.length > 0);
}
