/**
 * `kubectl get hpa`, `kubectl describe hpa` and `kubectl get hpa -o yaml`, laid out as kubectl
 * 1.30+ prints them (printers.go formatHPAMetrics, describe.go describeHorizontalPodAutoscalerV2).
 */
import { stringify } from 'yaml';
import { apiServerDefaults } from './defaults';
import { HPA_EVENT_SOURCE, type HpaEventRecord } from './eventLog';
import {
  DEFAULT_SIM_EPOCH_MS,
  KUBECTL_DESCRIBE_TABWRITER,
  KUBECTL_GET_TABWRITER,
  goTabwriter,
  humanDuration,
  rfc1123z,
  rfc3339,
} from './kubectlFormat';
import { canonicalQuantity } from './quantity';
import type { HPAScalingRules, HorizontalPodAutoscaler, MetricSpec, MetricStatus, MetricValueStatus } from './types';
import { pushAll } from '../../core/arrays';
import { describeEventAge } from '../../views/events';

export interface HpaView {
  /** The HPA with its status. */
  hpa: HorizontalPodAutoscaler;
  /** Sim seconds when it was created. */
  createdAtSeconds: number;
  events?: readonly HpaEventRecord[];
}

export interface ViewClock {
  nowSeconds: number;
  /** Wall-clock ms of sim time zero, for printed timestamps. */
  epochMs?: number;
}

const UNKNOWN = '<unknown>';
const qty = (s: string | undefined): string => (s === undefined ? UNKNOWN : canonicalQuantity(s));

function statusFor(statuses: readonly MetricStatus[] | undefined, i: number): MetricStatus | undefined {
  return statuses && statuses.length > i ? statuses[i] : undefined;
}

function currentOf(status: MetricStatus | undefined, type: MetricSpec['type']): MetricValueStatus | undefined {
  if (!status || status.type !== type) return undefined;
  switch (status.type) {
    case 'Resource':
      return status.resource.current;
    case 'ContainerResource':
      return status.containerResource.current;
    case 'Pods':
      return status.pods.current;
    case 'Object':
      return status.object.current;
    case 'External':
      return status.external.current;
    default:
      return undefined;
  }
}

/** The TARGETS column: at most two metrics, then "+ N more...". */
export function formatHpaTargets(specs: readonly MetricSpec[] | undefined, statuses: readonly MetricStatus[] | undefined): string {
  if (!specs || specs.length === 0) return '<none>';
  const list = specs.map((spec, i) => {
    const current = currentOf(statusFor(statuses, i), spec.type);
    switch (spec.type) {
      case 'External':
      case 'Object': {
        const target = spec.type === 'External' ? spec.external.target : spec.object.target;
        if (target.averageValue !== undefined) return `${current?.averageValue ?? UNKNOWN}/${qty(target.averageValue)} (avg)`;
        return `${current ? (current.value ?? '0') : UNKNOWN}/${qty(target.value)}`;
      }
      case 'Pods':
        return `${current ? (current.averageValue ?? '0') : UNKNOWN}/${qty(spec.pods.target.averageValue)}`;
      case 'Resource':
      case 'ContainerResource': {
        const source = spec.type === 'Resource' ? spec.resource : spec.containerResource;
        if (source.target.averageValue !== undefined) {
          return `${source.name}: ${current ? (current.averageValue ?? '0') : UNKNOWN}/${qty(source.target.averageValue)}`;
        }
        const now = current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : UNKNOWN;
        const target = source.target.averageUtilization !== undefined ? `${source.target.averageUtilization}%` : '<auto>';
        return `${source.name}: ${now}/${target}`;
      }
      default:
        return '<unknown type>';
    }
  });
  const shown = list.slice(0, 2).join(', ');
  return list.length > 2 ? `${shown} + ${list.length - 2} more...` : shown;
}

