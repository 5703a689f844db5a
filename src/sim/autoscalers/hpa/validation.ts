import type { ManifestDoc } from '../../core/commands';
import { CAPACITY } from '../../core/limits';
import { registerManifestValidator, type ManifestIssue } from '../../resources/manifestValidators';
import { msg } from '../../core/message';

/**
 * What the API server refuses in an autoscaling/v2 HorizontalPodAutoscaler, after
 * kubernetes/kubernetes pkg/apis/autoscaling/validation/validation.go (HPAScaleToZero off):
 * minReplicas ≥ 1, maxReplicas ≥ 1 and ≥ minReplicas, utilization targets > 0, target types,
 * behavior: stabilizationWindowSeconds 0..3600, at least one policy, periodSeconds 1..1800, value > 0.
 * Without these an averageUtilization of 0 gave NaN replicas and maxReplicas −3 gave −3.
 */
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function replicas(issues: ManifestIssue[], path: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (!isInt(v)) {
    issues.push({ path, message: `Invalid value: ${JSON.stringify(v)}: must be an integer (int32)`, msg: msg('scenarioError.api.int32', { value: JSON.stringify(v) ?? typeof v }) });
    return undefined;
  }
  return v;
}

function target(issues: ManifestIssue[], path: string, t: unknown, resource: boolean): void {
  if (!isObject(t)) {
    issues.push({ path, message: 'Required value: must specify a metric target' });
    return;
  }
  const types = ['Utilization', 'Value', 'AverageValue'];
  if (!types.includes(String(t.type))) {
    issues.push({ path: `${path}.type`, message: `Unsupported value: ${JSON.stringify(t.type)}: supported values: "AverageValue", "Utilization", "Value"` });
    return;
  }
  if (t.type === 'Utilization') {
    if (!resource) issues.push({ path: `${path}.type`, message: 'Invalid value: "Utilization": only Resource and ContainerResource metrics have a Utilization target' });
    if (t.averageUtilization === undefined) issues.push({ path: `${path}.averageUtilization`, message: 'Required value: must set averageUtilization for a Utilization target' });
    else if (!isInt(t.averageUtilization) || t.averageUtilization <= 0) issues.push({ path: `${path}.averageUtilization`, message: `Invalid value: ${JSON.stringify(t.averageUtilization)}: must be greater than 0` });
  }
  if (t.type === 'AverageValue' && t.averageValue === undefined) issues.push({ path: `${path}.averageValue`, message: 'Required value: must set averageValue for an AverageValue target' });
  if (t.type === 'Value' && t.value === undefined) issues.push({ path: `${path}.value`, message: 'Required value: must set value for a Value target' });
}

function rules(issues: ManifestIssue[], path: string, r: unknown): void {
  if (r === undefined) return;
  if (!isObject(r)) {
    issues.push({ path, message: 'Invalid value: must be a map' });
    return;
  }
  const w = r.stabilizationWindowSeconds;
  if (w !== undefined) {
    if (!isInt(w) || w < 0) issues.push({ path: `${path}.stabilizationWindowSeconds`, message: `Invalid value: ${JSON.stringify(w)}: must be greater than or equal to zero` });
    else if (w > MAX_STABILIZATION_WINDOW_SECONDS) issues.push({ path: `${path}.stabilizationWindowSeconds`, message: `Invalid value: ${w}: must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}` });
  }
  if (r.selectPolicy !== undefined && !['Max', 'Min', 'Disabled'].includes(r.selectPolicy as string)) {
    issues.push({ path: `${path}.selectPolicy`, message: `Unsupported value: ${JSON.stringify(r.selectPolicy)}: supported values: "Disabled", "Max", "Min"` });
  }
  const policies = r.policies;
  if (policies === undefined) return;
  if (!Array.isArray(policies) || policies.length === 0) {
    issues.push({ path: `${path}.policies`, message: 'Required value: must specify at least one Policy' });
    return;
  }
  policies.forEach((p: unknown, i) => {
    const at = `${path}.policies[${i}]`;
    if (!isObject(p)) return issues.push({ path: at, message: 'Invalid value: must be a map' });
    if (p.type !== 'Pods' && p.type !== 'Percent') issues.push({ path: `${at}.type`, message: `Unsupported value: ${JSON.stringify(p.type)}: supported values: "Percent", "Pods"` });
    if (!isInt(p.value) || p.value <= 0) issues.push({ path: `${at}.value`, message: `Invalid value: ${JSON.stringify(p.value)}: must be greater than zero` });
    const period = p.periodSeconds;
    if (!isInt(period) || period <= 0) issues.push({ path: `${at}.periodSeconds`, message: `Invalid value: ${JSON.stringify(period)}: must be greater than zero` });
    else if (period > MAX_PERIOD_SECONDS) issues.push({ path: `${at}.periodSeconds`, message: `Invalid value: ${period}: must be less than or equal to ${MAX_PERIOD_SECONDS}` });
  });
}

