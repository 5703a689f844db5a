import { describe, it, expect } from 'vitest';
import { binpackingEstimate, orderPodsForBinpacking } from './binpacking';
import { templateForInstanceType } from './template';
import type { TemplateNode } from './types';

const tmpl = (cpu: number, mem: number, pods: number): TemplateNode => ({
  allocatable: { cpuMillis: cpu, memoryMiB: mem, pods },
  capacity: { cpuMillis: cpu, memoryMiB: mem, pods },
});
const pods = (n: number, cpu: number, mem: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `p${i}`, requests: { cpuMillis: cpu, memoryMiB: mem } }));

describe('binpackingEstimate (upstream TestBinpackingEstimate)', () => {
  it('packs by resources', () => {
    expect(binpackingEstimate(pods(10, 350, 0.001), tmpl(1000, 2000, 10), [], 0)).toMatchObject({
      nodeCount: 5,
    });
  });
  it('is bounded by pods per node', () => {
    const r = binpackingEstimate(pods(20, 10, 0.0001), tmpl(10000, 20000, 10), [], 0);
    expect(r.nodeCount).toBe(2);
    expect(r.scheduledPods).toHaveLength(20);
  });
  it('stops at the limiter', () => {
    const r = binpackingEstimate(pods(20, 500, 0.001), tmpl(1000, 5000, 10), [], 5);
    expect(r.nodeCount).toBe(5);
    expect(r.scheduledPods).toHaveLength(10);
    expect(r.limited).toHaveLength(10);
  });
  it('never opens a node for a pod that fits no empty node', () => {
    const r = binpackingEstimate(
      [...pods(1, 5000, 1), ...pods(2, 100, 1)].map((p, i) => ({ ...p, name: `q${i}` })),
      tmpl(1000, 1000, 10),
      [],
      0,
    );
    expect(r.nodeCount).toBe(1);
    expect(r.unfit).toEqual([{ pod: 'q0', reason: 'Insufficient cpu' }]);
  });
  it('counts DaemonSet overhead on the template', () => {
    const t3 = templateForInstanceType('t3.medium')!;
    const ds = [
      { name: 'aws-node', namespace: 'kube-system', requests: { cpuMillis: 25, memoryMiB: 0 } },
      { name: 'kube-proxy', namespace: 'kube-system', requests: { cpuMillis: 100, memoryMiB: 0 } },
    ];
    // 1930 m allocatable; without DS four 460m pods fit (1840), with DS only three (125 + 1840 > 1930).
    expect(binpackingEstimate(pods(8, 460, 100), t3, [], 0).nodeCount).toBe(2);
    expect(binpackingEstimate(pods(8, 460, 100), t3, ds, 0).nodeCount).toBe(3);
    const onlyGpu = [{ ...ds[0], nodeSelector: { gpu: 'true' } }];
    expect(binpackingEstimate(pods(4, 450, 100), t3, onlyGpu, 0).nodeCount).toBe(1);
  });
  it('orders pods by cpu/nodeCPU + mem/nodeMem, largest first', () => {
    const t = tmpl(1000, 1000, 10);
    const ordered = orderPodsForBinpacking(
      [
        { name: 'small', requests: { cpuMillis: 100, memoryMiB: 100 } },
        { name: 'memory', requests: { cpuMillis: 0, memoryMiB: 700 } },
        { name: 'cpu', requests: { cpuMillis: 500, memoryMiB: 0 } },
      ],
      t,
    );
    expect(ordered.map((p) => p.name)).toEqual(['memory', 'cpu', 'small']);
  });
});
