import { emptySample } from '../../sim/testing/fixtures';
import { describe, expect, it } from 'vitest';
import type { TraceSample } from '../../sim/trace/trace';
import type { VpaChartPoint } from '../../sim/autoscalers/vpa/worldState';
import {
  buildAutoscalerPanels,
  clusterAutoscalerPanels,
  nodeClaimPanels,
  placeAutoscalerPanels,
  queuePanels,
  scaledObjectPanels,
  vpaPanels,
} from './autoscalerSeries';
import { bandRuns } from './bands';
import { buildPanels } from './series';
import { runExample } from '../autoscalers/exampleRuns';
import { vpaChartSources } from '../autoscalers/worldLookups';

const label = (k: string, v?: Record<string, string | number>) =>
  v ? `${k}:${Object.values(v).join('/')}` : k;

const sample = (t: number, autoscalers: TraceSample['autoscalers']): TraceSample => emptySample(t, autoscalers);

function point(
  t: number,
  container: string,
  targetCpu: number,
  requestCpu: number,
  usageCpu: number,
): VpaChartPoint {
  return {
    t,
    container,
    targetCpu,
    lowerCpu: targetCpu - 100,
    upperCpu: targetCpu + 400,
    requestCpu,
    usageCpu,
    targetMemory: 250,
    lowerMemory: 250,
    upperMemory: 500,
    requestMemory: 50,
    usageMemory: 30,
  };
}

const queue = (depth: number, age: number) => ({
  type: 'sqs',
  depth,
  visible: depth - 1,
  inFlight: 1,
  oldestAgeSeconds: age,
});
const so = (active: boolean, replicas: number, fallback = false) => ({
  state: active ? 'active' : 'inactive',
  active,
  fallback,
  replicas,
  hpa: 'keda-hpa-x',
});

describe('VPA panels', () => {
  it('one CPU and one memory panel per container, on the VPA’s own sample times', () => {
    const points = [
      point(60, 'app', 300, 100, 250),
      point(60, 'sidecar', 50, 20, 10),
      point(120, 'app', 587, 587, 500),
      point(120, 'sidecar', 60, 20, 12),
    ];
    const panels = vpaPanels([{ vpa: 'v', namespace: 'default', target: 'web', points }], label);
    expect(panels.map((p) => p.id)).toEqual([
      'vpa-cpu-v-app',
      'vpa-memory-v-app',
      'vpa-cpu-v-sidecar',
      'vpa-memory-v-sidecar',
    ]);
    const cpu = panels[0];
    expect(cpu.times).toEqual([60, 120]);
    expect(cpu.series.map((s) => s.key)).toEqual([
      'vpa-cpu/target',
      'vpa-cpu/lower',
      'vpa-cpu/upper',
      'vpa-cpu/request',
      'vpa-cpu/usage',
    ]);
    expect(cpu.series[0].values).toEqual([300, 587]);
    expect(cpu.series[3].values).toEqual([100, 587]);
    expect(cpu.series[4].values).toEqual([250, 500]);
    expect(cpu.titleKey).toBe('autoscalers.chart.vpaCpu:v/app');
    expect(panels[1].series[3].values).toEqual([50, 50]);
  });
  it('a single-container VPA keeps the plain id; no points means no panel', () => {
    expect(
      vpaPanels(
        [{ vpa: 'v', namespace: 'default', target: 'web', points: [point(60, 'app', 1, 1, 1)] }],
        label,
      ).map((p) => p.id),
    ).toEqual(['vpa-cpu-v', 'vpa-memory-v']);
    expect(vpaPanels([{ vpa: 'v', namespace: 'default', target: 'web', points: [] }], label)).toEqual([]);
  });
});

describe('KEDA panels', () => {
  const history = [
    sample(0, {}),
    sample(5, { 'Queue/orders': queue(200, 4), 'ScaledObject/x': so(true, 4) }),
    sample(10, { 'Queue/orders': queue(30, 1), 'ScaledObject/x': so(true, 10) }),
    sample(15, { 'Queue/orders': queue(0, 0), 'ScaledObject/x': so(false, 10) }),
  ];
  it('queue depth (with visible and in flight) and the oldest message’s age', () => {
    const [depth, age] = queuePanels(history, label);
    expect(depth.id).toBe('queue-depth-orders');
    expect(depth.series[0].values).toEqual([null, 200, 30, 0]);
    expect(depth.series.map((s) => s.key)).toEqual([
      'queue/orders/depth',
      'queue/orders/visible',
      'queue/orders/inFlight',
    ]);
    expect(age.id).toBe('queue-age-orders');
    expect(age.series[0].values).toEqual([null, 4, 1, 0]);
    expect(age.times).toBeUndefined();
  });
  it('ScaledObject replicas with an active band aligned to the samples; fallback only when it happened', () => {
    const [panel] = scaledObjectPanels(history, label);
    expect(panel.id).toBe('scaledobject-x');
    expect(panel.series[0].values).toEqual([null, 4, 10, 10]);
    expect(panel.bands?.map((b) => b.key)).toEqual(['so/x/active']);
    expect(panel.bands?.[0].on).toEqual([false, true, true, false]);
    const withFallback = [...history, sample(20, { 'ScaledObject/x': so(false, 10, true) })];
    expect(scaledObjectPanels(withFallback, label)[0].bands?.map((b) => b.key)).toEqual([
      'so/x/active',
      'so/x/fallback',
    ]);
  });
  it('adds the generated HPA’s desired replicas when the trace has that HPA', () => {
    const h = [
      sample(0, {
        'ScaledObject/x': so(true, 2),
        'HorizontalPodAutoscaler/keda-hpa-x': { desiredReplicas: 3 },
      }),
    ];
    expect(scaledObjectPanels(h, label)[0].series.map((s) => s.values)).toEqual([[2], [3]]);
  });
});