/** `kubectl get hpa` for one or more HPAs. */
export function kubectlGetHpa(views: readonly HpaView[], clock: ViewClock): string {
  if (views.length === 0) return 'No resources found in default namespace.\n';
  const rows = ['NAME\tREFERENCE\tTARGETS\tMINPODS\tMAXPODS\tREPLICAS\tAGE'];
  for (const { hpa, createdAtSeconds } of views) {
    const spec = apiServerDefaults(hpa).spec;
    rows.push(
      [
        hpa.metadata.name,
        `${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}`,
        formatHpaTargets(spec.metrics, hpa.status?.currentMetrics),
        spec.minReplicas === undefined ? '<unset>' : String(spec.minReplicas),
        String(spec.maxReplicas),
        String(hpa.status?.currentReplicas ?? 0),
        humanDuration(clock.nowSeconds - createdAtSeconds),
      ].join('\t'),
    );
  }
  return goTabwriter(rows.join('\n') + '\n', KUBECTL_GET_TABWRITER);
}

function mapLines(title: string, map: Record<string, string> | undefined, skip: string[] = []): string[] {
  const keys = Object.keys(map ?? {})
    .filter((k) => !skip.includes(k))
    .sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${map?.[k]}`);
}

function describeMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  const current = currentOf(status, spec.type);
  switch (spec.type) {
    case 'External': {
      const t = spec.external.target;
      if (t.averageValue !== undefined) return `  "${spec.external.metric.name}" (target average value):\t${current?.averageValue ?? UNKNOWN} / ${qty(t.averageValue)}`;
      return `  "${spec.external.metric.name}" (target value):\t${current ? (current.value ?? '0') : UNKNOWN} / ${qty(t.value)}`;
    }
    case 'Pods':
      return `  "${spec.pods.metric.name}" on pods:\t${current ? (current.averageValue ?? '0') : UNKNOWN} / ${qty(spec.pods.target.averageValue)}`;
    case 'Object': {
      const o = spec.object;
      const head = `  "${o.metric.name}" on ${o.describedObject.kind}/${o.describedObject.name} `;
      if (o.target.type === 'AverageValue') return `${head}(target average value):\t${current ? (current.averageValue ?? '0') : UNKNOWN} / ${qty(o.target.averageValue)}`;
      return `${head}(target value):\t${current ? (current.value ?? '0') : UNKNOWN} / ${qty(o.target.value)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const source = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const head =
        spec.type === 'Resource'
          ? `  resource ${source.name} on pods`
          : `  resource ${source.name} of container "${spec.containerResource.container}" on pods`;
      if (source.target.averageValue !== undefined) {
        return `${head}:\t${current ? (current.averageValue ?? '0') : UNKNOWN} / ${qty(source.target.averageValue)}`;
      }
      const now = current?.averageUtilization !== undefined ? `${current.averageUtilization}% (${current.averageValue ?? '0'})` : UNKNOWN;
      const target = source.target.averageUtilization !== undefined ? `${source.target.averageUtilization}%` : '<auto>';
      return `${head}  (as a percentage of request):\t${now} / ${target}`;
    }
    default:
      return `  <unknown metric type "${(spec as { type: string }).type}">`;
  }
}

function describeRules(direction: string, rules: HPAScalingRules | undefined): string[] {
  if (!rules) return [];
  const lines = [`  ${direction}:`];
  if (rules.stabilizationWindowSeconds !== undefined) lines.push(`    Stabilization Window: ${rules.stabilizationWindowSeconds} seconds`);
  if (rules.policies && rules.policies.length > 0) {
    lines.push(`    Select Policy: ${rules.selectPolicy ?? 'Max'}`, '    Policies:');
    for (const p of rules.policies) lines.push(`      - Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds`);
  }
  return lines;
}

function describeEvents(events: readonly HpaEventRecord[], nowSeconds: number): string {
  const sorted = [...events].sort((a, b) => a.lastTimestamp - b.lastTimestamp);
  const rows = ['Events:', '  Type\tReason\tAge\tFrom\tMessage', '  ----\t------\t----\t----\t-------'];
  for (const e of sorted) {
    const age = describeEventAge(nowSeconds - e.lastTimestamp, e.count, nowSeconds - e.firstTimestamp);
    rows.push(`  ${e.type}\t${e.reason}\t${age}\t${HPA_EVENT_SOURCE}\t${e.message.trim()}`);
  }
  return rows.join('\n') + '\n';
}

