/**
 * What the API server and KEDA refuse in a keda.sh/v1alpha1 ScaledObject or TriggerAuthentication,
 * as field issues the scenario loader locates (FILE:LINE:COL) and `kubectl apply` prints.
 *
 * Three layers, in the order a real cluster applies them:
 * 1. the CRD's OpenAPI schema (apis/keda/v1alpha1/scaledobject_types.go kubebuilder markers):
 *    types, minimums (pollingInterval ≥ 1, counts ≥ 0, maxReplicaCount ≥ 1), triggers MinItems=1,
 *    scaleTargetRef.name MinLength=1, metadata map[string]string, the min ≤ max CEL rule, enums;
 * 2. KEDA's validating webhook (apis/keda/v1alpha1/scaledobject_webhook.go: verifyReplicaCount,
 *    verifyFallback, verifyTriggers, verifyName);
 * 3. the scalers' metadata parsing (pkg/scalers/*_scaler.go, pkg/scaling/scalers_builder.go): a real
 *    cluster admits such an object and leaves it Ready=False; the playground refuses it at the door,
 *    with the scaler's own words, because a run that can never scale teaches nothing.
 */
import type { ManifestDoc } from '../../core/commands';
import { CAPACITY } from '../../core/limits';
import { registerManifestValidator, type ManifestIssue } from '../../resources/manifestValidators';
import { pushAll } from '../../core/arrays';
import { parseCronTrigger } from './cron';
import { scalingModifiersIssues } from './scalingModifiers';
import { replicaBoundsError } from './types';
import { msg } from '../../core/message';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const INT32_MAX = 2_147_483_647;
const MAX_LABEL_VALUE = 63;
export const WEBHOOK_DENIED = 'admission webhook "vscaledobject.kb.io" denied the request: ';

/** Every scaler type KEDA builds (pkg/scaling/scalers_builder.go buildScaler); others: "no scaler found". */
export const KEDA_SCALER_TYPES: readonly string[] = [
  'activemq', 'apache-kafka', 'arangodb', 'artemis-queue', 'aws-cloudwatch', 'aws-dynamodb', 'aws-dynamodb-streams', 'aws-kinesis-stream',
  'aws-sqs-queue', 'azure-app-insights', 'azure-blob', 'azure-data-explorer', 'azure-eventhub', 'azure-log-analytics', 'azure-monitor',
  'azure-pipelines', 'azure-queue', 'azure-servicebus', 'beanstalkd', 'cassandra', 'clickhouse', 'couchdb', 'cpu', 'cron', 'datadog', 'dynatrace',
  'elastic-forecast', 'elasticsearch', 'etcd', 'external', 'external-mock', 'external-push', 'forgejo-runner', 'gcp-cloudtasks', 'gcp-pubsub',
  'gcp-spanner', 'gcp-stackdriver', 'gcp-storage', 'github-runner', 'graphite', 'huawei-cloudeye', 'ibmmq', 'influxdb', 'kafka',
  'kubernetes-resource', 'kubernetes-workload', 'liiklus', 'loki', 'memory', 'metrics-api', 'mongodb', 'mssql', 'mysql', 'nats-jetstream',
  'new-relic', 'nsq', 'opensearch', 'openstack-metric', 'openstack-swift', 'postgresql', 'predictkube', 'prometheus', 'pulsar', 'rabbitmq',
  'redis', 'redis-cluster', 'redis-cluster-streams', 'redis-sentinel', 'redis-sentinel-streams', 'redis-streams', 'selenium-grid',
  'solace-direct-messaging', 'solace-event-queue', 'solarwinds', 'solr', 'splunk', 'splunk-observability', 'sumologic', 'temporal',
];
/** The scalers the engine reads (src/sim/autoscalers/keda/scalers.ts). */
export const SIMULATED_SCALERS: readonly string[] = ['cron', 'aws-sqs-queue', 'rabbitmq', 'prometheus', 'cpu', 'memory'];

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** The apiextensions wording: `Invalid value: "string": spec.x in body must be of type integer: "string"`. */
const wrongType = (path: string, v: unknown, want: string): ManifestIssue => ({
  path,
  message: `Invalid value: "${typeName(v)}": ${path} in body must be of type ${want}: "${typeName(v)}"`,
});

