import { describe, expect, it } from 'vitest';
import { instanceTypes, findInstanceType } from './catalog';
import { computeAllocatable, kubeReservedCpuMillis } from './allocatable';

describe('allocatable', () => {
  it('matches the kube-reserved CPU bands from the EKS AMI', () => {
    expect([1, 2, 4, 8, 96].map(kubeReservedCpuMillis)).toEqual([60, 70, 80, 90, 310]);
  });

  it('reproduces Karpenter documented allocatable for every catalogued type', () => {
    const withDocs = instanceTypes.filter((t) => t.karpenterAllocatable);
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
