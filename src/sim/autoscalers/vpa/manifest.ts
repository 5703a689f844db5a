/**
 * autoscaling.k8s.io/v1 VerticalPodAutoscaler manifests → the typed object of types.ts
 * (CPU in millicores, memory in bytes). `vpaManifestIssues` lists every problem with its field
 * path for the scenario loader; `vpaFromManifest` throws the first one, as the API server rejects
 * an invalid object.
 */
import type { ManifestDoc } from '../../core/commands';
import { parseQuantity } from '../../core/quantity';
import { msg, type Message } from '../../core/message';
import type {
  ContainerResourcePolicy,
  ResourceAmounts,
  VerticalPodAutoscaler,
  VpaResourceName,
  VpaUpdateMode,
} from './types';

export interface VpaManifestIssue {
  path: string;
  message: string;
  /** The playground's own sentence in the reader's language; absent where the text is the quantity parser's. */
  msg?: Message;
}

type Obj = Record<string, unknown>;

const UPDATE_MODES: VpaUpdateMode[] = ['Off', 'Initial', 'Recreate', 'Auto', 'InPlaceOrRecreate'];
const RESOURCE_NAMES: VpaResourceName[] = ['cpu', 'memory'];

/** For messages: the value as the user wrote it. */
function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

function obj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

function quantity(v: unknown, path: string, issues: VpaManifestIssue[]): number | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') {
    issues.push({ path, message: `expected a quantity such as "100m" or "50Mi"`, msg: msg('engine.vpaIssue.quantity') });
    return undefined;
  }
  try {
    const value = parseQuantity(v);
    if (value < 0) {
      issues.push({ path, message: `must be greater than or equal to 0 (got ${String(v)})`, msg: msg('engine.vpaIssue.negative', { value: String(v) }) });
      return undefined;
    }
    return value;
  } catch (err) {
    // The quantity parser's own words (as the API server's), shown as written.
    issues.push({ path, message: (err as Error).message });
    return undefined;
  }
}

function resourceList(v: unknown, path: string, issues: VpaManifestIssue[]): ResourceAmounts | undefined {
  if (v === undefined) return undefined;
  const o = obj(v);
  const out: ResourceAmounts = {};
  for (const key of Object.keys(o)) {
    if (key === 'cpu') {
      const q = quantity(o.cpu, `${path}.cpu`, issues);
      if (q !== undefined) out.cpu = Math.round(q * 1000);
    } else if (key === 'memory') {
      const q = quantity(o.memory, `${path}.memory`, issues);
      if (q !== undefined) out.memory = Math.round(q);
    } else {
      issues.push({ path: `${path}.${key}`, message: `unsupported resource "${key}": the VPA recommends cpu and memory`, msg: msg('engine.vpaIssue.resource', { key }) });
    }
  }
  return out;
}

function containerPolicy(v: unknown, path: string, issues: VpaManifestIssue[]): ContainerResourcePolicy {
  const o = obj(v);
  const policy: ContainerResourcePolicy = { containerName: typeof o.containerName === 'string' ? o.containerName : '' };
  if (!policy.containerName) issues.push({ path: `${path}.containerName`, message: 'required (a container name or "*")', msg: msg('engine.vpaIssue.containerName') });
  if (o.mode !== undefined) {
    if (o.mode === 'Auto' || o.mode === 'Off') policy.mode = o.mode;
    else issues.push({ path: `${path}.mode`, message: `Unsupported value: "${text(o.mode)}": supported values: "Auto", "Off"` });
  }
  const min = resourceList(o.minAllowed, `${path}.minAllowed`, issues);
  if (min) policy.minAllowed = min;
  const max = resourceList(o.maxAllowed, `${path}.maxAllowed`, issues);
  if (max) policy.maxAllowed = max;
  if (o.controlledResources !== undefined) {
    const list = Array.isArray(o.controlledResources) ? o.controlledResources : [];
    policy.controlledResources = [];
    list.forEach((r, i) => {
      if (RESOURCE_NAMES.includes(r as VpaResourceName)) policy.controlledResources!.push(r as VpaResourceName);
      else issues.push({ path: `${path}.controlledResources[${i}]`, message: `Unsupported value: "${text(r)}": supported values: "cpu", "memory"` });
    });
  }
  if (o.controlledValues !== undefined) {
    if (o.controlledValues === 'RequestsAndLimits' || o.controlledValues === 'RequestsOnly') policy.controlledValues = o.controlledValues;
    else issues.push({ path: `${path}.controlledValues`, message: `Unsupported value: "${text(o.controlledValues)}": supported values: "RequestsAndLimits", "RequestsOnly"` });
  }
  return policy;
}

