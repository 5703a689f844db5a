/**
 * API kinds the VPA module registers: VerticalPodAutoscaler (apply/get/describe/delete) and a
 * read-only `krr` entry, so `kubectl get krr` prints the KRR simple-strategy report (KRR itself is
 * a separate CLI, `krr simple`; the store can call `krrSimpleView` for that command line).
 */
import { stringify } from 'yaml';
import type { World } from '../../core/types';
import { notFound, type ResourceKind } from '../../resources/registry';
import { krrSimpleView } from './krrHistory';
import { formatMemoryBinary } from './kubectlFormat';
import { kubectlDescribeVpa, kubectlGetVpa } from './kubectlViews';
import { initialMachineState, stepObjectMachine } from './machineState';
import { vpaFromManifest } from './manifest';
import { formatCpuMillis, formatMemoryBytes } from './quantity';
import type { ResourceAmounts, VerticalPodAutoscaler } from './types';
import { objectKey, vpaObjects, vpaState } from './worldState';
import { eventSeries } from '../../views/events';

function specQuantities(r: ResourceAmounts | undefined): Record<string, string> | undefined {
  if (!r) return undefined;
  return {
    ...(r.cpu !== undefined ? { cpu: formatCpuMillis(r.cpu) } : {}),
    ...(r.memory !== undefined ? { memory: formatMemoryBinary(r.memory) } : {}),
  };
}

function statusQuantities(r: ResourceAmounts): Record<string, string> {
  return {
    ...(r.cpu !== undefined ? { cpu: formatCpuMillis(r.cpu) } : {}),
    ...(r.memory !== undefined ? { memory: formatMemoryBytes(r.memory) } : {}),
  };
}

/** The object as the API server returns it (`-o yaml` / `-o json`). */
export function vpaAsManifest(vpa: VerticalPodAutoscaler, simEpochMs: number): Record<string, unknown> {
  const iso = (s: number) => new Date(simEpochMs + s * 1000).toISOString().replace('.000Z', 'Z');
  return {
    apiVersion: vpa.apiVersion,
    kind: vpa.kind,
    metadata: { name: vpa.metadata.name, namespace: vpa.metadata.namespace ?? 'default', creationTimestamp: iso(vpa.metadata.creationTimestamp ?? 0) },
    spec: {
      targetRef: vpa.spec.targetRef,
      ...(vpa.spec.updatePolicy ? { updatePolicy: vpa.spec.updatePolicy } : {}),
      ...(vpa.spec.resourcePolicy
        ? {
            resourcePolicy: {
              containerPolicies: (vpa.spec.resourcePolicy.containerPolicies ?? []).map((p) => ({
                ...p,
                ...(p.minAllowed ? { minAllowed: specQuantities(p.minAllowed) } : {}),
                ...(p.maxAllowed ? { maxAllowed: specQuantities(p.maxAllowed) } : {}),
              })),
            },
          }
        : {}),
    },
    ...(vpa.status
      ? {
          status: {
            conditions: vpa.status.conditions.map((c) => ({ ...c, lastTransitionTime: iso(c.lastTransitionTime) })),
            ...(vpa.status.recommendation
              ? {
                  recommendation: {
                    containerRecommendations: vpa.status.recommendation.containerRecommendations.map((r) => ({
                      containerName: r.containerName,
                      lowerBound: statusQuantities(r.lowerBound),
                      target: statusQuantities(r.target),
                      uncappedTarget: statusQuantities(r.uncappedTarget),
                      upperBound: statusQuantities(r.upperBound),
                    })),
                  },
                }
              : {}),
          },
        }
      : {}),
  };
}

function findObject(world: World, name: string, namespace: string) {
  return vpaState(world).objects[objectKey(namespace, name)];
}

export const verticalPodAutoscalerKind: ResourceKind = {
  kind: 'VerticalPodAutoscaler',
  group: 'autoscaling.k8s.io',
  apiVersions: ['autoscaling.k8s.io/v1'],
  names: ['verticalpodautoscaler', 'verticalpodautoscalers', 'vpa', 'vpas'],
  plural: 'verticalpodautoscalers',
  namespaced: true,
  apply(world, doc) {
    const vpa = vpaFromManifest(doc, Math.floor(world.timeMs / 1000));
    const key = objectKey(vpa.metadata.namespace ?? 'default', vpa.metadata.name);
    const state = vpaState(world);
    const existing = state.objects[key];
    if (!existing) {
      state.objects[key] = {
        vpa,
        machine: initialMachineState(vpa.spec.updatePolicy?.updateMode ?? 'Auto'),
        containers: {},
        lastSampleMs: {},
        explanation: [],
        lastUpdate: { t: world.timeMs / 1000, decisions: [] },
        evictions: 0,
        resizedInPlace: 0,
        chart: [],
      };
      return 'created';
    }
    if (JSON.stringify(existing.vpa.spec) === JSON.stringify(vpa.spec)) return 'unchanged';
    existing.vpa = { ...vpa, metadata: existing.vpa.metadata, ...(existing.vpa.status ? { status: existing.vpa.status } : {}) };
    const mode = vpa.spec.updatePolicy?.updateMode ?? 'Auto';
    if (mode !== existing.machine.context.mode) stepObjectMachine(existing, { type: 'MODE_CHANGED', mode });
    return 'configured';
  },
  list: (world) => vpaObjects(world).map((o) => ({ name: o.vpa.metadata.name, namespace: o.vpa.metadata.namespace ?? 'default' })),
  get(world, items, output) {
    const vpas = items.map((i) => findObject(world, i.name, i.namespace)).filter((o) => o !== undefined).map((o) => o.vpa);
    if (output === 'yaml' || output === 'json') {
      const docs = vpas.map((v) => vpaAsManifest(v, world.startEpochMs));
      const body = docs.length === 1 ? docs[0] : { apiVersion: 'v1', kind: 'List', items: docs };
      return output === 'json' ? JSON.stringify(body, null, 4) : stringify(body).trimEnd();
    }
    return kubectlGetVpa(vpas, { nowSeconds: world.timeMs / 1000 });
  },
  describe(world, name, namespace) {
    const obj = findObject(world, name, namespace);
    if (!obj) return notFound(verticalPodAutoscalerKind, name);
    const now = world.timeMs / 1000;
    const events = eventSeries(world.events.filter((e) => e.kind === 'VerticalPodAutoscaler' && e.name === name)).map(({ event: e, count, firstT, lastT }) => ({
      type: e.type,
      reason: e.reason,
      ageSeconds: now - lastT,
      firstAgeSeconds: now - firstT,
      count,
      from: e.source,
      message: e.message,
    }));
    return kubectlDescribeVpa(obj.vpa, { nowSeconds: now, simEpochMs: world.startEpochMs }, events);
  },
  delete(world, name, namespace) {
    delete vpaState(world).objects[objectKey(namespace, name)];
  },
};

/** `kubectl get krr`: the KRR report over the playground's metric history (read-only, one row per container). */
export const krrReportKind: ResourceKind = {
  kind: 'KrrReport',
  group: '',
  apiVersions: [],
  names: ['krr', 'krr-simple'],
  plural: 'krr',
  namespaced: true,
  list: () => [{ name: 'simple', namespace: 'default' }],
  get: (world) => krrSimpleView(world),
};
