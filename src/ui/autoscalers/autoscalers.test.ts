import { emptySample } from '../../sim/testing/fixtures';
import { describe, expect, it } from 'vitest';
import { autoscalerExplanations } from '../../sim/autoscalers/explain';
import type { Explanation } from '../../sim/autoscalers/module';
import type { ControllerLog } from '../../sim/core/types';
import type { TraceSample } from '../../sim/trace/trace';
import { buildCardModels, explanationsFor, logLinesFor } from './cardModel';
import { engineWhy } from './engineWhy';
import { cardFigures, formatCpu, formatMiB } from './figures';
import { runExample } from './exampleRuns';
import { runCardView, viewCommands } from './viewCommands';
import { cpaTargets, vpaChartSources } from './worldLookups';
import { entriesOfKind, fieldOverHistory, namesOverHistory, splitKey } from './traceEntries';
import { enText } from '../../testing/messages';

const figure = (kind: string, entry: Record<string, unknown>, key: string) =>
  cardFigures(kind, entry).find((f) => f.labelKey === key)?.value;

const sampleWith = (autoscalers: TraceSample['autoscalers'], t = 0): TraceSample => emptySample(t, autoscalers);

describe('trace entry readers', () => {
  it('split "Kind/name" at the first slash only', () => {
    expect(splitKey('NodePool/default')).toEqual(['NodePool', 'default']);
    expect(splitKey('Queue/a/b')).toEqual(['Queue', 'a/b']);
    expect(splitKey('Karpenter')).toEqual(['Karpenter', '']);
  });
  it('list names over the whole history and read a field as null where the object is absent', () => {
    const history = [
      sampleWith({}),
      sampleWith({ 'Queue/orders': { depth: 4 } }, 5),
      sampleWith({ 'Queue/orders': { depth: 'x' }, 'Queue/a': { depth: 1 } }, 10),
    ];
    expect(namesOverHistory(history, 'Queue')).toEqual(['a', 'orders']);
    expect(
      fieldOverHistory(history, 'Queue', 'orders', (e) =>
        typeof e.depth === 'number' ? e.depth : undefined,
      ),
    ).toEqual([null, 4, null]);
    expect(entriesOfKind(history[2], 'Queue').map(([n]) => n)).toEqual(['a', 'orders']);
  });
});

describe('card figures', () => {
  it('format CPU and memory as kubectl does', () => {
    expect(formatCpu(587)).toBe('587m');
    expect(formatCpu(1000)).toBe('1');
    expect(formatCpu(0)).toBe('0m');
    expect(formatCpu(undefined)).toBe('–');
    expect(formatMiB(250)).toBe('250Mi');
    expect(formatMiB(15155)).toBe('14.8Gi');
  });
  it('show the VPA target and bounds as CPU / memory', () => {
    const e = {
      state: 'podsWithinBounds',
      target: { cpuMillis: 587, memoryMiB: 250 },
      lowerBound: { cpuMillis: 436, memoryMiB: 250 },
      upperBound: { cpuMillis: 1000, memoryMiB: 500 },
      evictions: 2,
    };
    expect(figure('VerticalPodAutoscaler', e, 'target')).toBe('587m / 250Mi');
    expect(figure('VerticalPodAutoscaler', e, 'upperBound')).toBe('1 / 500Mi');
    expect(figure('VerticalPodAutoscaler', e, 'evictions')).toBe('2');
    expect(figure('VerticalPodAutoscaler', { target: null }, 'target')).toBe('–');
  });
  it('show HPA CPU figures only when the HPA has a CPU target', () => {
    expect(
      figure(
        'HorizontalPodAutoscaler',
        {
          currentReplicas: 3,
          desiredReplicas: 5,
          minReplicas: 1,
          maxReplicas: 10,
          cpuUtilizationPercent: 88,
          cpuTargetPercent: 50,
        },
        'cpuTarget',
      ),
    ).toBe('50%');
    expect(
      figure(
        'HorizontalPodAutoscaler',
        { currentReplicas: 0, desiredReplicas: 0, minReplicas: 1, maxReplicas: 10 },
        'cpuTarget',
      ),
    ).toBeUndefined();
    expect(figure('HorizontalPodAutoscaler', { minReplicas: 1, maxReplicas: 10 }, 'minMax')).toBe('1 / 10');
  });
  it('list a ScaledObject’s metrics and a CA’s target size per node group', () => {
    const so = cardFigures('ScaledObject', {
      active: true,
      replicas: 10,
      metrics: { 's0-aws-sqs-orders': 30 },
    });
    expect(so.find((f) => f.labelKey === 'metric')).toEqual({
      labelKey: 'metric',
      labelValues: { name: 's0-aws-sqs-orders' },
      value: '30',
    });
    expect(so.find((f) => f.labelKey === 'active')?.value).toBe('True');
    const ca = cardFigures('ClusterAutoscaler', { scaleUps: 1, desired: { ng2: 2, ng1: 5 } }).filter(
      (f) => f.labelKey === 'groupTarget',
    );
    expect(ca.map((f) => [f.labelValues?.name, f.value])).toEqual([
      ['ng1', '5'],
      ['ng2', '2'],
    ]);
  });
  it('fall back to raw fields for a kind it does not know', () => {
    expect(cardFigures('Mystery', { state: 'x', level: 3, nested: { a: 1 } })).toEqual([
      { labelKey: '', labelValues: { raw: 'level' }, value: '3' },
    ]);
  });
});

