import type { FidelityAdapter } from '../../../fidelity/types';
import { evaluateCron, parseCronTrigger, type CronTriggerMetadata } from './cron';
import { runScaleExecutor, type ExecutorInput } from './executor';
import { readMetricWithFallback, type FallbackSpec } from './fallback';
import { evaluateFormula } from './formula';
import { evaluatePromQl, type PromSeries } from './promql';
import { externalAverageValueDesired } from './generatedHpa';
import { isAboveActivation, objectActivity, readTrigger, sqsMessageCount, type ScalerReading } from './scalers';
import { resolveSpec, type FallbackBehavior, type ScaledObjectSpec } from './types';

/** Vector inputs use null for "unset". */
function opt<T>(v: T | null | undefined): T | undefined {
  return v === null ? undefined : v;
}

function fallbackFrom(input: { failureThreshold: number; replicas: number; behavior?: string }): FallbackSpec {
  const known: FallbackBehavior[] = ['static', 'currentReplicas', 'currentReplicasIfHigher', 'currentReplicasIfLower'];
  const behavior = known.find((b) => b === input.behavior);
  return { failureThreshold: input.failureThreshold, replicas: input.replicas, ...(behavior ? { behavior } : {}) };
}

function executorInput(partial: Partial<ExecutorInput> & Pick<ExecutorInput, 'isActive' | 'currentReplicas' | 'now'>): ExecutorInput {
  return {
    isError: false,
    minReplicaCount: 0,
    idleReplicaCount: undefined,
    cooldownPeriodSeconds: 300,
    initialCooldownPeriodSeconds: 0,
    hasFallback: false,
    paused: { paused: false, replicas: null },
    lastActiveTime: null,
    createdAt: 0,
    ...partial,
  };
}

type CaseInput = CronTriggerMetadata & {
  approximateMessages?: number;
  approximateMessagesNotVisible?: number;
  activationQueueLength?: number;
};

function isCronCase(c: CaseInput): boolean {
  return c.start !== undefined || c.end !== undefined || c.timezone !== undefined || c.desiredReplicas !== undefined;
}

function sqsCaseActive(c: CaseInput): boolean {
  const metadata: Record<string, string> = {};
  if (c.activationQueueLength !== undefined) metadata.activationQueueLength = String(c.activationQueueLength);
  const value = sqsMessageCount(
    { visible: c.approximateMessages ?? 0, inFlight: c.approximateMessagesNotVisible ?? 0 },
    metadata,
  );
  return isAboveActivation(value, c.activationQueueLength ?? 0);
}