describe('node panels', () => {
  it('NodeClaims per pool: all, launching, deleting', () => {
    const h = [
      sample(0, { 'NodePool/default': { nodeClaims: 1, launching: 1, deleting: 0 } }),
      sample(5, { 'NodePool/default': { nodeClaims: 2, launching: 0, deleting: 1 } }),
    ];
    const [p] = nodeClaimPanels(h, label);
    expect(p.series.map((s) => s.values)).toEqual([
      [1, 2],
      [1, 0],
      [0, 1],
    ]);
    expect(nodeClaimPanels([sample(0, {})], label)).toEqual([]);
  });
  it('Cluster Autoscaler: target size per node group and upcoming/unneeded/deleting nodes', () => {
    const h = [
      sample(0, {
        'ClusterAutoscaler/cluster-autoscaler': {
          desired: { ng1: 3 },
          upcomingNodes: 2,
          unneededNodes: 0,
          deletingNodes: 0,
        },
      }),
      sample(5, {
        'ClusterAutoscaler/cluster-autoscaler': {
          desired: { ng1: 5 },
          upcomingNodes: 0,
          unneededNodes: 1,
          deletingNodes: 1,
        },
      }),
    ];
    const [p] = clusterAutoscalerPanels(h, label);
    expect(p.series.map((s) => s.key)).toEqual([
      'ca/ng1/target',
      'ca/upcoming',
      'ca/unneeded',
      'ca/deleting',
    ]);
    expect(p.series[0].values).toEqual([3, 5]);
    expect(p.series[1].values).toEqual([2, 0]);
  });
});

describe('placing the panels', () => {
  it('workload panels after replicas, node panels after nodes; none without autoscalers', () => {
    const base = buildPanels([sample(0, {})], label);
    const h = [sample(0, { 'ScaledObject/x': so(true, 1), 'NodePool/default': { nodeClaims: 1 } })];
    const placed = placeAutoscalerPanels(base, buildAutoscalerPanels(h, [], label));
    expect(placed.map((p) => p.id)).toEqual([
      'replicas',
      'scaledobject-x',
      'cpu',
      'nodes',
      'nodeclaims-karpenter',
      'pending',
      'load',
      'latency',
      'cost',
    ]);
    expect(
      placeAutoscalerPanels(base, buildAutoscalerPanels([sample(0, {})], [], label)).map((p) => p.id),
    ).toEqual(base.map((p) => p.id));
  });
  it('on the keda-sqs-queue example the queue depth rises above the target and drains back to zero', () => {
    const session = runExample('keda-sqs-queue', 600);
    const panels = buildAutoscalerPanels(session.history, vpaChartSources(session.world), label).workload;
    const depth = panels.find((p) => p.id === 'queue-depth-orders')!.series[0].values.map((v) => v ?? 0);
    const peak = Math.max(...depth);
    expect(peak).toBeGreaterThan(100);
    expect(depth.indexOf(peak)).toBeLessThan(depth.length - 1);
    expect(depth[depth.length - 1]).toBe(0);
    const band = panels.find((p) => p.id === 'scaledobject-order-processor')!.bands![0];
    const runs = bandRuns(
      band,
      session.history.map((s) => s.t),
      0,
      600,
    );
    expect(runs.length).toBeGreaterThan(0);
  });
});

describe('bandRuns', () => {
  const band = (on: boolean[]) => ({ key: 'b', label: 'b', color: '#000', on });
  it('a run lasts until the first sample that is off, or the last sample', () => {
    expect(bandRuns(band([false, true, true, false, true]), [0, 5, 10, 15, 20], 0, 100)).toEqual([
      { from: 5, to: 15 },
      { from: 20, to: 20 },
    ]);
    expect(bandRuns(band([]), [], 0, 10)).toEqual([]);
    expect(bandRuns(band([false, false]), [0, 5], 0, 10)).toEqual([]);
  });
  it('clips runs to the window and drops the ones outside it', () => {
    expect(bandRuns(band([true, true, false, true, false]), [0, 5, 10, 15, 20], 7, 16)).toEqual([
      { from: 7, to: 10 },
      { from: 15, to: 16 },
    ]);
    expect(bandRuns(band([true, false]), [0, 5], 6, 10)).toEqual([]);
  });
});
