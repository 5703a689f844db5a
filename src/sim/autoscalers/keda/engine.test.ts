import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario';
import { createWorld } from '../../bootstrap';
import type { ManifestDoc } from '../../core/commands';
import { checkInvariants } from '../../core/invariants';
import { step } from '../../core/step';
import type { World } from '../../core/types';
import { applyCommand } from '../../commands/apply';
import { runView } from '../../commands/views';
import { deployment, scenario } from '../../testing/fixtures';
import { runTrace } from '../../trace/runTrace';
import { hpaState } from '../hpa/controller';
import { installQueues } from './kedaModule';
import { kedaState } from './state';
import { enText } from '../../../testing/messages';

/** Monday 2025-01-06 09:40 KST: the seed's cron windows open at sim 5m, 20m, 35m. */
const SEOUL_0940 = '2025-01-06T00:40:00Z';

function scaledObject(name: string, target: string, spec: Record<string, unknown>): ManifestDoc {
  return { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name }, spec: { scaleTargetRef: { name: target }, ...spec } };
}

const seedCron = scaledObject('php-apache-cron', 'php-apache', {
  minReplicaCount: 0,
  maxReplicaCount: 2,
  pollingInterval: 30,
  cooldownPeriod: 300,
  triggers: [{ type: 'cron', metadata: { timezone: 'Asia/Seoul', start: '00,15,30,45 * * * *', end: '05,20,35,50 * * * *', desiredReplicas: '1' } }],
});

function run(world: World, seconds: number, each?: (w: World) => void): void {
  for (let i = 0; i < seconds; i++) {
    step(world);
    const problems = checkInvariants(world);
    if (problems.length) throw new Error(`t=${world.timeMs / 1000}s: ${problems.join('; ')}`);
    each?.(world);
  }
}

function cronWorld(): World {
  return createWorld(scenario({ startTime: SEOUL_0940 }), [deployment('php-apache', 1, '200m', '64Mi'), seedCron]);
}