export const kedaFidelity: FidelityAdapter = {
  component: 'KEDA',
  shapes: {
    'KEDA:desiredReplicas,end,nowUTC,start,timezone': (input: CronTriggerMetadata & { nowUTC: string }) => {
      const parsed = parseCronTrigger(input);
      if (!parsed.ok) return { error: parsed.error, active: false, metricValue: 0 };
      const ev = evaluateCron(parsed.config, Date.parse(input.nowUTC));
      return { active: ev.active, metricValue: ev.metricValue };
    },
    'KEDA:cases': (input: { cases: CaseInput[] }) => {
      const out: Record<string, unknown> = {};
      if (input.cases.some(isCronCase)) out.valid = input.cases.map((c) => parseCronTrigger(c).ok);
      if (input.cases.some((c) => c.approximateMessages !== undefined)) out.active = input.cases.map(sqsCaseActive);
      return out;
    },
    'KEDA:cooldownPeriodSeconds,currentReplicas,idleReplicaCount,initialCooldownPeriodSeconds,isActive,lastActiveTime,minReplicaCount,scaledObjectCreatedSecondsAgo':
      (input: {
        cooldownPeriodSeconds: number;
        currentReplicas: number;
        idleReplicaCount: number | null;
        initialCooldownPeriodSeconds: number;
        isActive: boolean;
        lastActiveTime: number | null;
        minReplicaCount: number;
        scaledObjectCreatedSecondsAgo: number;
      }) => {
        // Time frame: the object was created at 0 and it is now `scaledObjectCreatedSecondsAgo`.
        const r = runScaleExecutor(
          executorInput({
            isActive: input.isActive,
            currentReplicas: input.currentReplicas,
            minReplicaCount: input.minReplicaCount,
            idleReplicaCount: opt(input.idleReplicaCount),
            cooldownPeriodSeconds: input.cooldownPeriodSeconds,
            initialCooldownPeriodSeconds: input.initialCooldownPeriodSeconds,
            lastActiveTime: input.lastActiveTime,
            createdAt: 0,
            now: input.scaledObjectCreatedSecondsAgo,
          }),
        );
        return { replicasAfter: r.replicasAfter, activeConditionReason: r.activeCondition.reason };
      },
    'KEDA:cooldownPeriodSeconds,currentReplicas,isActive,lastActiveSecondsAgo,minReplicaCount': (input: {
      cooldownPeriodSeconds: number;
      currentReplicas: number;
      isActive: boolean;
      lastActiveSecondsAgo: number;
      minReplicaCount: number;
    }) => {
      const now = 100_000;
      const r = runScaleExecutor(
        executorInput({
          isActive: input.isActive,
          currentReplicas: input.currentReplicas,
          minReplicaCount: input.minReplicaCount,
          cooldownPeriodSeconds: input.cooldownPeriodSeconds,
          lastActiveTime: now - input.lastActiveSecondsAgo,
          now,
        }),
      );
      return { replicasAfter: r.replicasAfter, activeConditionReason: r.activeCondition.reason };
    },
    'KEDA:currentReplicas,isActive,minReplicaCount': (input: {
      currentReplicas: number;
      isActive: boolean;
      minReplicaCount: number;
    }) => {
      const r = runScaleExecutor(
        executorInput({
          isActive: input.isActive,
          currentReplicas: input.currentReplicas,
          minReplicaCount: input.minReplicaCount,
          now: 100_000,
        }),
      );
      return {
        replicasAfter: r.replicasAfter,
        lastActiveTimeUpdated: r.lastActiveTimeUpdated,
        activeConditionReason: r.activeCondition.reason,
      };
    },
    'KEDA:currentReplicas,fallback,metricTargetAverageValue,previousFailures': (input: {
      currentReplicas: number;
      fallback: { failureThreshold: number; replicas: number; behavior?: string };
      metricTargetAverageValue: number;
      previousFailures: number;
    }) => {
      const outcome = readMetricWithFallback({
        previous: { numberOfFailures: input.previousFailures, status: 'Failing' },
        reading: { error: 'scaler failed' },
        fallback: fallbackFrom(input.fallback),
        metricType: 'AverageValue',
        targetAverageValue: input.metricTargetAverageValue,
        currentReplicas: input.currentReplicas,
      });
      const hpaDesiredReplicas =
        outcome.value === undefined
          ? input.currentReplicas
          : externalAverageValueDesired({
              total: outcome.value,
              targetAverageValue: input.metricTargetAverageValue,
              currentReplicas: input.currentReplicas,
              minReplicas: 1,
              maxReplicas: Number.MAX_SAFE_INTEGER,
            });
      return {
        fallbackMetricValue: outcome.value,
        hpaDesiredReplicas,
        error: outcome.error,
        numberOfFailures: outcome.health.numberOfFailures,
        healthStatus: outcome.health.status,
      };
    },
    'KEDA:fallback,previousFailures': (input: {
      fallback: { failureThreshold: number; replicas: number; behavior?: string };
      previousFailures: number;
    }) => {
      const outcome = readMetricWithFallback({
        previous: { numberOfFailures: input.previousFailures, status: input.previousFailures > 0 ? 'Failing' : 'Happy' },
        reading: { error: 'scaler failed' },
        fallback: fallbackFrom(input.fallback),
        metricType: 'AverageValue',
        targetAverageValue: 1,
        currentReplicas: 1,
      });
      return {
        error: outcome.error,
        numberOfFailures: outcome.health.numberOfFailures,
        healthStatus: outcome.health.status,
      };
    },
    'KEDA:activationThreshold,metricValue,minReplicaCount,threshold': (input: {
      activationThreshold: number;
      metricValue: number;
      minReplicaCount: number;
      threshold: number;
    }) => {
      const query = 'vector';
      const reading = readTrigger(
        {
          type: 'prometheus',
          metadata: { query, threshold: String(input.threshold), activationThreshold: String(input.activationThreshold) },
        },
        0,
        { nowMs: 0, prometheus: { [query]: input.metricValue } },
      );
      const activity = objectActivity([reading]);
      const bounds = resolveSpec({ minReplicaCount: input.minReplicaCount });
      const hpaWouldWant = externalAverageValueDesired({
        total: input.metricValue,
        targetAverageValue: input.threshold,
        currentReplicas: 1,
        minReplicas: bounds.hpaMinReplicas,
        maxReplicas: bounds.hpaMaxReplicas,
      });
      // Let the HPA run, then poll KEDA long after the cooldown.
      const after = runScaleExecutor(
        executorInput({
          isActive: activity.isActive,
          currentReplicas: hpaWouldWant,
          minReplicaCount: input.minReplicaCount,
          lastActiveTime: 0,
          now: 10 * bounds.cooldownPeriodSeconds + 1,
        }),
      );
      return { active: activity.isActive, hpaWouldWant, finalReplicasAfterCooldown: after.replicasAfter };
    },
    'KEDA:currentReplicas,maxReplicaCount,minReplicaCount,queueLengthTarget,queueMessages': (input: {
      currentReplicas: number;
      maxReplicaCount: number | null;
      minReplicaCount: number | null;
      queueLengthTarget: number;
      queueMessages: number;
    }) => {
      const queueName = 'queue';
      const reading = readTrigger(
        {
          type: 'aws-sqs-queue',
          metadata: { queueURL: `https://sqs.local/000000000000/${queueName}`, queueLength: String(input.queueLengthTarget) },
        },
        0,
        { nowMs: 0, queues: { [queueName]: { visible: input.queueMessages, inFlight: 0 } } },
      );
      const bounds = resolveSpec({
        minReplicaCount: opt(input.minReplicaCount),
        maxReplicaCount: opt(input.maxReplicaCount),
      });
      return {
        desiredReplicas: externalAverageValueDesired({
          total: reading.value ?? 0,
          targetAverageValue: reading.target,
          currentReplicas: input.currentReplicas,
          minReplicas: bounds.hpaMinReplicas,
          maxReplicas: bounds.hpaMaxReplicas,
        }),
      };
    },
    'KEDA:maxReplicaCount,minReplicaCount': (input: { maxReplicaCount: number | null; minReplicaCount: number | null }) => {
      const r = resolveSpec({ minReplicaCount: opt(input.minReplicaCount), maxReplicaCount: opt(input.maxReplicaCount) });
      return { hpaMinReplicas: r.hpaMinReplicas, hpaMaxReplicas: r.hpaMaxReplicas };
    },
    'KEDA:scalerError,triggers': (input: { triggers: string[]; scalerError: boolean }) => {
      const readings: ScalerReading[] = input.triggers.map((type, i) =>
        readTrigger({ type, metadata: { value: '50' } }, i, { nowMs: 0 }),
      );
      // An injected failure marks one reading as errored.
      if (input.scalerError && readings.length > 0) readings[0] = { ...readings[0], error: 'scaler failed', isActive: false };
      return { active: objectActivity(readings).isActive };
    },
    'KEDA:nowSeconds,query,series': (input: { query: string; nowSeconds: number; series: Record<string, { counter: boolean; samples: [number, number][] }> }) => {
      // Kept samples (seconds, value; counters cumulative) as promHistory.ts stores them.
      const series: PromSeries = {};
      for (const [name, s] of Object.entries(input.series)) {
        series[name] = [{ labels: {}, value: 0, counter: s.counter, history: { t: s.samples.map(([t]) => t * 1000), v: s.samples.map(([, v]) => v), nowMs: input.nowSeconds * 1000 } }];
      }
      const r = evaluatePromQl(input.query, series);
      return r.ok ? { value: r.value ?? null } : { error: r.error };
    },
    'KEDA:activationTarget,formula,target,values': (input: { formula: string; target: string; activationTarget: string | null; values: Record<string, number> }) => {
      const result = evaluateFormula(input.formula, input.values);
      if (!result.ok) return { error: result.error };
      const activation = input.activationTarget === null ? 0 : Number(input.activationTarget);
      // The HPA reads composite-metric as an External AverageValue with the modifiers' target.
      return { compositeValue: result.value, active: result.value > activation, desiredReplicas: Math.ceil(result.value / Number(input.target)) };
    },
    'KEDA:spec': (input: { spec: Partial<ScaledObjectSpec> }) => {
      const r = resolveSpec(input.spec);
      return {
        pollingIntervalSeconds: r.pollingIntervalSeconds,
        cooldownPeriodSeconds: r.cooldownPeriodSeconds,
        initialCooldownPeriodSeconds: r.initialCooldownPeriodSeconds,
        minReplicaCount: r.minReplicaCount,
        maxReplicaCount: r.maxReplicaCount,
        hpaMinReplicas: r.hpaMinReplicas,
        hpaMaxReplicas: r.hpaMaxReplicas,
      };
    },
  },
};
