import { describe, expect, it } from 'vitest';
import type { TraceSample } from '../../sim/trace/trace';
import type { KubeEvent } from '../../sim/core/types';
import { buildPanels, indexAtOrBefore, visibleMax } from './series';
import { plotScales, seriesPolylines, timeTicks, formatSeconds, formatValue } from './geometry';
import { panelToSvg } from './svgExport';
import { scalingAnnotations } from './annotations';
import { visibleRange } from './chartView';
import { allChartsSvg } from './exportAll';
import { localeT } from '../../testing/messages';

const label = (k: string, v?: Record<string, string | number>) => (v?.name ? `${k}:${v.name}` : k);

function sample(t: number, replicas: number, extra: Partial<TraceSample> = {}): TraceSample {
  return {
    t,
    workloads: { web: { desired: replicas + 1, replicas, ready: replicas, pending: 0, cpuRequestMillis: 200, cpuUsageMillis: 100, cpuUtilization: 0.5 } },
    autoscalers: {},
    nodes: { total: 3, ready: 3, notReady: 0, cordoned: 0, launching: 0, byInstanceType: { 't3.medium': 3 }, byCapacityType: { 'on-demand': 3 }, byPool: { ng1: 3 } },
    pods: { pending: 2, running: replicas, total: replicas + 2 },
    load: { web: { offeredRps: 10, servedRps: 8, droppedRps: 2, p95LatencyMs: 120 } },
    costPerHour: 0.156,
    ...extra,
  };
}

const history = [sample(0, 1), sample(5, 2), sample(10, 4)];

describe('buildPanels', () => {
  it('makes one panel per chart with current and desired replicas per workload', () => {
    const panels = buildPanels(history, label);
    expect(panels.map((p) => p.id)).toEqual(['replicas', 'cpu', 'nodes', 'pending', 'load', 'latency', 'cost']);
    const replicas = panels[0];
    expect(replicas.series.map((s) => s.key)).toEqual(['web/current', 'web/desired']);
    expect(replicas.series[0].values).toEqual([1, 2, 4]);
    expect(replicas.series[1].values).toEqual([2, 3, 5]);
    expect(panels[1].series[0].values).toEqual([50, 50, 50]);
    expect(panels[4].series.map((s) => s.values[2])).toEqual([10, 8, 2]);
  });
  it('shows no CPU utilization ("–"), not 0 %, for a workload with no pods', () => {
    const none = sample(15, 0, { workloads: { web: { desired: 0, replicas: 0, ready: 0, pending: 0, cpuRequestMillis: 0, cpuUsageMillis: 0, cpuUtilization: 0 } } });
    const cpu = buildPanels([...history, none], label)[1];
    expect(cpu.series[0].values).toEqual([50, 50, 50, null]);
    expect(formatValue(cpu.series[0].values[3], cpu.decimals, '%')).toBe('–');
    expect(formatValue(cpu.series[0].values[2], cpu.decimals, '%')).toBe('50.0 %');
  });
  it('adds HPA min/max and the CPU target once an HPA shows up in the samples', () => {
    const withHpa = [
      ...history,
      sample(15, 4, { autoscalers: { 'HorizontalPodAutoscaler/web': { state: 'stable', minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 } } }),
    ];
    const [replicas, cpu] = buildPanels(withHpa, label);
    expect(replicas.series.map((s) => s.key)).toEqual(['web/current', 'web/desired', 'web/min', 'web/max']);
    expect(replicas.series[3].values).toEqual([null, null, null, 10]);
    expect(cpu.series[1].key).toBe('web/target');
  });
  it("names capacity types in the legend with the node table's words, in English and Korean", async () => {
    const t = await localeT();
    const mixed = [sample(0, 1, { nodes: { ...history[0].nodes, byCapacityType: { 'on-demand': 3, spot: 2 } } })];
    const names: Record<string, string[]> = {};
    for (const lng of ['en', 'ko'] as const) {
      const nodes = buildPanels(mixed, (k, v) => t[lng](k, v)).find((p) => p.id === 'nodes')!;
      names[lng] = nodes.series.filter((s) => s.key.startsWith('capacity/')).map((s) => s.label);
    }
    expect(names).toEqual({ en: ['on-demand', 'spot'], ko: ['온디맨드', '스팟'] });
  });
  it('is empty-safe', () => {
    const panels = buildPanels([], label);
    expect(panels[0].series).toEqual([]);
    expect(panels[3].series[0].values).toEqual([]);
  });
});