describe('card models', () => {
  const explanation = (object: string, at: number): Explanation => ({
    object,
    state: 's',
    at,
    lines: [{ key: 'engine.hpa.waiting', params: { period: 15 } }],
  });
  const log = (controller: string, message: string, t = 1): ControllerLog => ({
    t,
    controller,
    level: 'INFO',
    message,
  });

  it('match explanations about the object, including detail entries, but not same-prefix names', () => {
    const all = [
      explanation('ClusterAutoscaler/cluster-autoscaler', 5),
      explanation('ClusterAutoscaler/cluster-autoscaler (last scale-up)', 2),
      explanation('HorizontalPodAutoscaler/web-2', 1),
    ];
    expect(explanationsFor('ClusterAutoscaler/cluster-autoscaler', all)).toHaveLength(2);
    expect(explanationsFor('HorizontalPodAutoscaler/web', all)).toHaveLength(0);
  });
  it('use the controller’s log lines naming the object when it has no explanation', () => {
    const logs = [
      log('keda-operator', 'scaled order-processor to 4'),
      log('keda-operator', 'other thing'),
      log('karpenter', 'launched nodeclaim'),
    ];
    expect(logLinesFor('ScaledObject', 'order-processor', logs).map((l) => l.message)).toEqual([
      'scaled order-processor to 4',
    ]);
    // Karpenter runs cluster-wide: every one of its lines is about the pools.
    expect(logLinesFor('NodePool', 'default', logs).map((l) => l.message)).toEqual(['launched nodeclaim']);
    const many = Array.from({ length: 9 }, (_, i) => log('keda-operator', `order-processor ${i}`, i));
    expect(logLinesFor('ScaledObject', 'order-processor', many).map((l) => l.t)).toEqual([4, 5, 6, 7, 8]);
  });
  it('order cards ScaledObject, Queue, HPA, VPA, CPA, NodePool, CA and read each state', () => {
    const sample = sampleWith({
      'ClusterAutoscaler/cluster-autoscaler': { state: 'scanning' },
      'NodePool/default': { state: 'idle' },
      'HorizontalPodAutoscaler/keda-hpa-x': { state: 'stable' },
      'Queue/orders': { depth: 3 },
      'ScaledObject/x': { state: 'active' },
    });
    const cards = buildCardModels(sample, [], []);
    expect(cards.map((c) => c.key)).toEqual([
      'ScaledObject/x',
      'Queue/orders',
      'HorizontalPodAutoscaler/keda-hpa-x',
      'NodePool/default',
      'ClusterAutoscaler/cluster-autoscaler',
    ]);
    expect(cards.map((c) => c.state)).toEqual(['active', '', 'stable', 'idle', 'scanning']);
    // A queue is not a controller: its card has figures but no "why".
    expect(cards.map((c) => c.decided)).toEqual([true, false, true, true, true]);
    expect(buildCardModels(undefined, [], [])).toEqual([]);
  });
  it('prefer the engine’s explain over the extra lookups and the logs', () => {
    const sample = sampleWith({ 'HorizontalPodAutoscaler/web': { state: 'stable' } });
    const extra = () => [explanation('extra', 0)];
    const [card] = buildCardModels(
      sample,
      [explanation('HorizontalPodAutoscaler/web', 3)],
      [log('horizontal-pod-autoscaler', 'web')],
      extra,
    );
    expect(card.explanations.map((e) => e.object)).toEqual(['HorizontalPodAutoscaler/web']);
    expect(card.logLines).toEqual([]);
    const [fallback] = buildCardModels(sample, [], [log('horizontal-pod-autoscaler', 'web')], extra);
    expect(fallback.explanations.map((e) => e.object)).toEqual(['extra']);
  });
});