function loadExample(file: string): { world: World; durationMs: number } {
  const loaded = loadScenario(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  const world = createWorld(loaded.spec, loaded.manifests.map((m) => m.doc));
  installQueues(world, loaded.spec.queues);
  return { world, durationMs: loaded.spec.durationMs };
}

describe("the seed's cron ScaledObject in the engine", () => {
  const world = cronWorld();
  const replicas: number[] = [0];
  const ready: number[] = [0];
  const states: string[] = ['inactive'];
  const hpaAtStart = runView(world, ['kubectl', 'get', 'hpa']).output;
  let describeInCooldown = '';
  run(world, 2400, (w) => {
    const d = w.deployments.get('php-apache')!;
    replicas.push(d.replicas);
    ready.push([...w.pods.values()].filter((p) => p.deployment === 'php-apache' && p.state === 'Ready').length);
    states.push(kedaState(w).objects['default/php-apache-cron'].machine.value);
    if (w.timeMs === 700_000) describeInCooldown = runView(w, ['kubectl', 'describe', 'scaledobject', 'php-apache-cron']).output;
  });
  const record = kedaState(world).objects['default/php-apache-cron'];

  it('creates keda-hpa-php-apache-cron at once, shown <unknown>/1 (avg) while the target is at zero', () => {
    expect(hpaAtStart).toMatch(/^keda-hpa-php-apache-cron\s+Deployment\/php-apache\s+<unknown>\/1 \(avg\)\s+1\s+2\s+0\s+0s$/m);
    expect(hpaState(world).records['default/keda-hpa-php-apache-cron'].hpa.spec.metrics).toEqual([
      {
        type: 'External',
        external: {
          metric: { name: 's0-cron-Asia-Seoul-00,15,30,45xxxx-05,20,35,50xxxx', selector: { matchLabels: { 'scaledobject.keda.sh/name': 'php-apache-cron' } } },
          target: { type: 'AverageValue', averageValue: '1' },
        },
      },
    ]);
  });

  it('scales to zero at the first poll, then activates at 09:45, 10:00 and 10:15 KST', () => {
    expect(record.transitions.map((t) => [t.t, t.from, t.to])).toEqual([
      [1, 1, 0],
      [300, 0, 1],
      [900, 1, 0],
      [1200, 0, 1],
      [1800, 1, 0],
      [2100, 0, 1],
    ]);
    expect(replicas[299]).toBe(0);
    expect(replicas[300]).toBe(1);
  });

  it('holds exactly 1 replica inside each window (desiredReplicas "1", HPA min 1 max 2)', () => {
    for (let t = 300; t < 600; t++) expect(replicas[t]).toBe(1);
    expect(Math.max(...replicas)).toBe(1);
  });

  it('never scales to zero sooner than 300 s after a window ends', () => {
    for (const end of [600, 1500]) {
      const zeroAt = replicas.findIndex((r, t) => t > end && r === 0);
      expect(zeroAt - end).toBeGreaterThanOrEqual(300);
      for (let t = end; t < end + 300; t++) expect(replicas[t]).toBe(1);
    }
  });

  it('walks the statechart: activating → active → coolingDown → inactive', () => {
    expect(states[300]).toBe('activating');
    expect(states[330]).toBe('active');
    expect(states[600]).toBe('coolingDown');
    expect(states[899]).toBe('coolingDown');
    expect(states[900]).toBe('inactive');
  });

  it('brings the pod back through the whole lifecycle after each activation (cold start)', () => {
    expect(ready[300]).toBe(0);
    const readyAt = ready.findIndex((r, t) => t >= 300 && r === 1);
    expect(readyAt).toBeGreaterThan(300);
    expect(readyAt).toBeLessThan(360);
  });

  it('shows ACTIVE False with ScalerCooldown while cooling down, and the events', () => {
    expect(describeInCooldown).toContain('Reason:   ScalerCooldown');
    const reasons = world.events.filter((e) => e.kind === 'ScaledObject').map((e) => `${e.t} ${e.reason}`);
    expect(reasons).toEqual([
      '0 KEDAScalersStarted',
      '0 KEDAScalersStarted',
      '0 ScaledObjectReady',
      '1 KEDAScaleTargetDeactivated',
      '300 KEDAScaleTargetActivated',
      '900 KEDAScaleTargetDeactivated',
      '1200 KEDAScaleTargetActivated',
      '1800 KEDAScaleTargetDeactivated',
      '2100 KEDAScaleTargetActivated',
    ]);
  });

  it("logs in keda-operator's format", () => {
    const lines = world.logs.filter((l) => l.controller === 'keda-operator' && l.t === 300).map((l) => l.message);
    expect(lines).toContain(
      'scaleexecutor\tSuccessfully updated ScaleTarget\t{"scaledobject.Name": "php-apache-cron", "scaledObject.Namespace": "default", "scaleTarget.Name": "php-apache", "Original Replicas Count": 0, "New Replicas Count": 1}',
    );
  });

  it('prints kubectl get scaledobject with READY/ACTIVE (10:20 KST: the third window just closed)', () => {
    expect(runView(world, ['kubectl', 'get', 'so']).output).toMatch(/^php-apache-cron\s+apps\/v1\.Deployment\s+php-apache\s+0\s+2\s+cron\s+True\s+False\s+False\s+Unknown\s+40m$/m);
  });
});

describe('trace and determinism', () => {
  it('puts ScaledObject/<name> into every sample and gives byte-identical traces for one seed', () => {
    const a = runTrace(cronWorld(), 900_000, { onTick: (w) => expect(checkInvariants(w)).toEqual([]) });
    const b = runTrace(cronWorld(), 900_000);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const sample = a.samples.find((s) => s.t === 450)!;
    expect(sample.autoscalers['ScaledObject/php-apache-cron']).toEqual({
      state: 'active',
      active: true,
      ready: true,
      fallback: false,
      paused: false,
      replicas: 1,
      hpa: 'keda-hpa-php-apache-cron',
      lastActiveSeconds: 450,
      metrics: { 's0-cron-Asia-Seoul-00,15,30,45xxxx-05,20,35,50xxxx': 1 },
    });
  });

  it('survives a structuredClone checkpoint and continues identically', () => {
    const w = cronWorld();
    run(w, 320);
    const copy = structuredClone(w);
    run(w, 400);
    run(copy, 400);
    expect(copy.deployments.get('php-apache')!.replicas).toBe(w.deployments.get('php-apache')!.replicas);
    expect(kedaState(copy).objects['default/php-apache-cron']).toEqual(kedaState(w).objects['default/php-apache-cron']);
  });
});

describe('ScaledObject as an API kind', () => {
  it('deleting it deletes its HPA and leaves the replicas where they are', () => {
    const world = cronWorld();
    run(world, 310);
    const out = applyCommand(world, { type: 'delete', kind: 'so', name: 'php-apache-cron', namespace: 'default' });
    expect(out.ok).toBe(true);
    expect(hpaState(world).records['default/keda-hpa-php-apache-cron']).toBeUndefined();
    run(world, 600);
    expect(world.deployments.get('php-apache')!.replicas).toBe(1);
  });

  it('recreates its HPA when someone deletes it', () => {
    const world = cronWorld();
    run(world, 5);
    applyCommand(world, { type: 'delete', kind: 'hpa', name: 'keda-hpa-php-apache-cron', namespace: 'default' });
    run(world, 30);
    expect(hpaState(world).records['default/keda-hpa-php-apache-cron']).toBeDefined();
  });

  it('rejects what the API server or the webhook would reject', () => {
    const world = createWorld(scenario(), [deployment('web', 1, '100m', '64Mi')]);
    const apply = (doc: ManifestDoc) => applyCommand(world, { type: 'apply', manifests: [doc] });
    const numeric = apply(scaledObject('a', 'web', { triggers: [{ type: 'cron', metadata: { timezone: 'UTC', start: '0 * * * *', end: '5 * * * *', desiredReplicas: 1 } }] }));
    expect(numeric.output).toContain('spec.triggers[0].metadata.desiredReplicas in body must be of type string');
    // The CRD schema (MinItems=1, the min ≤ max rule) answers before the webhook does.
    expect(apply(scaledObject('b', 'web', { triggers: [] })).output).toContain('spec.triggers in body should have at least 1 items');
    expect(apply(scaledObject('c', 'web', { minReplicaCount: 5, maxReplicaCount: 2, triggers: [{ type: 'cpu', metadata: { value: '50' } }] })).output).toContain(
      'minReplicaCount must be less than or equal to maxReplicaCount',
    );
    expect(apply(scaledObject('d', 'web', { triggers: [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '50' } }] })).output).toContain(
      'scaledobject has only cpu/memory triggers AND minReplica is 0',
    );
    expect(apply(scaledObject('e', 'web', { minReplicaCount: 1, triggers: [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '50' } }] })).ok).toBe(true);
    expect(apply(scaledObject('f', 'web', { minReplicaCount: 1, triggers: [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '50' } }] })).output).toContain(
      "the workload 'web' of type 'apps/v1.Deployment' is already managed by the ScaledObject 'e'",
    );
  });

  it('re-applying the same manifest is unchanged; a new maxReplicaCount reaches the HPA', () => {
    const world = cronWorld();
    expect(applyCommand(world, { type: 'apply', manifests: [seedCron] }).output).toBe('scaledobject.keda.sh/php-apache-cron unchanged');
    const changed = structuredClone(seedCron);
    (changed.spec as { maxReplicaCount: number }).maxReplicaCount = 5;
    expect(applyCommand(world, { type: 'apply', manifests: [changed] }).output).toBe('scaledobject.keda.sh/php-apache-cron configured');
    expect(hpaState(world).records['default/keda-hpa-php-apache-cron'].hpa.spec.maxReplicas).toBe(5);
  });

  it('reports a missing scale target as Ready False', () => {
    const world = createWorld(scenario(), [scaledObject('ghost', 'nope', { minReplicaCount: 1, triggers: [{ type: 'cron', metadata: { timezone: 'UTC', start: '0 * * * *', end: '5 * * * *', desiredReplicas: '1' } }] })]);
    run(world, 2);
    const so = kedaState(world).objects['default/ghost'].so;
    expect(so.status?.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ScaledObjectCheckFailed' });
  });

  it('removes the HPA while paused and pins the paused replica count', () => {
    const paused = structuredClone(seedCron);
    (paused.metadata as { annotations?: Record<string, string> }).annotations = { 'autoscaling.keda.sh/paused-replicas': '2' };
    const world = createWorld(scenario({ startTime: SEOUL_0940 }), [deployment('php-apache', 1, '200m', '64Mi'), paused]);
    run(world, 60);
    expect(world.deployments.get('php-apache')!.replicas).toBe(2);
    expect(hpaState(world).records['default/keda-hpa-php-apache-cron']).toBeUndefined();
    expect(kedaState(world).objects['default/php-apache-cron'].machine.value).toBe('paused');
  });
});

