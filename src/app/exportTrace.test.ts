import { describe, expect, it } from 'vitest';
import type { TraceSample } from '../sim/trace/trace';
import { traceCsv, traceOf } from './exportTrace';
import { formatClock } from './time';

const s = (t: number): TraceSample => ({
  t,
  workloads: { web: { desired: 2, replicas: 1, ready: 1, pending: 1, cpuRequestMillis: 100, cpuUsageMillis: 50, cpuUtilization: 0.5 } },
  autoscalers: {},
  nodes: { total: 3, ready: 3, notReady: 0, cordoned: 0, launching: 1, byInstanceType: {}, byCapacityType: {}, byPool: { ng1: 3 } },
  pods: { pending: 1, running: 1, total: 2 },
  load: {},
  costPerHour: 0.2,
  nodeDetails: [],
});

describe('trace export', () => {
  it('writes Trace JSON v1 without per-node detail', () => {
    const tr = traceOf('demo', 3, [s(0), s(5)], []);
    expect(tr.version).toBe(1);
    expect(tr.durationSeconds).toBe(5);
    expect(tr.sampleSeconds).toBe(5);
    expect('nodeDetails' in tr.samples[0]).toBe(false);
  });
  it('writes one CSV row per sample with a column per workload measure', () => {
    const csv = traceCsv([s(0), s(5)]).trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toBe('t,nodes_total,nodes_ready,nodes_launching,pods_pending,pods_running,cost_per_hour,pool_ng1,web_desired,web_replicas,web_ready,web_cpu_utilization');
    expect(csv[2]).toBe('5,3,3,1,1,1,0.2,3,2,1,1,0.5');
  });
  it('formats the clock', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(61_000)).toBe('1:01');
    expect(formatClock(3_661_000)).toBe('1:01:01');
  });
});
