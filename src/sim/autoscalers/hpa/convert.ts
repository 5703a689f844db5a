/**
 * Older HPA manifests (autoscaling/v1, v2beta1, v2beta2) converted to autoscaling/v2 the way the
 * API server stores them, with the deprecation warning kubectl prints on apply; and the object
 * `kubectl autoscale` creates.
 */
import { canonicalQuantity } from './quantity';
import type {
  CrossVersionObjectReference,
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerBehavior,
  MetricIdentifier,
  MetricSpec,
  MetricTarget,
  ObjectMeta,
} from './types';

export type HpaApiVersion = 'autoscaling/v1' | 'autoscaling/v2beta1' | 'autoscaling/v2beta2' | 'autoscaling/v2';

/** Server warnings (without kubectl's "Warning: " prefix), from the API deprecation annotations. */
export const HPA_DEPRECATION_WARNINGS: Partial<Record<HpaApiVersion, string>> = {
  'autoscaling/v2beta1':
    'autoscaling/v2beta1 HorizontalPodAutoscaler is deprecated in v1.22+, unavailable in v1.25+; use autoscaling/v2 HorizontalPodAutoscaler',
  'autoscaling/v2beta2':
    'autoscaling/v2beta2 HorizontalPodAutoscaler is deprecated in v1.23+, unavailable in v1.26+; use autoscaling/v2 HorizontalPodAutoscaler',
};

/** How kubectl shows a server warning on stderr. */
export function kubectlWarningLine(warning: string): string {
  return `Warning: ${warning}`;
}

export type ConvertResult = { ok: true; hpa: HorizontalPodAutoscaler; apiVersion: HpaApiVersion; warnings: string[] } | { ok: false; error: string };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function metadataOf(doc: Json): ObjectMeta {
  const meta = isObject(doc.metadata) ? doc.metadata : {};
  const out: ObjectMeta = { name: typeof meta.name === 'string' ? meta.name : '' };
  if (typeof meta.namespace === 'string') out.namespace = meta.namespace;
  if (isObject(meta.labels)) out.labels = { ...(meta.labels as Record<string, string>) };
  if (isObject(meta.annotations)) out.annotations = { ...(meta.annotations as Record<string, string>) };
  return out;
}

function quantityField(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? canonicalQuantity(v) : undefined;
}

function targetOf(raw: Json): MetricTarget {
  const target: MetricTarget = { type: (raw.type as MetricTarget['type']) ?? 'Utilization' };
  if (typeof raw.averageUtilization === 'number') target.averageUtilization = raw.averageUtilization;
  const averageValue = quantityField(raw.averageValue);
  if (averageValue !== undefined) target.averageValue = averageValue;
  const value = quantityField(raw.value);
  if (value !== undefined) target.value = value;
  return target;
}

/** v2 and v2beta2 share one metric layout; quantities are re-printed canonically. */
function metricV2(raw: Json): MetricSpec {
  const type = raw.type as MetricSpec['type'];
  const section = (key: string): Json => (isObject(raw[key]) ? raw[key] : {});
  switch (type) {
    case 'Resource': {
      const r = section('resource');
      return { type, resource: { name: String(r.name), target: targetOf(isObject(r.target) ? r.target : {}) } };
    }
    case 'ContainerResource': {
      const r = section('containerResource');
      return { type, containerResource: { name: String(r.name), container: String(r.container), target: targetOf(isObject(r.target) ? r.target : {}) } };
    }
    case 'Pods': {
      const r = section('pods');
      return { type, pods: { metric: r.metric as MetricIdentifier, target: targetOf(isObject(r.target) ? r.target : {}) } };
    }
    case 'Object': {
      const r = section('object');
      return {
        type,
        object: {
          describedObject: r.describedObject as CrossVersionObjectReference,
          metric: r.metric as MetricIdentifier,
          target: targetOf(isObject(r.target) ? r.target : {}),
        },
      };
    }
    default: {
      const r = section('external');
      return { type: 'External', external: { metric: r.metric as MetricIdentifier, target: targetOf(isObject(r.target) ? r.target : {}) } };
    }
  }
}

