import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Deployment, Pod, PodCpuLedger, World } from '../../core/types';
import type { ContainerSpec } from '../../core/podSpecTypes';
import { computeReplicasForMetrics, type MetricContext } from './metricProposals';
import { isClientError, type HpaMetricsClient } from './metricsClient';
import { classifyPod, type PodGroupingOptions } from './podGrouping';
import { DEFAULT_HPA_CONTROLLER_CONFIG, type MetricSpec } from './types';
import { worldMetricsClient } from './worldMetrics';
import { classifyWorldPod, columnSampleMilli, UtilizationAccumulator } from './utilizationTotals';

/*
 * The one-pass totals (utilizationTotals, classifyWorldPod) restate what podResourceMetrics,
 * groupPods, missingRequest and utilizationRatio compute through an HpaPodInfo per pod. These
 * properties hold them to the same answers on arbitrary pods: the same group for every pod, and
 * the same proposals (replicas, statuses, explanations, errors) whenever the totals answer.
 */

const NOW_SECONDS = 1000;

function container(name: string, cpuMillis: number, memoryMiB: number): ContainerSpec {
  return {
    name,
    image: 'app',
    requests: { cpuMillis, memoryMiB },
    limits: { cpuMillis: 0, memoryMiB: 0 },
    command: [],
    args: [],
  };
}

// Shared lists, as a ReplicaSet's pods share their template's (the pass remembers the last list).
const containerLists: ContainerSpec[][] = [
  [container('app', 200, 64)],
  [container('app', 200, 64)],
  [container('app', 350, 96), container('sidecar', 50, 32)],
  [container('app', 0, 64)],
  [container('app', 100, 0)],
];

const time = fc.oneof(
  fc.constant(-1),
  fc.integer({ min: 0, max: NOW_SECONDS * 1000 }),
  fc.integer({ min: 0, max: NOW_SECONDS }).map((s) => s * 1000),
);

const podArb = fc.record({
  state: fc.oneof(
    { weight: 8, arbitrary: fc.constant('Ready' as const) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'Pending',
        'Scheduled',
        'ContainerCreating',
        'Running',
        'Terminating',
        'Evicted',
        'OOMKilled',
        'CrashLoopBackOff',
        'Succeeded',
      ),
    },
  ),
  readyConditionStatus: fc.oneof(
    { weight: 6, arbitrary: fc.constant('True' as const) },
    { weight: 1, arbitrary: fc.constantFrom('False' as const, '' as const) },
  ),
  readyConditionSinceMs: time,
  // Often a boundary away from the start: the initial readiness delay compares the two.
  readySinceFromStart: fc.option(fc.constantFrom(0, 30_000, 120_000, -1, 1, 29_999, 30_001), { freq: 2 }),
  scheduledMs: time,
  nodeName: fc.constantFrom('node-1', 'node-1', ''),
  metric: fc.option(
    fc.record({
      cpuMillis: fc.double({ min: 0, max: 2000, noNaN: true }),
      memoryMiB: fc.double({ min: 0, max: 512, noNaN: true }),
      timestampMs: time,
      windowMs: fc.constantFrom(15_000, 30_000, 1_000),
      // Often a boundary away from the Ready transition: a sample counts only if its window began after it.
      timestampFromReady: fc.option(fc.constantFrom(-1, 0, 1), { freq: 2 }),
    }),
    { freq: 6 },
  ),
  containers: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(0, 1, 2) },
    { weight: 1, arbitrary: fc.constantFrom(3, 4) },
  ),
});

const podsArb = fc.array(podArb, { minLength: 0, maxLength: 12 }).map((records) =>
  records.map((r, i) => {
    const readySinceMs = r.readySinceFromStart === null ? r.readyConditionSinceMs : r.scheduledMs + r.readySinceFromStart;
    const m = r.metric;
    const metric = m && {
      cpuMillis: m.cpuMillis,
      memoryMiB: m.memoryMiB,
      timestampMs: m.timestampFromReady === null ? m.timestampMs : readySinceMs + m.windowMs + m.timestampFromReady,
      windowMs: m.windowMs,
    };
    return {
      name: `web-${i}`,
      namespace: 'default',
      state: r.state,
      readyConditionStatus: r.readyConditionStatus,
      readyConditionSinceMs: readySinceMs,
      scheduledMs: r.scheduledMs,
      nodeName: r.nodeName,
      metric,
      spec: { containers: containerLists[r.containers] },
    } as unknown as Pod;
  }),
);