describe('the examples, as the Autoscalers tab shows them', () => {
  it('vpa-hamster: the VPA card’s target is 587m and its views answer from the world', () => {
    const session = runExample('vpa-hamster', 600);
    const world = session.world;
    const cards = buildCardModels(
      session.history[session.history.length - 1],
      autoscalerExplanations(world),
      world.logs,
      engineWhy(world),
    );
    const vpa = cards.find((c) => c.kind === 'VerticalPodAutoscaler')!;
    expect(vpa.name).toBe('hamster-vpa');
    expect(vpa.figures.find((f) => f.labelKey === 'target')?.value).toMatch(/^587m \//);
    // The recommender's formula lines come from the world state until the VPA has an `explain`.
    expect(vpa.explanations.some((e) => enText(e.lines).includes('target cpu 587m'))).toBe(true);
    const commands = viewCommands(world, 'VerticalPodAutoscaler', 'hamster-vpa');
    expect(commands).toEqual([
      'kubectl get vpa hamster-vpa',
      'kubectl describe vpa hamster-vpa',
      'kubectl get krr',
    ]);
    for (const c of commands) expect(runCardView(world, c).ok, c).toBe(true);
    expect(runCardView(world, commands[0]).output).toMatch(/hamster-vpa\s+Auto\s+587m/);
    // Chart points per container: recommendation, request and usage.
    const [src] = vpaChartSources(world);
    expect(src.target).toBe('hamster');
    expect(src.points.length).toBeGreaterThan(5);
    expect(src.points[src.points.length - 1]).toMatchObject({ container: 'hamster', targetCpu: 587 });
  });

  it('keda-sqs-queue: cards for the ScaledObject, its queue and its HPA, with describe views', () => {
    const session = runExample('keda-sqs-queue', 300);
    const world = session.world;
    const cards = buildCardModels(
      session.history[session.history.length - 1],
      autoscalerExplanations(world),
      world.logs,
      engineWhy(world),
    );
    expect(cards.map((c) => c.kind)).toEqual(['ScaledObject', 'Queue', 'HorizontalPodAutoscaler']);
    expect(cards[0].figures.find((f) => f.labelKey === 'active')?.value).toBe('True');
    expect(cards[1].figures.find((f) => f.labelKey === 'depth')?.value).toBe('30');
    expect(viewCommands(world, 'Queue', 'orders')).toEqual([]);
    const describe = runCardView(world, viewCommands(world, 'ScaledObject', 'order-processor')[1]);
    expect(describe.output).toContain('Kind:         ScaledObject');
    expect(
      runCardView(world, viewCommands(world, 'HorizontalPodAutoscaler', 'keda-hpa-order-processor')[0])
        .output,
    ).toContain('Reference:');
  });

  it('karpenter-inflate: the NodePool card lists its NodeClaim and Karpenter’s why', () => {
    const session = runExample('karpenter-inflate', 200);
    const world = session.world;
    const cards = buildCardModels(
      session.history[session.history.length - 1],
      autoscalerExplanations(world),
      world.logs,
      engineWhy(world),
    );
    const pool = cards.find((c) => c.key === 'NodePool/default')!;
    expect(pool.figures.find((f) => f.labelKey === 'nodeClaims')?.value).toBe('1');
    expect(enText(pool.explanations[0].lines)).toContain('last batch');
    const claims = runCardView(world, viewCommands(world, 'NodePool', 'default')[0]);
    expect(claims.output).toMatch(/^NAME\s+TYPE/);
    expect(claims.output).toMatch(/default-\w+\s+c5a\.2xlarge\s+spot/);
  });

  it('ca-nginx-scaleout and cpa-ladder: status ConfigMap, target deployment, logs and ladder views', () => {
    const ca = runExample('ca-nginx-scaleout', 300).world;
    const status = runCardView(ca, viewCommands(ca, 'ClusterAutoscaler', 'cluster-autoscaler')[0]);
    expect(status.ok).toBe(true);
    expect(status.output).toContain('autoscalerStatus: Running');
    const cpa = runExample('cpa-ladder', 300).world;
    expect(cpaTargets(cpa, 'nginx-autoscaler')).toEqual({
      namespace: 'default',
      configMap: 'nginx-autoscaler',
      targets: ['deployment/nginx-deployment'],
    });
    const commands = viewCommands(cpa, 'ClusterProportionalAutoscaler', 'nginx-autoscaler');
    expect(commands).toEqual([
      'kubectl get deployment/nginx-deployment',
      'kubectl logs deployment/nginx-autoscaler --tail=6',
      'kubectl get configmap nginx-autoscaler -o yaml',
    ]);
    for (const c of commands) expect(runCardView(cpa, c).ok, c).toBe(true);
    expect(runCardView(cpa, commands[0]).output).toMatch(/nginx-deployment\s+5\/5/);
  });

  it('a view that fails reports the error instead of throwing', () => {
    const world = runExample('hpa-php-apache', 0).world;
    const r = runCardView(world, 'kubectl describe hpa nope');
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/not ?found/i);
  });
});
