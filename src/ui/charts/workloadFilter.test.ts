import { describe, expect, it } from 'vitest';
import type { TraceSample } from '../../sim/trace/trace';
import { buildPanels } from './series';
import { onlyWorkload } from './workloadFilter';

const label = (k: string) => k;
const work = { desired: 1, replicas: 1, ready: 1, pending: 0, cpuRequestMillis: 200, cpuUsageMillis: 100, cpuUtilization: 0.5 };
const sample = (t: number): TraceSample => ({
  t,
  workloads: { 'php-apache': work, web: work },
  autoscalers: {},
  nodes: { total: 3, ready: 3, notReady: 0, cordoned: 0, launching: 0, byInstanceType: { 't3.medium': 3 }, byCapacityType: { 'on-demand': 3 }, byPool: { ng1: 3 } },
  pods: { pending: 0, running: 2, total: 2 },
  load: { 'php-apache': { offeredRps: 10, servedRps: 10, droppedRps: 0, p95LatencyMs: 80 } },
  costPerHour: 0.156,
});
const history = [sample(0), sample(5)];
const keys = (workload: string) => onlyWorkload(buildPanels(history, label), workload, history).flatMap((p) => p.series.map((s) => s.key));

describe('an embed for one workload (&w=NAME)', () => {
  it("keeps that workload's series and the cluster-wide ones", () => {
    const k = keys('web');
    expect(k).toContain('web/current');
    expect(k).toContain('pool/ng1');
    expect(k.some((key) => key.startsWith('php-apache/'))).toBe(false);
  });

  it("shows no other workload's charts for a workload the charts do not follow (coredns in kube-system)", () => {
    // The Export menu offers every Deployment; the trace charts only some. An embed made "for
    // coredns" showed php-apache's replicas and CPU as if they were coredns's.
    const k = keys('coredns');
    expect(k.some((key) => key.startsWith('php-apache/') || key.startsWith('web/'))).toBe(false);
    expect(k).toContain('pool/ng1');
  });
});
