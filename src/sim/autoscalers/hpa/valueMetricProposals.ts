/**
 * Object and External metrics (computeReplicasForMetric's value-target cases): a value or an
 * average value against the target, with upstream's error wording.
 */
import { isWithinTolerance } from './defaults';
import { formatGoLabelSelector, isClientError } from './metricsClient';
import { countReadyRunningPods } from './podGrouping';
import { quantityToMilli } from './quantity';
import { averageValueMetricReplicas, valueMetricReplicas } from './valueMetricCalculator';
import type { MetricSpec } from './types';
import { fail, mq, type MetricContext, type MetricProposal } from './proposalCommon';

/** getReadyPodsCount, with its error wording. */
function readyPodsForValueTarget(ctx: MetricContext): number | { error: string } {
  if (ctx.specReplicas === 0) return 0; // not consulted when scaling from zero
  const pods = ctx.metrics.targetPods();
  if (pods.length === 0) return { error: 'unable to calculate ready pods: no pods returned by selector while calculating replica count' };
  return countReadyRunningPods(pods);
}

/**
 * GetObjectMetricReplicas' and GetExternalMetricReplicas' value case: the ready pods are counted
 * first, and failing to count them is an error unless the ratio is already within tolerance.
 */
function valueTargetReplicas(ctx: MetricContext, valueMilli: number, targetValueMilli: number, label: string): ReturnType<typeof valueMetricReplicas> | { error: string } {
  const ready = readyPodsForValueTarget(ctx);
  if (typeof ready !== 'number' && !(ctx.specReplicas !== 0 && isWithinTolerance(valueMilli / targetValueMilli, ctx.tolerances))) return ready;
  return valueMetricReplicas({
    currentReplicas: ctx.specReplicas,
    valueMilli,
    targetValueMilli,
    readyRunningPods: typeof ready === 'number' ? ready : 0,
    tolerances: ctx.tolerances,
    metricLabel: label,
  });
}

export function objectProposal(ctx: MetricContext, spec: Extract<MetricSpec, { type: 'Object' }>['object']): MetricProposal {
  const { metric, describedObject: obj, target } = spec;
  const label = `${obj.kind}/${obj.name} ${metric.name}`;
  const wrap = (e: string) => `failed to get object metric value: ${e}`;
  const unable = (e: string) => `unable to get metric ${metric.name}: ${obj.kind} on ${ctx.namespace} ${obj.name}/${e}`;
  const isValue = target.type === 'Value' && target.value !== undefined;
  const isAverage = target.type === 'AverageValue' && target.averageValue !== undefined;
  if (!isValue && !isAverage) {
    const e = 'invalid object metric source: neither a value target nor an average value target was set';
    return fail('FailedGetObjectMetric', e, wrap(e), label);
  }
  const got = ctx.metrics.objectMetric(metric.name, obj, metric.selector);
  if (isClientError(got)) {
    const e = unable(got.error);
    return fail('FailedGetObjectMetric', e, wrap(isAverage ? `failed to get ${metric.name} object metric: ${e}` : e), label);
  }
  if (isAverage) {
    const calc = averageValueMetricReplicas({
      statusReplicas: ctx.statusReplicas,
      totalMilli: got.valueMilli,
      targetAverageMilli: quantityToMilli(target.averageValue ?? '0'),
      tolerances: ctx.tolerances,
      metricLabel: label,
    });
    return {
      ok: true,
      replicas: calc.replicas,
      // Upstream labels Object AverageValue proposals as "external metric"; kept as it is shown.
      metricName: `external metric ${metric.name}(${formatGoLabelSelector(metric.selector)})`,
      status: { type: 'Object', object: { describedObject: { ...obj }, metric: { ...metric }, current: { averageValue: mq(calc.averageMilli) } } },
      explanation: calc.explanation,
    };
  }
  const calc = valueTargetReplicas(ctx, got.valueMilli, quantityToMilli(target.value ?? '0'), label);
  if ('error' in calc) return fail('FailedGetObjectMetric', calc.error, wrap(calc.error), label);
  return {
    ok: true,
    replicas: calc.replicas,
    metricName: `${obj.kind} metric ${metric.name}`,
    status: { type: 'Object', object: { describedObject: { ...obj }, metric: { ...metric }, current: { value: mq(got.valueMilli) } } },
    explanation: calc.explanation,
  };
}

export function externalProposal(ctx: MetricContext, spec: Extract<MetricSpec, { type: 'External' }>['external']): MetricProposal {
  const { metric, target } = spec;
  const selectorText = formatGoLabelSelector(metric.selector);
  const label = metric.name;
  const wrapOuter = (e: string) => `failed to get ${metric.name} external metric value: ${e}`;
  const wrapInner = (e: string) => `failed to get ${metric.name} external metric: ${e}`;
  if (target.averageValue === undefined && target.value === undefined) {
    const e = 'invalid external metric source: neither a value target nor an average value target was set';
    return fail('FailedGetExternalMetric', e, wrapOuter(e), label);
  }
  const got = ctx.metrics.externalMetric(metric.name, metric.selector);
  if (isClientError(got)) {
    const e = `unable to get external metric ${ctx.namespace}/${metric.name}/${selectorText}: ${got.error}`;
    return fail('FailedGetExternalMetric', e, wrapOuter(wrapInner(e)), label);
  }
  const total = got.valuesMilli.reduce((a, b) => a + b, 0);
  const metricName = `external metric ${metric.name}(${selectorText})`;
  const statusMetric = { ...metric };
  if (target.averageValue !== undefined) {
    const calc = averageValueMetricReplicas({
      statusReplicas: ctx.statusReplicas,
      totalMilli: total,
      targetAverageMilli: quantityToMilli(target.averageValue),
      tolerances: ctx.tolerances,
      metricLabel: label,
    });
    return {
      ok: true,
      replicas: calc.replicas,
      metricName,
      status: { type: 'External', external: { metric: statusMetric, current: { averageValue: mq(calc.averageMilli) } } },
      explanation: calc.explanation,
    };
  }
  const calc = valueTargetReplicas(ctx, total, quantityToMilli(target.value ?? '0'), label);
  if ('error' in calc) return fail('FailedGetExternalMetric', calc.error, wrapOuter(wrapInner(calc.error)), label);
  return {
    ok: true,
    replicas: calc.replicas,
    metricName,
    status: { type: 'External', external: { metric: statusMetric, current: { value: mq(total) } } },
    explanation: calc.explanation,
  };
}