/** The typed object and every problem found on the way. */
export function parseVpaManifest(doc: ManifestDoc, nowSeconds: number): { vpa: VerticalPodAutoscaler; issues: VpaManifestIssue[] } {
  const issues: VpaManifestIssue[] = [];
  const meta = obj(doc.metadata);
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (!name) issues.push({ path: 'metadata.name', message: 'required', msg: msg('engine.vpaIssue.required') });
  const spec = obj(doc.spec);
  const ref = obj(spec.targetRef);
  if (spec.targetRef === undefined) issues.push({ path: 'spec.targetRef', message: 'required: the workload whose pods this VPA sizes', msg: msg('engine.vpaIssue.targetRef') });
  else {
    if (typeof ref.kind !== 'string' || !ref.kind) issues.push({ path: 'spec.targetRef.kind', message: 'required', msg: msg('engine.vpaIssue.required') });
    if (typeof ref.name !== 'string' || !ref.name) issues.push({ path: 'spec.targetRef.name', message: 'required', msg: msg('engine.vpaIssue.required') });
  }
  const vpa: VerticalPodAutoscaler = {
    apiVersion: 'autoscaling.k8s.io/v1',
    kind: 'VerticalPodAutoscaler',
    metadata: { name, namespace: typeof meta.namespace === 'string' ? meta.namespace : 'default', creationTimestamp: nowSeconds },
    spec: {
      targetRef: {
        ...(typeof ref.apiVersion === 'string' ? { apiVersion: ref.apiVersion } : {}),
        kind: typeof ref.kind === 'string' ? ref.kind : '',
        name: typeof ref.name === 'string' ? ref.name : '',
      },
    },
  };
  if (spec.updatePolicy !== undefined) {
    const up = obj(spec.updatePolicy);
    vpa.spec.updatePolicy = {};
    if (up.updateMode !== undefined) {
      if (UPDATE_MODES.includes(up.updateMode as VpaUpdateMode)) vpa.spec.updatePolicy.updateMode = up.updateMode as VpaUpdateMode;
      else issues.push({ path: 'spec.updatePolicy.updateMode', message: `Unsupported value: "${text(up.updateMode)}": supported values: ${UPDATE_MODES.map((m) => `"${m}"`).join(', ')}` });
    }
    if (up.minReplicas !== undefined) {
      if (typeof up.minReplicas === 'number' && Number.isInteger(up.minReplicas) && up.minReplicas > 0) vpa.spec.updatePolicy.minReplicas = up.minReplicas;
      else issues.push({ path: 'spec.updatePolicy.minReplicas', message: 'must be a positive integer', msg: msg('engine.vpaIssue.positiveInt') });
    }
  }
  const policies = obj(spec.resourcePolicy).containerPolicies;
  if (policies !== undefined) {
    const list = Array.isArray(policies) ? policies : [];
    if (!Array.isArray(policies)) issues.push({ path: 'spec.resourcePolicy.containerPolicies', message: 'expected a list', msg: msg('engine.vpaIssue.list') });
    vpa.spec.resourcePolicy = { containerPolicies: list.map((p, i) => containerPolicy(p, `spec.resourcePolicy.containerPolicies[${i}]`, issues)) };
  }
  return { vpa, issues };
}

export function vpaManifestIssues(doc: ManifestDoc): VpaManifestIssue[] {
  return parseVpaManifest(doc, 0).issues;
}

export function vpaFromManifest(doc: ManifestDoc, nowSeconds: number): VerticalPodAutoscaler {
  const { vpa, issues } = parseVpaManifest(doc, nowSeconds);
  if (issues.length > 0) throw new Error(`${issues[0].path}: ${issues[0].message}`);
  return vpa;
}