function intField(issues: ManifestIssue[], spec: Record<string, unknown>, field: string, minimum: number): number | undefined {
  const v = spec[field];
  const path = `spec.${field}`;
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    issues.push(wrongType(path, v, 'integer'));
    return undefined;
  }
  if (v < minimum) {
    issues.push({ path, message: `Invalid value: ${v}: ${path} in body should be greater than or equal to ${minimum}` });
    return undefined;
  }
  if (v > INT32_MAX) {
    issues.push({ path, message: `Invalid value: ${v}: ${path} in body should be less than or equal to ${INT32_MAX}` });
    return undefined;
  }
  return v;
}

/** KEDA's typed-config parse of a number (json.Unmarshal into int64/float64). */
function numberParam(type: string, md: Record<string, string>, name: string, kind: 'int64' | 'float64', required: boolean): ManifestIssue | null {
  const v = md[name];
  const path = v === undefined ? 'metadata' : `metadata.${name}`;
  if (v === undefined || v === '') {
    return required ? { path, message: `error parsing ${type} metadata: missing required parameter "${name}" in [triggerMetadata]` } : null;
  }
  const ok = kind === 'int64' ? /^-?\d+$/.test(v.trim()) : v.trim() !== '' && Number.isFinite(Number(v));
  if (ok) return null;
  return { path, message: `error parsing ${type} metadata: unable to set param "${name}" value "${v}": unable to unmarshal to field type ${kind}` };
}

/** Which metadata key a cron error is about, so the error points at that line. */
function cronField(error: string, md: Record<string, string>): string {
  for (const key of ['timezone', 'start', 'end', 'desiredReplicas']) {
    if (error.includes(key) || (key === 'start' && error.startsWith('start and end'))) return md[key] === undefined ? 'metadata' : `metadata.${key}`;
  }
  return 'metadata';
}

/** Scaler metadata the engine reads, parsed as the scaler would. */
function scalerIssues(type: string, md: Record<string, string>, metricType: unknown): ManifestIssue[] {
  const out: (ManifestIssue | null)[] = [];
  switch (type) {
    case 'cron': {
      const r = parseCronTrigger(md);
      if (!r.ok) out.push({ path: cronField(r.error, md), message: `error parsing cron metadata: ${r.error}` });
      break;
    }
    case 'aws-sqs-queue':
      out.push(numberParam(type, md, 'queueLength', 'int64', false), numberParam(type, md, 'activationQueueLength', 'int64', false));
      if (!md.queueURL && !md.queueURLFromEnv) out.push({ path: 'metadata', message: 'error parsing aws-sqs-queue metadata: missing required parameter "queueURL" in [triggerMetadata resolvedEnv]' });
      break;
    case 'rabbitmq':
      out.push(numberParam(type, md, 'queueLength', 'float64', false), numberParam(type, md, 'value', 'float64', false), numberParam(type, md, 'activationValue', 'float64', false));
      if (!md.queueName) out.push({ path: 'metadata', message: 'error parsing rabbitmq metadata: missing required parameter "queueName" in [triggerMetadata]' });
      break;
    case 'prometheus':
      out.push(numberParam(type, md, 'threshold', 'float64', true), numberParam(type, md, 'activationThreshold', 'float64', false));
      if (!md.query) out.push({ path: 'metadata', message: 'error parsing prometheus metadata: missing required parameter "query" in [triggerMetadata]' });
      break;
    case 'cpu':
    case 'memory': {
      const v = md.value;
      if (v === undefined || v === '') {
        out.push({ path: 'metadata', message: `error parsing ${type} metadata: missing required parameter "value" in [triggerMetadata]` });
      } else if ((metricType ?? 'Utilization') === 'Utilization' && !/^\d+$/.test(v.trim())) {
        // parseUtilization: strconv.ParseInt of the value, as a whole percent.
        out.push({ path: 'metadata.value', message: `error parsing ${type} metadata: strconv.ParseInt: parsing "${v}": invalid syntax` });
      }
      break;
    }
  }
  return out.filter((i): i is ManifestIssue => i !== null);
}