describe('geometry', () => {
  it('finds the sample at or before a time', () => {
    expect(indexAtOrBefore([0, 5, 10], -1)).toBe(-1);
    expect(indexAtOrBefore([0, 5, 10], 7)).toBe(1);
    expect(indexAtOrBefore([0, 5, 10], 10)).toBe(2);
  });
  it('scales y to the visible maximum, never below the panel floor', () => {
    const [replicas] = buildPanels(history, label);
    expect(visibleMax(replicas, [0, 5, 10], 0, 10)).toBe(5);
    expect(visibleMax(replicas, [0, 5, 10], 0, 0)).toBe(4);
  });
  it('draws step series as staircases and breaks lines at nulls', () => {
    const [replicas] = buildPanels(history, label);
    const view = { t0: 0, t1: 10, width: 244, height: 124 };
    const s = plotScales(replicas, [0, 5, 10], view);
    const lines = seriesPolylines(replicas.series[0], [0, 5, 10], s, view);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveLength(5);
    expect(lines[0][1][1]).toBe(lines[0][0][1]);
    const gap = { ...replicas.series[0], values: [1, null, 4] };
    expect(seriesPolylines(gap, [0, 5, 10], s, view)).toHaveLength(2);
  });
  it('puts time ticks on round steps inside the view', () => {
    const ticks = timeTicks({ t0: 0, t1: 600, width: 500, height: 100 });
    expect(ticks[0]).toBe(0);
    expect(ticks.every((t) => t % 60 === 0 && t <= 600)).toBe(true);
    expect(formatSeconds(3725)).toBe('1:02:05');
    expect(formatSeconds(90)).toBe('1:30');
  });
  it('shows the last window up to now, or everything', () => {
    expect(visibleRange(7200, 3600)).toEqual({ t0: 3600, t1: 7200 });
    expect(visibleRange(100, 3600)).toEqual({ t0: 0, t1: 3600 });
    expect(visibleRange(30, null)).toEqual({ t0: 0, t1: 60 });
  });
});

describe('export', () => {
  it('renders a panel to a deterministic SVG with one path per visible series and a legend', () => {
    const [replicas] = buildPanels(history, label);
    const svg = panelToSvg(replicas, 'Replicas', [0, 5, 10], { t0: 0, t1: 10, width: 300, height: 120 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="6 3"');
    expect(svg).toContain('charts.current:web');
    expect(panelToSvg(replicas, 'Replicas', [0, 5, 10], { t0: 0, t1: 10, width: 300, height: 120 })).toBe(svg);
  });
  it('stacks every panel into one document', () => {
    const all = allChartsSvg(history, label, 500, 100);
    expect(all.svg.match(/<g transform="translate\(0,/g)!.length).toBeGreaterThanOrEqual(7);
    expect(all.height).toBeGreaterThan(700);
  });
});

describe('scalingAnnotations', () => {
  const ev = (t: number, reason: string, type: 'Normal' | 'Warning' = 'Normal'): KubeEvent => ({ t, kind: 'Deployment', namespace: 'default', name: 'web', type, reason, message: 'm', source: 's', count: 1 });
  it('keeps scaling reasons inside the window and merges bursts', () => {
    const events = [ev(1, 'Scheduled'), ev(10, 'ScalingReplicaSet'), ev(12, 'SuccessfulRescale'), ev(100, 'TriggeredScaleUp', 'Warning'), ev(500, 'ScalingReplicaSet')];
    const a = scalingAnnotations(events, 0, 300, 5);
    expect(a.map((x) => x.t)).toEqual([10, 100]);
    expect(a[0].text.split('\n')).toHaveLength(2);
    expect(a[1].warning).toBe(true);
  });
});
