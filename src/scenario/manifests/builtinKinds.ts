import { z } from 'zod';
import '../zodConfig';
import type { PathProblem, PathSegment } from '../errors';
import { cpuToMillis, memoryToMiB } from '../../sim/core/quantity';
import { labelsField, nonNegativeInt, replicaCountField } from '../fieldSchemas';
import { intOrString, labelSelectorSchema, objectMetaSchema, opaqueObject } from './objectMeta';
import { podSpecSchema, podTemplateSchema } from './podSpec';
import { msg } from '../../sim/core/message';
import { HIGHEST_USER_DEFINABLE_PRIORITY, SYSTEM_PRIORITY_CLASSES } from '../../sim/cluster/scheduling/priorityClasses';

const head = <A extends string, K extends string>(apiVersion: A, kind: K) => ({
  apiVersion: z.literal(apiVersion),
  kind: z.literal(kind),
  metadata: objectMetaSchema,
  status: opaqueObject.optional(),
});

const rollingUpdate = z.strictObject({ maxSurge: intOrString.optional(), maxUnavailable: intOrString.optional() });

export const deploymentSchema = z.strictObject({
  ...head('apps/v1', 'Deployment'),
  spec: z.strictObject({
    replicas: replicaCountField.optional(),
    selector: labelSelectorSchema,
    template: podTemplateSchema,
    strategy: z.strictObject({ type: z.enum(['RollingUpdate', 'Recreate']).optional(), rollingUpdate: rollingUpdate.optional() }).optional(),
    minReadySeconds: nonNegativeInt.optional(),
    revisionHistoryLimit: nonNegativeInt.optional(),
    progressDeadlineSeconds: z.number().int().min(1).optional(),
    paused: z.boolean().optional(),
  }),
});

export const daemonSetSchema = z.strictObject({
  ...head('apps/v1', 'DaemonSet'),
  spec: z.strictObject({
    selector: labelSelectorSchema,
    template: podTemplateSchema,
    updateStrategy: z.strictObject({ type: z.enum(['RollingUpdate', 'OnDelete']).optional(), rollingUpdate: opaqueObject.optional() }).optional(),
    minReadySeconds: nonNegativeInt.optional(),
    revisionHistoryLimit: nonNegativeInt.optional(),
  }),
});

export const podSchema = z.strictObject({ ...head('v1', 'Pod'), spec: podSpecSchema });

const servicePort = z.strictObject({
  port: z.number().int().min(1).max(65535),
  targetPort: intOrString.optional(),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  name: z.string().optional(),
  nodePort: z.number().int().optional(),
  appProtocol: z.string().optional(),
});

export const serviceSchema = z.strictObject({
  ...head('v1', 'Service'),
  spec: z
    .strictObject({
      selector: labelsField.optional(),
      ports: z.array(servicePort).optional(),
      type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
      clusterIP: z.string().optional(),
      clusterIPs: z.array(z.string()).optional(),
      externalName: z.string().optional(),
      externalIPs: z.array(z.string()).optional(),
      externalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
      internalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
      sessionAffinity: z.enum(['ClientIP', 'None']).optional(),
      sessionAffinityConfig: opaqueObject.optional(),
      loadBalancerIP: z.string().optional(),
      loadBalancerClass: z.string().optional(),
      loadBalancerSourceRanges: z.array(z.string()).optional(),
      allocateLoadBalancerNodePorts: z.boolean().optional(),
      healthCheckNodePort: z.number().int().optional(),
      ipFamilies: z.array(z.enum(['IPv4', 'IPv6'])).optional(),
      ipFamilyPolicy: z.enum(['SingleStack', 'PreferDualStack', 'RequireDualStack']).optional(),
      publishNotReadyAddresses: z.boolean().optional(),
      trafficDistribution: z.string().optional(),
    })
    .optional(),
});

export const pdbSchema = z.strictObject({
  ...head('policy/v1', 'PodDisruptionBudget'),
  spec: z.strictObject({
    minAvailable: intOrString.optional(),
    maxUnavailable: intOrString.optional(),
    selector: labelSelectorSchema.optional(),
    unhealthyPodEvictionPolicy: z.enum(['IfHealthyBudget', 'AlwaysAllow']).optional(),
  }),
});

/** The API server refuses a PDB with both minAvailable and maxUnavailable. */
function pdbChecks(doc: Obj): PathProblem[] {
  const spec = obj(doc.spec);
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    return [{ path: ['spec'], message: 'Invalid value: minAvailable and maxUnavailable cannot be both set' }];
  }
  return [];
}

export const priorityClassSchema = z.strictObject({
  apiVersion: z.literal('scheduling.k8s.io/v1'),
  kind: z.literal('PriorityClass'),
  metadata: objectMetaSchema,
  value: z.number().int().min(-2147483648).max(2147483647),
  globalDefault: z.boolean().optional(),
  preemptionPolicy: z.enum(['PreemptLowerPriority', 'Never']).optional(),
  description: z.string().optional(),
});

