/**
 * `kubectl get scaledobject` and `kubectl describe scaledobject`, from KEDA's CRD printer columns:
 * NAME, SCALETARGETKIND (.status.scaleTargetKind), SCALETARGETNAME, MIN, MAX, TRIGGERS
 * (.spec.triggers[*].type), AUTHENTICATION, READY, ACTIVE, FALLBACK, PAUSED, AGE.
 */
import {
  describeEvents,
  describeTree,
  formatTable,
  humanDuration,
  rfc3339,
  type DescribeEvent,
  type DescribeMap,
} from '../vpa/kubectlFormat';
import type { ScaledObject, ScaledObjectConditionType } from './types';

export interface KedaViewOptions {
  nowSeconds: number;
  /** Wall-clock milliseconds of sim second 0. */
  simEpochMs: number;
}

function conditionStatus(so: ScaledObject, type: ScaledObjectConditionType): string {
  return so.status?.conditions.find((c) => c.type === type)?.status ?? '';
}

export function kubectlGetScaledObjects(
  objects: readonly ScaledObject[],
  opts: Pick<KedaViewOptions, 'nowSeconds'>,
): string {
  if (objects.length === 0) return 'No resources found in default namespace.';
  const rows = objects.map((so) => [
    so.metadata.name,
    so.status?.scaleTargetKind ?? '',
    so.spec.scaleTargetRef.name,
    so.spec.minReplicaCount !== undefined ? String(so.spec.minReplicaCount) : '',
    so.spec.maxReplicaCount !== undefined ? String(so.spec.maxReplicaCount) : '',
    so.spec.triggers.map((t) => t.type).join(','),
    so.spec.triggers.flatMap((t) => (t.authenticationRef ? [t.authenticationRef.name] : [])).join(','),
    conditionStatus(so, 'Ready'),
    conditionStatus(so, 'Active'),
    conditionStatus(so, 'Fallback'),
    conditionStatus(so, 'Paused'),
    humanDuration(opts.nowSeconds - (so.metadata.creationTimestamp ?? 0)),
  ]);
  return formatTable(
    [
      'NAME',
      'SCALETARGETKIND',
      'SCALETARGETNAME',
      'MIN',
      'MAX',
      'TRIGGERS',
      'AUTHENTICATION',
      'READY',
      'ACTIVE',
      'FALLBACK',
      'PAUSED',
      'AGE',
    ],
    rows,
  );
}

export function kubectlDescribeScaledObject(
  so: ScaledObject,
  opts: KedaViewOptions,
  events: readonly DescribeEvent[] = [],
): string {
  const header = describeTree(
    {
      name: so.metadata.name,
      namespace: so.metadata.namespace ?? 'default',
      labels: `scaledobject.keda.sh/name=${so.metadata.name}`,
      annotations:
        so.metadata.annotations && Object.keys(so.metadata.annotations).length > 0
          ? Object.entries(so.metadata.annotations)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n              ')
          : '<none>',
      apiVersion: so.apiVersion,
      kind: so.kind,
    },
    0,
    false,
  );
  const spec = so.spec;
  const specMap: DescribeMap = {
    scaleTargetRef: { ...spec.scaleTargetRef },
    pollingInterval: spec.pollingInterval,
    cooldownPeriod: spec.cooldownPeriod,
    initialCooldownPeriod: spec.initialCooldownPeriod,
    idleReplicaCount: spec.idleReplicaCount,
    minReplicaCount: spec.minReplicaCount,
    maxReplicaCount: spec.maxReplicaCount,
    fallback: spec.fallback ? { ...spec.fallback } : undefined,
    advanced: spec.advanced?.horizontalPodAutoscalerConfig?.name
      ? { horizontalPodAutoscalerConfig: { name: spec.advanced.horizontalPodAutoscalerConfig.name } }
      : undefined,
    triggers: spec.triggers.map((t) => ({
      type: t.type,
      name: t.name,
      metricType: t.metricType,
      metadata: { ...t.metadata },
      authenticationRef: t.authenticationRef ? { ...t.authenticationRef } : undefined,
    })),
  };
  const st = so.status;
  const statusMap: DescribeMap | undefined = st
    ? {
        conditions: st.conditions.map((c) => ({ message: c.message, reason: c.reason, status: c.status, type: c.type })),
        externalMetricNames: st.externalMetricNames.length > 0 ? st.externalMetricNames : undefined,
        resourceMetricNames: st.resourceMetricNames.length > 0 ? st.resourceMetricNames : undefined,
        health:
          Object.keys(st.health).length > 0
            ? Object.fromEntries(
                Object.entries(st.health).map(([k, h]) => [
                  k,
                  { numberOfFailures: h.numberOfFailures, status: h.status },
                ]),
              )
            : undefined,
        hpaName: st.hpaName,
        lastActiveTime: st.lastActiveTime !== null ? rfc3339(st.lastActiveTime, opts.simEpochMs) : undefined,
        originalReplicaCount: st.originalReplicaCount,
        pausedReplicaCount: st.pausedReplicaCount,
        scaleTargetKind: st.scaleTargetKind,
      }
    : undefined;
  const body = describeTree({
    metadata: { creationTimestamp: rfc3339(so.metadata.creationTimestamp ?? 0, opts.simEpochMs) },
    spec: specMap,
    ...(statusMap ? { status: statusMap } : {}),
  });
  return [...header, ...body, ...describeEvents(events)].join('\n');
}