function triggerIssues(issues: ManifestIssue[], triggers: unknown[]): void {
  const names = new Set<string>();
  triggers.forEach((raw, i) => {
    const at = `spec.triggers[${i}]`;
    if (!isObject(raw)) return issues.push(wrongType(at, raw, 'object'));
    const type = raw.type;
    if (typeof type !== 'string' || type === '') return issues.push({ path: `${at}.type`, message: 'Required value' });
    if (raw.metricType !== undefined && !['AverageValue', 'Value', 'Utilization'].includes(raw.metricType as string)) {
      issues.push({ path: `${at}.metricType`, message: `Unsupported value: ${JSON.stringify(raw.metricType)}: supported values: "AverageValue", "Value", "Utilization"` });
    }
    const md: Record<string, string> = {};
    if (raw.metadata !== undefined && !isObject(raw.metadata)) issues.push(wrongType(`${at}.metadata`, raw.metadata, 'object'));
    else {
      for (const [k, v] of Object.entries(raw.metadata ?? {})) {
        // The CRD declares metadata as map[string]string: `desiredReplicas: 1` is refused, "1" is not.
        if (typeof v !== 'string') issues.push(wrongType(`${at}.metadata.${k}`, v, 'string'));
        else md[k] = v;
      }
    }
    if (raw.useCachedMetrics === true && (type === 'cpu' || type === 'memory' || type === 'cron')) {
      issues.push({ path: `${at}.useCachedMetrics`, message: `${WEBHOOK_DENIED}property "useCachedMetrics" is not supported for "${type}" scaler` });
    }
    if (typeof raw.name === 'string' && raw.name !== '') {
      if (names.has(raw.name)) issues.push({ path: `${at}.name`, message: `${WEBHOOK_DENIED}triggerName "${raw.name}" is defined multiple times in the ScaledObject/ScaledJob, but it must be unique` });
      names.add(raw.name);
    }
    if (!KEDA_SCALER_TYPES.includes(type)) return issues.push({ path: `${at}.type`, message: `no scaler found for type: ${type}` });
    if (!SIMULATED_SCALERS.includes(type)) {
      const simulated = SIMULATED_SCALERS.join(', ');
      return issues.push({ path: `${at}.type`, message: `scaler ${type} is not simulated: the playground simulates ${simulated}`, severity: 'notice', msg: msg('engine.notice.kedaScaler', { type, simulated }) });
    }
    for (const issue of scalerIssues(type, md, raw.metricType)) issues.push({ ...issue, path: `${at}.${issue.path as string}` });
  });
}

