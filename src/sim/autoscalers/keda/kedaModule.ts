import type { QueueSpec } from '../../core/scenario';
import type { World } from '../../core/types';
import { externalMetricProviders } from '../hpa/worldMetrics';
import type { AutoscalerModule } from '../module';
import { KEDA_POLL_TICK_MS, QUEUE_SIMULATOR, runKedaOperator, runQueueSimulator } from './controller';
import { kedaExternalMetrics } from './metricsAdapter';
import { newQueueState, queueDepth } from './queueModel';
import { scaledObjectKind } from './scaledObjectKind';
import { KEDA_OPERATOR, kedaState } from './state';

// keda-operator-metrics-apiserver registers with external.metrics.k8s.io once per process.
if (!externalMetricProviders.includes(kedaExternalMetrics)) externalMetricProviders.push(kedaExternalMetrics);

/**
 * Put the scenario's queues in the world (world.autoscalers.keda.queues). createWorld should call
 * this with spec.queues; until then a runner calls it right after createWorld.
 */
export function installQueues(world: World, queues: readonly QueueSpec[] | undefined): void {
  const state = kedaState(world).queues;
  for (const q of queues ?? []) state[q.name] ??= newQueueState(q, world.timeMs);
}

function conditionTrue(status: { conditions: { type: string; status: string }[] } | undefined, type: string): boolean {
  return status?.conditions.some((c) => c.type === type && c.status === 'True') ?? false;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export const kedaModule: AutoscalerModule = {
  name: 'keda',
  controllers: [
    // The queues move every second, before KEDA looks at them in the same instant.
    { name: QUEUE_SIMULATOR, periodMs: KEDA_POLL_TICK_MS, phaseMs: KEDA_POLL_TICK_MS, run: runQueueSimulator },
    { name: KEDA_OPERATOR, periodMs: KEDA_POLL_TICK_MS, phaseMs: KEDA_POLL_TICK_MS, run: runKedaOperator },
  ],
  kinds: [scaledObjectKind],
  explain(world) {
    return Object.values(kedaState(world).objects).map((r) => ({
      object: `ScaledObject/${r.so.metadata.name}`,
      state: r.machine.value,
      at: r.lastPollSeconds,
      lines: r.explanation,
    }));
  },
  trace(world) {
    const out: Record<string, Record<string, unknown>> = {};
    const state = kedaState(world);
    for (const key of Object.keys(state.objects).sort()) {
      const r = state.objects[key];
      const status = r.so.status;
      const metrics: Record<string, number | null> = {};
      for (const reading of r.readings) if (reading.source === 'External') metrics[reading.metricName] = reading.value ?? null;
      out[`ScaledObject/${r.so.metadata.name}`] = {
        state: r.machine.value,
        active: conditionTrue(status, 'Active'),
        ready: conditionTrue(status, 'Ready'),
        fallback: conditionTrue(status, 'Fallback'),
        paused: conditionTrue(status, 'Paused'),
        replicas: world.deployments.get(r.so.spec.scaleTargetRef.name)?.replicas ?? 0,
        hpa: status?.hpaName ?? '',
        lastActiveSeconds: status?.lastActiveTime ?? null,
        metrics,
      };
    }
    for (const name of Object.keys(state.queues).sort()) {
      const q = state.queues[name];
      out[`Queue/${name}`] = {
        type: q.spec.type,
        depth: queueDepth(q),
        visible: q.visible,
        inFlight: q.inFlight,
        oldestAgeSeconds: round(q.oldestAgeSeconds),
        producedPerSecond: round(q.producedPerSecond),
        consumedPerSecond: round(q.consumedPerSecond),
        readyConsumers: q.readyConsumers,
      };
    }
    return out;
  },
};
