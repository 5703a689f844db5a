import type { Command } from '../../core/commands';
import type { World } from '../../core/types';
import type { ResourceKind } from '../../resources/registry';
import type { CommandResult } from '../../core/commands';
import { convertHpaManifest, kubectlWarningLine } from './convert';
import { kubectlDescribeHpa, kubectlGetHpa, kubectlGetHpaYaml, type HpaView } from './kubectlViews';
import { hpaKey, hpaState, newHpaRecord, type HpaRecord } from './controller';
import './validation';

function view(r: HpaRecord): HpaView {
  return { hpa: r.hpa, createdAtSeconds: r.createdAtSeconds, events: r.events };
}

function clock(world: World) {
  return { nowSeconds: world.timeMs / 1000, epochMs: world.startEpochMs };
}

function find(world: World, name: string, namespace = 'default'): HpaRecord | undefined {
  return hpaState(world).records[hpaKey(namespace, name)];
}

type HpaBounds = Extract<Command, { type: 'setHpaBounds' }>;

/** The HPA sliders (min, max, CPU target), as `kubectl patch hpa` would change them. */
export function patchHpa(world: World, cmd: HpaBounds): CommandResult {
  const r = find(world, cmd.name, cmd.namespace);
  if (!r) return { ok: false, output: `Error from server (NotFound): horizontalpodautoscalers.autoscaling "${cmd.name}" not found` };
  const spec = { ...r.hpa.spec };
  const min = cmd.min ?? spec.minReplicas ?? 1;
  const max = cmd.max ?? spec.maxReplicas;
  if (min < 1 && !(spec.metrics ?? []).some((m) => m.type === 'Object' || m.type === 'External')) {
    return { ok: false, output: `The HorizontalPodAutoscaler "${cmd.name}" is invalid: spec.minReplicas: Invalid value: ${min}: must be greater than or equal to 1` };
  }
  if (max < min) {
    return { ok: false, output: `The HorizontalPodAutoscaler "${cmd.name}" is invalid: spec.maxReplicas: Invalid value: ${max}: must be greater than or equal to \`minReplicas\`` };
  }
  spec.minReplicas = min;
  spec.maxReplicas = max;
  if (cmd.targetCpu !== undefined) {
    const metrics = spec.metrics && spec.metrics.length > 0 ? spec.metrics : [{ type: 'Resource' as const, resource: { name: 'cpu', target: { type: 'Utilization' as const, averageUtilization: cmd.targetCpu } } }];
    spec.metrics = metrics.map((m) =>
      m.type === 'Resource' && m.resource.name === 'cpu' ? { ...m, resource: { ...m.resource, target: { type: 'Utilization' as const, averageUtilization: cmd.targetCpu } } } : m,
    );
  }
  r.hpa = { ...r.hpa, spec };
  return { ok: true, output: `horizontalpodautoscaler.autoscaling/${cmd.name} patched` };
}

export const hpaKind: ResourceKind & { patch: typeof patchHpa } = {
  kind: 'HorizontalPodAutoscaler',
  group: 'autoscaling',
  apiVersions: ['autoscaling/v2', 'autoscaling/v2beta2', 'autoscaling/v2beta1', 'autoscaling/v1'],
  names: ['hpa', 'horizontalpodautoscaler', 'horizontalpodautoscalers'],
  plural: 'horizontalpodautoscalers',
  namespaced: true,
  apply(world, doc) {
    const converted = convertHpaManifest(doc);
    if (!converted.ok) throw new Error(converted.error);
    const hpa = converted.hpa;
    const ns = hpa.metadata.namespace ?? 'default';
    const records = hpaState(world).records;
    const key = hpaKey(ns, hpa.metadata.name);
    const existing = records[key];
    if (!existing) {
      records[key] = newHpaRecord(hpa, world.timeMs / 1000);
      return 'created';
    }
    if (JSON.stringify(existing.hpa.spec) === JSON.stringify(hpa.spec)) return 'unchanged';
    existing.hpa = { ...hpa, status: existing.hpa.status };
    return 'configured';
  },
  warnings(doc) {
    const converted = convertHpaManifest(doc);
    return converted.ok ? converted.warnings.map(kubectlWarningLine) : [];
  },
  list: (world) =>
    Object.values(hpaState(world).records).map((r) => ({ name: r.hpa.metadata.name, namespace: r.hpa.metadata.namespace ?? 'default' })),
  get(world, items, output) {
    const records = items.map((i) => find(world, i.name, i.namespace)!);
    if (output === 'yaml') return records.map((r) => kubectlGetHpaYaml(view(r), clock(world))).join('---\n');
    if (output === 'json') return JSON.stringify(records.map((r) => r.hpa), null, 2);
    return kubectlGetHpa(records.map(view), clock(world));
  },
  describe(world, name, namespace) {
    return kubectlDescribeHpa(view(find(world, name, namespace)!), clock(world));
  },
  delete(world, name, namespace) {
    delete hpaState(world).records[hpaKey(namespace, name)];
  },
  patch: patchHpa,
};