export function validateScaledObject(doc: ManifestDoc): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const meta = isObject(doc.metadata) ? doc.metadata : {};
  const spec = doc.spec;
  if (!isObject(spec)) return [spec === undefined ? { path: 'spec', message: 'Required value' } : wrongType('spec', spec, 'object')];
  const ref = spec.scaleTargetRef;
  if (!isObject(ref)) issues.push({ path: 'spec.scaleTargetRef', message: 'Required value' });
  else if (typeof ref.name !== 'string' || ref.name === '') {
    issues.push(ref.name === undefined || ref.name === '' ? { path: 'spec.scaleTargetRef.name', message: 'Required value' } : wrongType('spec.scaleTargetRef.name', ref.name, 'string'));
  }
  intField(issues, spec, 'pollingInterval', 1);
  intField(issues, spec, 'cooldownPeriod', 0);
  intField(issues, spec, 'initialCooldownPeriod', 0);
  const idle = intField(issues, spec, 'idleReplicaCount', 0);
  const min = intField(issues, spec, 'minReplicaCount', 0);
  const max = intField(issues, spec, 'maxReplicaCount', 1);
  const schemaErrors = issues.length;
  if (min !== undefined && min > (max ?? 100)) {
    // The CRD's x-kubernetes-validations rule, checked by the API server before the webhook sees it.
    issues.push({ path: 'spec.minReplicaCount', message: `Invalid value: ${min}: minReplicaCount must be less than or equal to maxReplicaCount` });
  } else if (max !== undefined && max > CAPACITY.pods) {
    issues.push({ path: 'spec.maxReplicaCount', message: `Invalid value: ${max}: more replicas than the playground simulates (at most ${CAPACITY.pods.toLocaleString('en-US')} pods)`, msg: msg('engine.kedaIssue.tooManyReplicas', { value: String(max), max: CAPACITY.pods.toLocaleString('en-US') }) });
  } else if (schemaErrors === 0) {
    const bounds = replicaBoundsError({ minReplicaCount: min, maxReplicaCount: max, idleReplicaCount: idle });
    if (bounds) issues.push({ path: idle !== undefined && bounds.startsWith('Idle') ? 'spec.idleReplicaCount' : 'spec.minReplicaCount', message: `${WEBHOOK_DENIED}${bounds}` });
  }
  const triggers = spec.triggers;
  if (triggers === undefined) issues.push({ path: 'spec.triggers', message: 'Required value' });
  else if (!Array.isArray(triggers)) issues.push(wrongType('spec.triggers', triggers, 'array'));
  else if (triggers.length === 0) issues.push({ path: 'spec.triggers', message: 'Invalid value: 0: spec.triggers in body should have at least 1 items' });
  else triggerIssues(issues, triggers);

  const fb = spec.fallback;
  if (fb !== undefined) {
    if (!isObject(fb)) issues.push(wrongType('spec.fallback', fb, 'object'));
    else {
      for (const f of ['failureThreshold', 'replicas'] as const) {
        if (fb[f] === undefined) issues.push({ path: `spec.fallback.${f}`, message: 'Required value' });
        else if (typeof fb[f] !== 'number' || !Number.isInteger(fb[f])) issues.push(wrongType(`spec.fallback.${f}`, fb[f], 'integer'));
        else if (fb[f] < 0) issues.push({ path: `spec.fallback.${f}`, message: `Invalid value: ${fb[f]}: spec.fallback.${f} in body should be greater than or equal to 0` });
      }
      const behaviors = ['static', 'currentReplicas', 'currentReplicasIfHigher', 'currentReplicasIfLower', 'scalingModifiers'];
      if (fb.behavior !== undefined && !behaviors.includes(fb.behavior as string)) {
        issues.push({ path: 'spec.fallback.behavior', message: `Unsupported value: ${JSON.stringify(fb.behavior)}: supported values: ${behaviors.map((b) => `"${b}"`).join(', ')}` });
      }
      // verifyFallback: without scaling modifiers, some trigger must not be cpu/memory.
      const usesModifiers = isObject(spec.advanced) && isObject(spec.advanced.scalingModifiers) && Boolean(spec.advanced.scalingModifiers.formula);
      const list = Array.isArray(triggers) ? triggers : [];
      if (!usesModifiers && list.length > 0 && list.every((t) => isObject(t) && (t.type === 'cpu' || t.type === 'memory'))) {
        issues.push({ path: 'spec.fallback', message: `${WEBHOOK_DENIED}at least one trigger (that is not cpu or memory) has to have the \`AverageValue\` type for the fallback to be enabled` });
      }
    }
  }
  // advanced.scalingModifiers (ValidateAndCompileScalingModifiers), formula checked by our expr subset.
  pushAll(issues, scalingModifiersIssues(spec));
  // verifyName: the name is a label value, and so is the generated HPA's.
  const name = typeof meta.name === 'string' ? meta.name : '';
  const adv = isObject(spec.advanced) ? spec.advanced : {};
  const hpaCfg = isObject(adv.horizontalPodAutoscalerConfig) ? adv.horizontalPodAutoscalerConfig : {};
  const hpaName = typeof hpaCfg.name === 'string' && hpaCfg.name !== '' ? hpaCfg.name : `keda-hpa-${name}`;
  if (name.length > MAX_LABEL_VALUE) {
    issues.push({ path: 'metadata.name', message: `${WEBHOOK_DENIED}scaledobject name "${name}" is ${name.length} characters long; must be no more than ${MAX_LABEL_VALUE} characters because it is used as the "scaledobject.keda.sh/name" label value` });
  } else if (hpaName.length > MAX_LABEL_VALUE) {
    issues.push({ path: 'metadata.name', message: `${WEBHOOK_DENIED}HPA name "${hpaName}" derived from scaledobject is ${hpaName.length} characters long; must be no more than ${MAX_LABEL_VALUE} characters; set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter name or shorten the scaledobject name` });
  }
  return issues;
}

