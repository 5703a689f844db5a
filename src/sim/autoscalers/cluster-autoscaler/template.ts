import { computeAllocatable } from '../../cloud/allocatable';
import { findInstanceType, onDemandPrice } from '../../cloud/catalog';
import type { TemplateNode } from './types';

/**
 * The template node of a group with no live node to copy: capacity and allocatable as the EKS
 * AMI reports them for the instance type, plus the well-known labels a new node would carry.
 */
export function templateForInstanceType(
  instanceType: string,
  extra: { labels?: Record<string, string>; taints?: TemplateNode['taints'] } = {},
): TemplateNode | undefined {
  const type = findInstanceType(instanceType);
  if (!type) return undefined;
  const { capacity, allocatable } = computeAllocatable(type);
  return {
    capacity,
    allocatable,
    labels: {
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': type.arch,
      'node.kubernetes.io/instance-type': instanceType,
      ...extra.labels,
    },
    taints: extra.taints,
  };
}

export function pricePerHour(instanceType: string, region: string): number | undefined {
  const type = findInstanceType(instanceType);
  return type ? onDemandPrice(type, region) : undefined;
}