/** v2beta1 spelled targets as targetAverageUtilization / targetAverageValue / targetValue. */
function metricV2beta1(raw: Json): MetricSpec {
  const type = raw.type as MetricSpec['type'];
  const section = (key: string): Json => (isObject(raw[key]) ? raw[key] : {});
  const avg = (r: Json): MetricTarget =>
    typeof r.targetAverageUtilization === 'number'
      ? { type: 'Utilization', averageUtilization: r.targetAverageUtilization }
      : { type: 'AverageValue', averageValue: quantityField(r.targetAverageValue) };
  const selector = (r: Json) => (isObject(r.selector) ? { selector: r.selector } : isObject(r.metricSelector) ? { selector: r.metricSelector } : {});
  switch (type) {
    case 'Resource': {
      const r = section('resource');
      return { type, resource: { name: String(r.name), target: avg(r) } };
    }
    case 'ContainerResource': {
      const r = section('containerResource');
      return { type, containerResource: { name: String(r.name), container: String(r.container), target: avg(r) } };
    }
    case 'Pods': {
      const r = section('pods');
      return { type, pods: { metric: { name: String(r.metricName), ...selector(r) }, target: { type: 'AverageValue', averageValue: quantityField(r.targetAverageValue) } } };
    }
    case 'Object': {
      const r = section('object');
      const target: MetricTarget =
        r.averageValue !== undefined ? { type: 'AverageValue', averageValue: quantityField(r.averageValue) } : { type: 'Value', value: quantityField(r.targetValue) };
      return { type, object: { describedObject: r.target as CrossVersionObjectReference, metric: { name: String(r.metricName), ...selector(r) }, target } };
    }
    default: {
      const r = section('external');
      const target: MetricTarget =
        r.targetAverageValue !== undefined
          ? { type: 'AverageValue', averageValue: quantityField(r.targetAverageValue) }
          : { type: 'Value', value: quantityField(r.targetValue) };
      return { type: 'External', external: { metric: { name: String(r.metricName), ...selector(r) }, target } };
    }
  }
}

/** Converts a parsed HPA manifest of any served or formerly served version to autoscaling/v2. */
export function convertHpaManifest(doc: unknown): ConvertResult {
  if (!isObject(doc)) return { ok: false, error: 'not an object' };
  if (doc.kind !== 'HorizontalPodAutoscaler') return { ok: false, error: `kind "${String(doc.kind)}" is not HorizontalPodAutoscaler` };
  const apiVersion = doc.apiVersion as HpaApiVersion;
  if (!['autoscaling/v1', 'autoscaling/v2beta1', 'autoscaling/v2beta2', 'autoscaling/v2'].includes(apiVersion)) {
    return { ok: false, error: `no matches for kind "HorizontalPodAutoscaler" in version "${String(doc.apiVersion)}"` };
  }
  const spec = isObject(doc.spec) ? doc.spec : {};
  const hpa: HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadataOf(doc),
    spec: {
      scaleTargetRef: { ...(spec.scaleTargetRef as CrossVersionObjectReference) },
      maxReplicas: Number(spec.maxReplicas),
    },
  };
  if (typeof spec.minReplicas === 'number') hpa.spec.minReplicas = spec.minReplicas;
  const rawMetrics = Array.isArray(spec.metrics) ? (spec.metrics as unknown[]).filter(isObject) : [];
  if (apiVersion === 'autoscaling/v1') {
    if (typeof spec.targetCPUUtilizationPercentage === 'number') {
      hpa.spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }];
    }
  } else if (apiVersion === 'autoscaling/v2beta1') {
    if (rawMetrics.length) hpa.spec.metrics = rawMetrics.map(metricV2beta1);
  } else if (rawMetrics.length) {
    hpa.spec.metrics = rawMetrics.map(metricV2);
  }
  if (apiVersion !== 'autoscaling/v1' && isObject(spec.behavior)) {
    hpa.spec.behavior = JSON.parse(JSON.stringify(spec.behavior)) as HorizontalPodAutoscalerBehavior;
  }
  const warning = HPA_DEPRECATION_WARNINGS[apiVersion];
  return { ok: true, hpa, apiVersion, warnings: warning ? [warning] : [] };
}