export function validateHpaV2(doc: ManifestDoc): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const spec = doc.spec;
  if (!isObject(spec)) return [{ path: 'spec', message: 'Required value' }];
  const ref = spec.scaleTargetRef;
  if (!isObject(ref)) issues.push({ path: 'spec.scaleTargetRef', message: 'Required value' });
  else {
    if (typeof ref.kind !== 'string' || ref.kind === '') issues.push({ path: 'spec.scaleTargetRef.kind', message: 'Required value' });
    if (typeof ref.name !== 'string' || ref.name === '') issues.push({ path: 'spec.scaleTargetRef.name', message: 'Required value' });
  }
  const min = replicas(issues, 'spec.minReplicas', spec.minReplicas);
  const max = replicas(issues, 'spec.maxReplicas', spec.maxReplicas);
  if (spec.maxReplicas === undefined) issues.push({ path: 'spec.maxReplicas', message: 'Required value' });
  // HPAScaleToZero is an alpha gate, off by default: minReplicas 0 is refused.
  // The API server's words stay English; the Messages give the same in the reader's language.
  if (min !== undefined && min < 1) issues.push({ path: 'spec.minReplicas', message: `Invalid value: ${min}: must be greater than or equal to 1`, msg: msg('scenarioError.api.atLeast', { value: String(min), min: '1' }) });
  if (max !== undefined && max < 1) issues.push({ path: 'spec.maxReplicas', message: `Invalid value: ${max}: must be greater than 0`, msg: msg('scenarioError.api.above', { value: String(max), min: '0' }) });
  else if (max !== undefined && max < (min ?? 1)) issues.push({ path: 'spec.maxReplicas', message: `Invalid value: ${max}: must be greater than or equal to \`minReplicas\``, msg: msg('scenarioError.api.atLeast', { value: String(max), min: '`minReplicas`' }) });
  else if (max !== undefined && max > CAPACITY.pods) {
    const most = CAPACITY.pods.toLocaleString('en-US');
    issues.push({ path: 'spec.maxReplicas', message: `Invalid value: ${max}: more replicas than the playground simulates (at most ${most} pods)`, msg: msg('scenarioError.api.invalidValue', { value: String(max), detail: msg('scenarioError.schema.tooManyPods', { max: most }) }) });
  }
  if (Array.isArray(spec.metrics)) {
    spec.metrics.forEach((m: unknown, i) => {
      const at = `spec.metrics[${i}]`;
      if (!isObject(m)) return issues.push({ path: at, message: 'Invalid value: must be a map' });
      const types: Record<string, string> = { Resource: 'resource', ContainerResource: 'containerResource', Pods: 'pods', Object: 'object', External: 'external' };
      const field = types[String(m.type)];
      if (!field) return issues.push({ path: `${at}.type`, message: `Unsupported value: ${JSON.stringify(m.type)}: supported values: "ContainerResource", "External", "Object", "Pods", "Resource"` });
      const source = m[field];
      if (!isObject(source)) return issues.push({ path: `${at}.${field}`, message: `Required value: must populate information for the given metric source` });
      target(issues, `${at}.${field}.target`, source.target, field === 'resource' || field === 'containerResource');
    });
  }
  if (isObject(spec.behavior)) {
    rules(issues, 'spec.behavior.scaleUp', spec.behavior.scaleUp);
    rules(issues, 'spec.behavior.scaleDown', spec.behavior.scaleDown);
  }
  return issues;
}

registerManifestValidator('autoscaling/v2', 'HorizontalPodAutoscaler', validateHpaV2);