describe('cpu trigger', () => {
  it('never scales to zero: the object is always active and the HPA works on CPU', () => {
    const world = createWorld(scenario(), [
      deployment('web', 2, '100m', '64Mi'),
      scaledObject('web', 'web', { minReplicaCount: 1, maxReplicaCount: 5, triggers: [{ type: 'cpu', metricType: 'Utilization', metadata: { value: '50' } }] }),
    ]);
    const replicas: number[] = [];
    run(world, 900, (w) => replicas.push(w.deployments.get('web')!.replicas));
    expect(Math.min(...replicas)).toBeGreaterThanOrEqual(1);
    expect(kedaState(world).objects['default/web'].so.status?.conditions.find((c) => c.type === 'Active')?.status).toBe('True');
    expect(hpaState(world).records['default/keda-hpa-web'].hpa.spec.metrics?.[0]).toMatchObject({ type: 'Resource', resource: { name: 'cpu' } });
  });
});

describe('prometheus trigger on the playground series', () => {
  function promWorld(activationThreshold: string): World {
    const world = createWorld(
      scenario({
        load: [{ target: 'api', cpuPerRequestMillis: 10, memoryPerInflightMiB: 0, timeoutMs: 30_000, profile: [{ atMs: 0, rps: 0, rampMs: 0 }, { atMs: 120_000, rps: 40, rampMs: 0 }, { atMs: 480_000, rps: 0, rampMs: 0 }] }],
      }),
      [
        deployment('api', 0, '100m', '64Mi'),
        scaledObject('api', 'api', {
          pollingInterval: 15,
          cooldownPeriod: 60,
          maxReplicaCount: 8,
          triggers: [{ type: 'prometheus', metadata: { serverAddress: 'http://prometheus:9090', query: 'sum(rate(http_requests_total{service="api"}[1m]))', threshold: '10', activationThreshold } }],
        }),
      ],
    );
    return world;
  }

  it('wakes the target from zero on the request rate and lets the HPA size it at rate / threshold', () => {
    const world = promWorld('5');
    const replicas: number[] = [];
    run(world, 700, (w) => replicas.push(w.deployments.get('api')!.replicas));
    expect(Math.max(...replicas.slice(0, 119))).toBe(0);
    const record = kedaState(world).objects['default/api'];
    // The poll at 120 s still sees the previous tick's traffic (0 rps); the next one, 15 s later, activates.
    expect(record.transitions[0]).toMatchObject({ t: 135, from: 0, to: 1 });
    expect(replicas[400]).toBe(4); // ceil(40 rps / 10 per pod)
    expect(record.transitions.at(-1)).toMatchObject({ to: 0 });
    expect(record.transitions.at(-1)!.t).toBeGreaterThanOrEqual(480 + 60);
  });

  it('stays at zero when the value never exceeds activationThreshold, even above the HPA threshold', () => {
    const world = promWorld('50');
    run(world, 400);
    expect(world.deployments.get('api')!.replicas).toBe(0);
    expect(enText(kedaState(world).objects['default/api'].explanation)).toContain('prometheus 40 <= activationThreshold 50');
  });

  it('turns a bad query into a scaler error: Ready False without fallback', () => {
    const world = createWorld(scenario(), [
      deployment('api', 1, '100m', '64Mi'),
      scaledObject('api', 'api', { minReplicaCount: 1, triggers: [{ type: 'prometheus', metadata: { query: 'sum(nope{service="api"})', threshold: '10' } }] }),
    ]);
    run(world, 5);
    const so = kedaState(world).objects['default/api'].so;
    expect(so.status?.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False' });
    expect(enText(kedaState(world).objects['default/api'].explanation)).toContain('unknown series nope');
  });
});

describe('rabbitmq trigger', () => {
  it('scales the consumer on ready + unacked messages and shows the value on the HPA', () => {
    const world = createWorld(scenario(), [
      deployment('consumer', 0, '100m', '64Mi'),
      scaledObject('consumer', 'consumer', {
        pollingInterval: 10,
        maxReplicaCount: 5,
        triggers: [{ type: 'rabbitmq', metadata: { queueName: 'jobs', mode: 'QueueLength', value: '50' } }],
      }),
    ]);
    installQueues(world, [
      { name: 'jobs', type: 'rabbitmq', producer: [{ atMs: 0, ratePerSecond: 0, rampMs: 0 }], consumer: { deployment: 'consumer', messagesPerSecondPerPod: 2, concurrencyPerPod: 1, cpuPerMessageMillis: 0 }, initialMessages: 400 },
    ]);
    run(world, 60);
    expect(kedaState(world).objects['default/consumer'].transitions[0]).toMatchObject({ from: 0, to: 1 });
    expect(world.deployments.get('consumer')!.replicas).toBe(5);
    expect(runView(world, ['kubectl', 'get', 'hpa']).output).toMatch(/keda-hpa-consumer\s+Deployment\/consumer\s+\d+m?\/50 \(avg\)\s+1\s+5\s+5/);
    run(world, 400);
    const q = kedaState(world).queues.jobs;
    expect(q.visible + q.inFlight).toBe(0);
    expect(world.deployments.get('consumer')!.replicas).toBe(0);
  });
});

describe('fallback through the metrics adapter', () => {
  it('serves target × fallback replicas once failures pass failureThreshold, and the HPA follows', () => {
    const world = createWorld(scenario(), [
      deployment('worker', 1, '100m', '64Mi'),
      scaledObject('worker', 'worker', {
        minReplicaCount: 1,
        maxReplicaCount: 10,
        fallback: { failureThreshold: 3, replicas: 6 },
        triggers: [{ type: 'aws-sqs-queue', metadata: { queueURL: 'https://sqs.ap-northeast-2.amazonaws.com/1/missing', queueLength: '5' } }],
      }),
    ]);
    run(world, 120);
    const record = kedaState(world).objects['default/worker'];
    expect(record.so.status?.health['s0-aws-sqs-missing']).toMatchObject({ status: 'Failing' });
    expect(record.so.status?.health['s0-aws-sqs-missing'].numberOfFailures).toBeGreaterThan(3);
    expect(world.deployments.get('worker')!.replicas).toBe(6);
    expect(record.machine.value).toBe('fallback');
    expect(runView(world, ['kubectl', 'get', 'so']).output).toMatch(/worker\s+apps\/v1\.Deployment\s+worker\s+1\s+10\s+aws-sqs-queue\s+\S+\s+\S+\s+True/);
  });
});

describe('examples', () => {
  it('keda-cron.yaml: ACTIVE at :45 KST, zero only after the cooldown', () => {
    const { world, durationMs } = loadExample('examples/keda-cron.yaml');
    const trace = runTrace(world, durationMs, { onTick: (w) => expect(checkInvariants(w)).toEqual([]) });
    const at = (t: number) => trace.samples.find((s) => s.t === t)!;
    expect(at(285).autoscalers['ScaledObject/php-apache-cron']).toMatchObject({ active: false, replicas: 0 });
    expect(at(315).autoscalers['ScaledObject/php-apache-cron']).toMatchObject({ active: true, replicas: 1 });
    expect(at(615).autoscalers['ScaledObject/php-apache-cron']).toMatchObject({ active: false, state: 'coolingDown', replicas: 1 });
    expect(at(915).autoscalers['ScaledObject/php-apache-cron']).toMatchObject({ active: false, state: 'inactive', replicas: 0 });
  });

  it('keda-sqs-queue.yaml: scales from zero on the burst, keeps the queue bounded, returns to zero', () => {
    const { world, durationMs } = loadExample('examples/keda-sqs-queue.yaml');
    const trace = runTrace(world, durationMs, { onTick: (w) => expect(checkInvariants(w)).toEqual([]) });
    const queue = trace.samples.map((s) => s.autoscalers['Queue/orders'] as { depth: number; oldestAgeSeconds: number });
    const replicas = trace.samples.map((s) => s.workloads['order-processor'].desired);
    expect(replicas[0]).toBe(0);
    expect(Math.max(...replicas)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...replicas)).toBeLessThanOrEqual(10);
    // Bounded: the backlog built up during the cold start drains while the producer still runs.
    const peak = Math.max(...queue.map((q) => q.depth));
    expect(peak).toBeLessThan(1000);
    expect(trace.samples.find((s) => s.t === 450)!.autoscalers['Queue/orders']).toMatchObject({ visible: 0 });
    // The cold start shows in the oldest message's age.
    expect(Math.max(...queue.map((q) => q.oldestAgeSeconds))).toBeGreaterThan(5);
    const record = kedaState(world).objects['default/order-processor'];
    const deactivations = record.transitions.filter((t) => t.reason === 'KEDAScaleTargetDeactivated' && t.t > 1);
    expect(deactivations.length).toBeGreaterThanOrEqual(2);
    // The burst ends at 8m; the last poll that saw messages was at most one pollingInterval (15 s)
    // earlier, and zero comes only once the 120 s cooldown has passed since that poll.
    expect(deactivations[0].t).toBeGreaterThanOrEqual(480 - 15 + 120);
    expect(replicas.at(-1)).toBe(0);
  });

  it('keda-karpenter-cron.yaml: 09:00 KST rush → 10 replicas on Karpenter nodes, back to 0 and nodes removed after the window', () => {
    const { world, durationMs } = loadExample('examples/keda-karpenter-cron.yaml');
    const trace = runTrace(world, durationMs, { onTick: (w) => expect(checkInvariants(w)).toEqual([]) });
    const at = (t: number) => trace.samples.find((s) => s.t === t)!;
    expect(at(285).workloads['bank-api'].desired).toBe(0);
    expect(at(300).autoscalers['ScaledObject/bank-api']).toMatchObject({ active: true });
    const tenReady = trace.samples.find((s) => s.workloads['bank-api'].ready === 10)!;
    expect(tenReady.t).toBeLessThan(600);
    expect(tenReady.nodes.byPool.default).toBeGreaterThan(0);
    // The window ends at 09:30 (sim 2100 s); zero no sooner than the 300 s cooldown after it.
    const zero = trace.samples.find((s) => s.t > 2100 && s.workloads['bank-api'].desired === 0)!;
    expect(zero.t).toBeGreaterThanOrEqual(2100 + 300);
    expect(trace.samples.at(-1)!.nodes.byPool.default ?? 0).toBe(0);
  });
});