const AUTOSCALE_TARGETS: Record<string, { apiVersion: string; kind: string }> = {
  deployment: { apiVersion: 'apps/v1', kind: 'Deployment' },
  deployments: { apiVersion: 'apps/v1', kind: 'Deployment' },
  deploy: { apiVersion: 'apps/v1', kind: 'Deployment' },
  replicaset: { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  replicasets: { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  rs: { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  statefulset: { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  statefulsets: { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  sts: { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  replicationcontroller: { apiVersion: 'v1', kind: 'ReplicationController' },
  rc: { apiVersion: 'v1', kind: 'ReplicationController' },
};

export interface KubectlAutoscaleArgs {
  /** As typed: "deployment", "deploy", "rs", … */
  kind: string;
  name: string;
  /** --cpu-percent (deprecated in kubectl 1.34 in favour of --cpu). */
  cpuPercent?: number;
  /** --cpu: "70%" (utilization) or a quantity ("500m"; a bare number means millicores). */
  cpu?: string;
  /** --memory: "80%" or a quantity ("512Mi"). */
  memory?: string;
  min?: number;
  max: number;
  /** --name; defaults to the target's name. */
  hpaName?: string;
  namespace?: string;
}

export type KubectlAutoscaleResult =
  | { ok: true; hpa: HorizontalPodAutoscaler; output: string; flagWarnings: string[] }
  | { ok: false; error: string };

const CPU_PERCENT_DEPRECATION =
  "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).";

function resourceMetric(resource: string, flag: string, defaultUnit: string): MetricSpec {
  const trimmed = flag.trim();
  if (trimmed.endsWith('%')) {
    return { type: 'Resource', resource: { name: resource, target: { type: 'Utilization', averageUtilization: Number(trimmed.slice(0, -1)) } } };
  }
  const quantity = /^\d+$/.test(trimmed) ? `${trimmed}${defaultUnit}` : trimmed;
  return { type: 'Resource', resource: { name: resource, target: { type: 'AverageValue', averageValue: canonicalQuantity(quantity) } } };
}

/**
 * The HPA `kubectl autoscale deployment X --cpu-percent=50 --min=1 --max=10` creates: named after
 * the target, minReplicas only when --min is given (the server then defaults it to 1), and no
 * metrics when no target flag is given (the server then defaults to 80% CPU).
 */
export function hpaFromKubectlAutoscale(args: KubectlAutoscaleArgs): KubectlAutoscaleResult {
  const target = AUTOSCALE_TARGETS[args.kind.toLowerCase()];
  if (!target) return { ok: false, error: `cannot autoscale a ${args.kind}` };
  if (!(args.max >= 1)) return { ok: false, error: `--max=MAXPODS is required and must be at least 1, max: ${args.max}` };
  if (args.min !== undefined && args.min > args.max) {
    return { ok: false, error: `--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${args.max}, min: ${args.min}` };
  }
  const name = args.hpaName ?? args.name;
  const hpa: HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace: args.namespace ?? 'default' },
    spec: { scaleTargetRef: { apiVersion: target.apiVersion, kind: target.kind, name: args.name }, maxReplicas: args.max },
  };
  if (args.min !== undefined && args.min >= 0) hpa.spec.minReplicas = args.min;
  const metrics: MetricSpec[] = [];
  const flagWarnings: string[] = [];
  if (args.cpu !== undefined) metrics.push(resourceMetric('cpu', args.cpu, 'm'));
  else if (args.cpuPercent !== undefined && args.cpuPercent >= 0) {
    flagWarnings.push(CPU_PERCENT_DEPRECATION);
    metrics.push(resourceMetric('cpu', `${args.cpuPercent}%`, 'm'));
  }
  if (args.memory !== undefined) metrics.push(resourceMetric('memory', args.memory, ''));
  if (metrics.length) hpa.spec.metrics = metrics;
  return { ok: true, hpa, output: `horizontalpodautoscaler.autoscaling/${name} autoscaled`, flagWarnings };
}
