/**
 * `kubectl get vpa` and `kubectl describe vpa` as the VPA CRD's printer columns and kubectl's
 * generic custom-resource describer show them.
 * Printer columns: NAME, MODE (.spec.updatePolicy.updateMode), CPU and MEM (first container's
 * target), PROVIDED (RecommendationProvided status), AGE.
 */
import {
  describeEvents,
  describeTree,
  formatMemoryBinary,
  formatTable,
  humanDuration,
  rfc3339,
  type DescribeEvent,
  type DescribeMap,
} from './kubectlFormat';
import { formatCpuMillis, formatMemoryBytes } from './quantity';
import type { ResourceAmounts, VerticalPodAutoscaler } from './types';

export interface VpaViewOptions {
  nowSeconds: number;
  /** Wall-clock milliseconds of sim second 0 (the scenario's start time). */
  simEpochMs: number;
}

function age(vpa: VerticalPodAutoscaler, nowSeconds: number): string {
  return humanDuration(nowSeconds - (vpa.metadata.creationTimestamp ?? 0));
}

export function kubectlGetVpa(vpas: readonly VerticalPodAutoscaler[], opts: Pick<VpaViewOptions, 'nowSeconds'>): string {
  if (vpas.length === 0) return 'No resources found in default namespace.';
  const rows = vpas.map((v) => {
    const first = v.status?.recommendation?.containerRecommendations[0];
    const provided = v.status?.conditions.find((c) => c.type === 'RecommendationProvided')?.status ?? '';
    return [
      v.metadata.name,
      v.spec.updatePolicy?.updateMode ?? '',
      first?.target.cpu !== undefined ? formatCpuMillis(first.target.cpu) : '',
      first?.target.memory !== undefined ? formatMemoryBytes(first.target.memory) : '',
      provided,
      age(v, opts.nowSeconds),
    ];
  });
  return formatTable(['NAME', 'MODE', 'CPU', 'MEM', 'PROVIDED', 'AGE'], rows);
}

/** Spec quantities keep the user's binary style ("50Mi"); status ones are DecimalSI ("262144k"). */
function specResources(r: ResourceAmounts | undefined): DescribeMap | undefined {
  if (!r) return undefined;
  return {
    cpu: r.cpu !== undefined ? formatCpuMillis(r.cpu) : undefined,
    memory: r.memory !== undefined ? formatMemoryBinary(r.memory) : undefined,
  };
}

function statusResources(r: ResourceAmounts): DescribeMap {
  return {
    cpu: r.cpu !== undefined ? formatCpuMillis(r.cpu) : undefined,
    memory: r.memory !== undefined ? formatMemoryBytes(r.memory) : undefined,
  };
}

export function kubectlDescribeVpa(
  vpa: VerticalPodAutoscaler,
  opts: VpaViewOptions,
  events: readonly DescribeEvent[] = [],
): string {
  const { spec, status } = vpa;
  const specMap: DescribeMap = {
    targetRef: { apiVersion: spec.targetRef.apiVersion, kind: spec.targetRef.kind, name: spec.targetRef.name },
    updatePolicy: spec.updatePolicy
      ? { updateMode: spec.updatePolicy.updateMode, minReplicas: spec.updatePolicy.minReplicas }
      : undefined,
    resourcePolicy: spec.resourcePolicy?.containerPolicies
      ? {
          containerPolicies: spec.resourcePolicy.containerPolicies.map((p) => ({
            containerName: p.containerName,
            mode: p.mode,
            controlledResources: p.controlledResources,
            controlledValues: p.controlledValues,
            minAllowed: specResources(p.minAllowed),
            maxAllowed: specResources(p.maxAllowed),
          })),
        }
      : undefined,
  };
  const statusMap: DescribeMap | undefined = status
    ? {
        conditions: status.conditions.map((c) => ({
          lastTransitionTime: rfc3339(c.lastTransitionTime, opts.simEpochMs),
          message: c.message,
          reason: c.reason,
          status: c.status,
          type: c.type,
        })),
        recommendation: status.recommendation
          ? {
              containerRecommendations: status.recommendation.containerRecommendations.map((r) => ({
                containerName: r.containerName,
                lowerBound: statusResources(r.lowerBound),
                target: statusResources(r.target),
                uncappedTarget: statusResources(r.uncappedTarget),
                upperBound: statusResources(r.upperBound),
              })),
            }
          : undefined,
      }
    : undefined;
  const header = describeTree(
    {
      name: vpa.metadata.name,
      namespace: vpa.metadata.namespace ?? 'default',
      labels: '<none>',
      annotations: '<none>',
      apiVersion: vpa.apiVersion,
      kind: vpa.kind,
    },
    0,
    false,
  );
  const body = describeTree({
    metadata: { creationTimestamp: rfc3339(vpa.metadata.creationTimestamp ?? 0, opts.simEpochMs) },
    spec: specMap,
    ...(statusMap ? { status: statusMap } : {}),
  });
  return [...header, ...body, ...describeEvents(events)].join('\n');
}
