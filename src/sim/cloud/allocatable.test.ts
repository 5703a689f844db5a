import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findInstanceType, instanceTypes, type InstanceType } from './catalog';
// @ts-expect-error plain JS build script without types
import { slimCatalog as slimCatalogUntyped } from '../../../scripts/slim-catalog.mjs';

const slimCatalog = slimCatalogUntyped as (full: unknown) => unknown;

interface FullType extends InstanceType {
  karpenterAllocatable?: { cpuMillicores: number; memoryMiB: number; pods: number };
}
const full = JSON.parse(readFileSync('src/sim/cloud/aws-instance-types.json', 'utf8')) as { regions: string[]; types: FullType[] };
import { computeAllocatable, kubeReservedCpuMillis } from './allocatable';

describe('catalog', () => {
  it('ships exactly the slim projection of the full catalog', () => {
    expect({ regions: [...full.regions], types: instanceTypes }).toEqual(slimCatalog(full));
    expect(instanceTypes.length).toBe(1352);
  });
});

describe('allocatable', () => {
  it('matches the kube-reserved CPU bands from the EKS AMI', () => {
    expect([1, 2, 4, 8, 96].map(kubeReservedCpuMillis)).toEqual([60, 70, 80, 90, 310]);
  });

  it('reproduces Karpenter documented allocatable for every catalogued type', () => {
    const withDocs = full.types.filter((t) => t.karpenterAllocatable);
    expect(withDocs.length).toBeGreaterThan(1000);
    for (const t of withDocs) {
      const { allocatable } = computeAllocatable(t);
      expect({ name: t.name, cpu: allocatable.cpuMillis, mem: allocatable.memoryMiB, pods: allocatable.pods }).toEqual({
        name: t.name,
        cpu: t.karpenterAllocatable!.cpuMillicores,
        mem: t.karpenterAllocatable!.memoryMiB,
        pods: t.karpenterAllocatable!.pods,
      });
    }
  });

  it('gives t3.medium 1930m / 3246Mi / 17 pods', () => {
    expect(computeAllocatable(findInstanceType('t3.medium')!).allocatable).toEqual({
      cpuMillis: 1930,
      memoryMiB: 3246,
      pods: 17,
    });
  });
});