const PROVIDERS = ['azure-workload', 'gcp', 'aws', 'aws-eks', 'none'];

/** TriggerAuthentication: the CRD's enums and required fields, and triggerauthentication_webhook.go validateSpec for AWS. */
export function validateTriggerAuthentication(doc: ManifestDoc): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const spec = doc.spec;
  if (spec === undefined) return issues;
  if (!isObject(spec)) return [wrongType('spec', spec, 'object')];
  const pi = spec.podIdentity;
  if (pi !== undefined) {
    if (!isObject(pi)) issues.push(wrongType('spec.podIdentity', pi, 'object'));
    else {
      if (pi.provider === undefined) issues.push({ path: 'spec.podIdentity.provider', message: 'Required value' });
      else if (!PROVIDERS.includes(pi.provider as string)) issues.push({ path: 'spec.podIdentity.provider', message: `Unsupported value: ${JSON.stringify(pi.provider)}: supported values: ${PROVIDERS.map((p) => `"${p}"`).join(', ')}` });
      if (pi.identityOwner !== undefined && pi.identityOwner !== 'keda' && pi.identityOwner !== 'workload') {
        issues.push({ path: 'spec.podIdentity.identityOwner', message: `Unsupported value: ${JSON.stringify(pi.identityOwner)}: supported values: "keda", "workload"` });
      }
      const denied = 'admission webhook "vstriggerauthentication.kb.io" denied the request: ';
      if (pi.provider === 'aws') {
        if (typeof pi.roleArn === 'string' && pi.roleArn !== '' && pi.identityOwner === 'workload') issues.push({ path: 'spec.podIdentity.roleArn', message: `${denied}roleArn of PodIdentity can't be set if KEDA isn't identityOwner` });
        if (typeof pi.externalID === 'string' && pi.externalID !== '' && !(typeof pi.roleArn === 'string' && pi.roleArn !== '')) {
          issues.push({ path: 'spec.podIdentity.externalID', message: `${denied}externalID of PodIdentity requires roleArn to be set` });
        }
      }
    }
  }
  const refs = spec.secretTargetRef;
  if (refs !== undefined) {
    if (!Array.isArray(refs)) issues.push(wrongType('spec.secretTargetRef', refs, 'array'));
    else {
      refs.forEach((r: unknown, i) => {
        const at = `spec.secretTargetRef[${i}]`;
        if (!isObject(r)) return issues.push(wrongType(at, r, 'object'));
        for (const f of ['parameter', 'name', 'key']) {
          if (r[f] === undefined) issues.push({ path: `${at}.${f}`, message: 'Required value' });
          else if (typeof r[f] !== 'string') issues.push(wrongType(`${at}.${f}`, r[f], 'string'));
        }
      });
    }
  }
  return issues;
}

/**
 * The text `kubectl apply` prints for the first refusal: schema errors as the API server lists
 * them (`The ScaledObject "x" is invalid: …`), a webhook's denial or a scaler's error as it is.
 */
export function applyErrorText(kind: string, name: string, issues: readonly ManifestIssue[]): string | null {
  const errors = issues.filter((i) => i.severity !== 'notice');
  if (errors.length === 0) return null;
  const located = (i: ManifestIssue) => `${Array.isArray(i.path) ? i.path.join('.') : i.path}: ${i.message}`;
  const schema = errors.filter((i) => !i.message.startsWith('admission webhook') && !i.message.startsWith('error parsing') && !i.message.startsWith('no scaler found'));
  if (schema.length === 1) return `The ${kind} "${name}" is invalid: ${located(schema[0])}`;
  if (schema.length > 1) return `The ${kind} "${name}" is invalid: [${schema.map(located).join(', ')}]`;
  const first = errors[0];
  return first.message.startsWith('admission webhook') ? first.message : `${kind} "${name}": ${located(first)}`;
}

registerManifestValidator('keda.sh/v1alpha1', 'ScaledObject', validateScaledObject);
registerManifestValidator('keda.sh/v1alpha1', 'TriggerAuthentication', validateTriggerAuthentication);
registerManifestValidator('keda.sh/v1alpha1', 'ClusterTriggerAuthentication', validateTriggerAuthentication);
