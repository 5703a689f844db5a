import { describe, expect, it } from 'vitest';
import { runExample } from '../autoscalers/exampleRuns';
import { buildPanels } from './series';
import { drawOrder } from './drawPanel';
import { windowLabel, WINDOWS } from './chartView';

const label = (k: string, v?: Record<string, string | number>) => (v?.name ? `${k}:${v.name}` : k);

// Issue 15, "numbers that must agree".
describe('charts agree with what the controllers saw', () => {
  it('charts the HPA observed utilization beside the plain average (hpa-php-apache at 2:05: 77% vs 43.9%)', () => {
    const session = runExample('hpa-php-apache', 125);
    const cpu = buildPanels(session.history, label).find((p) => p.id === 'cpu')!;
    const plain = cpu.series.find((s) => s.key === 'php-apache/util')!;
    const observed = cpu.series.find((s) => s.key === 'php-apache/hpaObserved')!;
    expect(plain.label).toBe('views.charts.podAverage:php-apache');
    expect(observed.label).toBe('views.charts.hpaObserved:php-apache');
    const last = session.history.length - 1;
    const hpa = session.history[last].autoscalers['HorizontalPodAutoscaler/php-apache'];
    expect(observed.values[last]).toBe(hpa.cpuUtilizationPercent);
    expect(observed.values[last]).toBeGreaterThan(70);
    expect(plain.values[last]).toBeLessThan(50);
  });

  it('says there is no traffic, not "press Play", when nothing sends requests (ca-nginx-scaleout)', () => {
    const session = runExample('ca-nginx-scaleout', 120);
    const panels = buildPanels(session.history, label);
    const latency = panels.find((p) => p.id === 'latency')!;
    expect(latency.series).toEqual([]);
    expect(latency.emptyKey).toBe('views.charts.noTraffic');
    // Before any sample the old hint stays right.
    expect(buildPanels([], label).find((p) => p.id === 'latency')!.emptyKey).toBeUndefined();
  });

  it('says there is no Deployment, not "press Play", when the samples hold none (ca-nginx-scaleout after its delete at 5:00)', () => {
    const session = runExample('ca-nginx-scaleout', 420);
    // What a 4 h history holds hours after the delete: only samples without the Deployment.
    const after = session.history.filter((s) => s.t > 310);
    expect(after.every((s) => Object.keys(s.workloads).length === 0)).toBe(true);
    for (const id of ['replicas', 'cpu']) {
      const panel = buildPanels(after, label).find((p) => p.id === id)!;
      expect(panel.series, id).toEqual([]);
      expect(panel.emptyKey, id).toBe('views.charts.noWorkloads');
      // Before any sample the old hint stays right.
      expect(buildPanels([], label).find((p) => p.id === id)!.emptyKey, id).toBeUndefined();
    }
  });

  it('draws the solid pool line under the narrower dashed capacity line, both visible', () => {
    const session = runExample('ca-nginx-scaleout', 30);
    const nodes = buildPanels(session.history, label).find((p) => p.id === 'nodes')!;
    const order = drawOrder(nodes.series);
    const pool = order.findIndex((o) => o.series.key === 'pool/ng1');
    const onDemand = order.findIndex((o) => o.series.key === 'capacity/on-demand');
    expect(pool).toBeLessThan(onDemand);
    expect(order[pool].width).toBeGreaterThan(order[onDemand].width);
    // The legend keeps its order.
    expect(nodes.series.map((s) => s.key)).toEqual(['pool/ng1', 'capacity/on-demand']);
  });

  it('labels window buttons as durations: 5m, 15m, 1h, 4h', () => {
    const t = (k: string, v: Record<string, number>) => (k.endsWith('Hours') ? `${v.n}h` : `${v.n}m`);
    expect(WINDOWS.filter((w): w is number => w !== null).map((w) => windowLabel(w, t))).toEqual(['5m', '15m', '1h', '4h']);
  });
});