const optionsArb: fc.Arbitrary<PodGroupingOptions> = fc.record({
  cpuReadinessChecks: fc.boolean(),
  nowSeconds: fc.constant(NOW_SECONDS),
  cpuInitializationPeriodSeconds: fc.constantFrom(0, 30, 300, 900),
  initialReadinessDelaySeconds: fc.constantFrom(0, 30, 120),
});

const world = { timeMs: NOW_SECONDS * 1000 } as unknown as World;
const target = { name: 'web', template: { labels: {} } } as unknown as Deployment;

/** The same client without the one-pass totals: every calculation takes the per-info path. */
function withoutTotals(client: HpaMetricsClient): HpaMetricsClient {
  return {
    podResourceMetrics: (resource, c) => client.podResourceMetrics(resource, c),
    podsMetric: (name, selector) => client.podsMetric(name, selector),
    objectMetric: (name, described, selector) => client.objectMetric(name, described, selector),
    externalMetric: (name, selector) => client.externalMetric(name, selector),
    targetPods: () => client.targetPods(),
  };
}

describe('the HPA one-pass utilization totals', () => {
  it('classifies every pod as classifyPod classifies its HpaPodInfo', () => {
    fc.assert(
      fc.property(podsArb, optionsArb, fc.constantFrom('cpu', 'memory'), (pods, options, resource) => {
        const listed = worldMetricsClient(world, target, 'default', pods, true).podResourceMetrics(resource);
        if (isClientError(listed)) throw new Error(listed.error);
        listed.pods.forEach((info, i) =>
          expect(classifyWorldPod(pods[i], info.sampleMilli, options)).toBe(classifyPod(info, options)),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the proposals the per-info path gives, whenever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        podsArb,
        fc.constantFrom('cpu', 'memory'),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(0, 30, 300),
        fc.integer({ min: 1, max: 20 }),
        (pods, resource, utilization, cpuInitializationPeriodSeconds, specReplicas) => {
          const client = worldMetricsClient(world, target, 'default', pods, true);
          const config = { ...DEFAULT_HPA_CONTROLLER_CONFIG, cpuInitializationPeriodSeconds };
          const grouping = {
            cpuReadinessChecks: resource === 'cpu',
            nowSeconds: NOW_SECONDS,
            cpuInitializationPeriodSeconds,
            initialReadinessDelaySeconds: config.initialReadinessDelaySeconds,
          };
          if (client.resourceUtilizationTotals!(resource, undefined, grouping)) answered++;
          const ctx = (metrics: HpaMetricsClient): MetricContext => ({
            namespace: 'default',
            specReplicas,
            statusReplicas: pods.length,
            tolerances: { scaleUp: 0.1, scaleDown: 0.1 },
            nowSeconds: NOW_SECONDS,
            config,
            metrics,
          });
          const specs: MetricSpec[] = [
            {
              type: 'Resource',
              resource: { name: resource, target: { type: 'Utilization', averageUtilization: utilization } },
            },
          ];
          const fast = computeReplicasForMetrics(ctx(client), specs);
          const full = computeReplicasForMetrics(ctx(withoutTotals(client)), specs);
          expect(fast).toEqual(full);
          // The same totals gathered pod by pod while listing (controller.ts), handed to the client.
          const gathered = new UtilizationAccumulator(resource, grouping);
          // Its samples come from the ledger's metric columns, which the scrape writes with each metric.
          const ledger = {
            metricCpuMillis: Float64Array.from(pods, (p) => p.metric?.cpuMillis ?? NaN),
            metricMemoryMiB: Float64Array.from(pods, (p) => p.metric?.memoryMiB ?? NaN),
          } as PodCpuLedger;
          pods.forEach((pod, i) => gathered.add(Object.assign(pod, { cpuSlot: i }), columnSampleMilli(ledger, pod, resource)));
          const listed = worldMetricsClient(world, target, 'default', pods, true, gathered);
          expect(computeReplicasForMetrics(ctx(listed), specs)).toEqual(full);
        },
      ),
      { numRuns: 1000 },
    );
    // The property must exercise the totals, not only the fallback.
    expect(answered).toBeGreaterThan(100);
  });
});