/** pkg/apis/scheduling/validation ValidatePriorityClass: the limits on a user-defined class. */
function priorityClassChecks(doc: Obj): PathProblem[] {
  const rawName = obj(doc.metadata).name;
  const name = typeof rawName === 'string' ? rawName : '';
  const value = Number(doc.value);
  const system = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name);
  if (system) {
    if (system.value === value) return [];
    return [{ path: ['value'], message: 'Invalid value: field is immutable', msg: msg('scenarioError.manifest.priorityImmutable') }];
  }
  if (name.startsWith('system-')) return [{ path: ['metadata', 'name'], message: "Forbidden: priority class names with 'system-' prefix are reserved", msg: msg('scenarioError.manifest.priorityReserved') }];
  if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    const max = HIGHEST_USER_DEFINABLE_PRIORITY;
    return [{ path: ['value'], message: `Forbidden: maximum allowed value of a user defined priority is ${max}`, msg: msg('scenarioError.manifest.priorityTooHigh', { max }) }];
  }
  return [];
}

export const configMapSchema = z.strictObject({
  ...head('v1', 'ConfigMap'),
  data: labelsField.optional(),
  binaryData: labelsField.optional(),
  immutable: z.boolean().optional(),
});

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Requests above limits are rejected by the API server with this wording. */
function containerChecks(containers: unknown, base: PathSegment[]): PathProblem[] {
  const out: PathProblem[] = [];
  list(containers).forEach((c, i) => {
    const res = obj(obj(c).resources);
    const requests = obj(res.requests);
    const limits = obj(res.limits);
    for (const [resource, toNumber] of [['cpu', cpuToMillis], ['memory', memoryToMiB]] as const) {
      const req = requests[resource] as string | number | undefined;
      const lim = limits[resource] as string | number | undefined;
      if (req === undefined || lim === undefined) continue;
      if (toNumber(req) > toNumber(lim)) {
        out.push({
          path: [...base, i, 'resources', 'requests'],
          message: `Invalid value: "${String(req)}": must be less than or equal to ${resource} limit of ${String(lim)}`,
        });
      }
    }
  });
  return out;
}

function podSpecChecks(spec: unknown, base: PathSegment[]): PathProblem[] {
  const s = obj(spec);
  return [...containerChecks(s.containers, [...base, 'containers']), ...containerChecks(s.initContainers, [...base, 'initContainers'])];
}

/** A selector must select its own template, or the API server refuses the workload. */
function selectorChecks(doc: Obj): PathProblem[] {
  const spec = obj(doc.spec);
  const matchLabels = obj(obj(spec.selector).matchLabels);
  const labels = obj(obj(obj(spec.template).metadata).labels);
  const mismatch = Object.entries(matchLabels).some(([k, v]) => labels[k] !== v);
  if (!mismatch) return [];
  return [{ path: ['spec', 'template', 'metadata', 'labels'], message: `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\`` }];
}

function requireName(doc: Obj): PathProblem[] {
  const meta = obj(doc.metadata);
  return meta.name === undefined && meta.generateName === undefined ? [{ path: ['metadata', 'name'], message: 'Required value: name or generateName is required' }] : [];
}

export interface BuiltinKind {
  apiVersion: string;
  kind: string;
  schema: z.ZodType;
  /** Cross-field rules the API server applies beyond the schema. */
  semantic(doc: Obj): PathProblem[];
  /** Where the pod spec sits, for "not simulated" notices. */
  podSpecPath?: PathSegment[];
}

export const BUILTIN_KINDS: BuiltinKind[] = [
  { apiVersion: 'apps/v1', kind: 'Deployment', schema: deploymentSchema, podSpecPath: ['spec', 'template', 'spec'], semantic: (d) => [...requireName(d), ...selectorChecks(d), ...podSpecChecks(obj(obj(d.spec).template).spec, ['spec', 'template', 'spec'])] },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', schema: daemonSetSchema, podSpecPath: ['spec', 'template', 'spec'], semantic: (d) => [...requireName(d), ...selectorChecks(d), ...podSpecChecks(obj(obj(d.spec).template).spec, ['spec', 'template', 'spec'])] },
  { apiVersion: 'v1', kind: 'Pod', schema: podSchema, podSpecPath: ['spec'], semantic: (d) => [...requireName(d), ...podSpecChecks(d.spec, ['spec'])] },
  { apiVersion: 'v1', kind: 'Service', schema: serviceSchema, semantic: requireName },
  { apiVersion: 'v1', kind: 'ConfigMap', schema: configMapSchema, semantic: requireName },
  { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', schema: priorityClassSchema, semantic: (d) => [...requireName(d), ...priorityClassChecks(d)] },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', schema: pdbSchema, semantic: (d) => [...requireName(d), ...pdbChecks(d)] },
];