/** `kubectl describe hpa NAME`. */
export function kubectlDescribeHpa(view: HpaView, clock: ViewClock): string {
  const hpa = apiServerDefaults(view.hpa);
  const { spec, metadata } = hpa;
  const status = view.hpa.status;
  const lines = [
    `Name:\t${metadata.name}`,
    `Namespace:\t${metadata.namespace ?? 'default'}`,
    ...mapLines('Labels', metadata.labels),
    ...mapLines('Annotations', metadata.annotations, ['kubectl.kubernetes.io/last-applied-configuration']),
    `CreationTimestamp:\t${rfc1123z(view.createdAtSeconds, clock.epochMs)}`,
    `Reference:\t${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}`,
    'Metrics:\t( current / target )',
    ...(spec.metrics ?? []).map((m, i) => describeMetric(m, statusFor(status?.currentMetrics, i))),
    `Min replicas:\t${spec.minReplicas ?? '<unset>'}`,
    `Max replicas:\t${spec.maxReplicas}`,
  ];
  if (spec.behavior) {
    pushAll(lines, ['Behavior:'], describeRules('Scale Up', spec.behavior.scaleUp), describeRules('Scale Down', spec.behavior.scaleDown));
  }
  lines.push(`${spec.scaleTargetRef.kind} pods:\t${status?.currentReplicas ?? 0} current / ${status?.desiredReplicas ?? 0} desired`);
  const conditions = status?.conditions ?? [];
  if (conditions.length > 0) {
    lines.push('Conditions:', '  Type\tStatus\tReason\tMessage', '  ----\t------\t------\t-------');
    for (const c of conditions) lines.push(`  ${c.type}\t${c.status}\t${c.reason}\t${c.message}`);
  }
  // With no events the "Events:\t<none>" line joins the block above (it aligns with the
  // conditions table); otherwise DescribeEvents flushes first and the table aligns on its own.
  if (!view.events || view.events.length === 0) {
    lines.push('Events:\t<none>');
    return goTabwriter(lines.join('\n') + '\n', KUBECTL_DESCRIBE_TABWRITER);
  }
  return goTabwriter(lines.join('\n') + '\n', KUBECTL_DESCRIBE_TABWRITER) + goTabwriter(describeEvents(view.events, clock.nowSeconds), KUBECTL_DESCRIBE_TABWRITER);
}

/** Keys sorted at every level, as kubectl's JSON-to-YAML path prints them. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The object as the API returns it: defaults applied, times as RFC 3339 strings. */
export function hpaApiObject(view: HpaView, clock: Pick<ViewClock, 'epochMs'> = {}): Record<string, unknown> {
  const epoch = clock.epochMs ?? DEFAULT_SIM_EPOCH_MS;
  const hpa = apiServerDefaults(view.hpa);
  const status = view.hpa.status;
  const obj: Record<string, unknown> = {
    apiVersion: hpa.apiVersion,
    kind: hpa.kind,
    metadata: { ...hpa.metadata, namespace: hpa.metadata.namespace ?? 'default', creationTimestamp: rfc3339(view.createdAtSeconds, epoch) },
    spec: hpa.spec,
  };
  if (status) {
    obj.status = {
      conditions: status.conditions?.map((c) => ({ ...c, lastTransitionTime: rfc3339(c.lastTransitionTime, epoch) })),
      currentMetrics: status.currentMetrics,
      // omitempty upstream for currentReplicas, not for desiredReplicas
      currentReplicas: status.currentReplicas || undefined,
      desiredReplicas: status.desiredReplicas,
      lastScaleTime: status.lastScaleTime === undefined ? undefined : rfc3339(status.lastScaleTime, epoch),
    };
  }
  return sortKeys(obj) as Record<string, unknown>;
}

/** `kubectl get hpa NAME -o yaml`. */
export function kubectlGetHpaYaml(view: HpaView, clock: Pick<ViewClock, 'epochMs'> = {}): string {
  const text = stringify(hpaApiObject(view, clock), { indentSeq: false, lineWidth: 0 });
  // go-yaml quotes strings that would read back as timestamps; kubectl output shows them quoted.
  return text.replace(/: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)$/gm, ': "$1"');
}
