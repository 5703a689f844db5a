import { z } from 'zod';
import '../zodConfig';
import { labelsField, nonNegativeInt, quantityField } from '../fieldSchemas';
import { intOrString, labelSelectorSchema, opaqueObject, templateMetaSchema } from './objectMeta';

const resourceList = z.record(z.string(), quantityField);

const resourceRequirements = z.strictObject({
  limits: resourceList.optional(),
  requests: resourceList.optional(),
  claims: z.array(opaqueObject).optional(),
});

const handlerFields = {
  exec: z.strictObject({ command: z.array(z.string()).optional() }).optional(),
  httpGet: z
    .strictObject({ path: z.string().optional(), port: intOrString, host: z.string().optional(), scheme: z.enum(['HTTP', 'HTTPS']).optional(), httpHeaders: z.array(opaqueObject).optional() })
    .optional(),
  tcpSocket: z.strictObject({ port: intOrString, host: z.string().optional() }).optional(),
  grpc: z.strictObject({ port: z.number().int(), service: z.string().optional() }).optional(),
};

const probe = z.strictObject({
  ...handlerFields,
  initialDelaySeconds: nonNegativeInt.optional(),
  periodSeconds: z.number().int().min(1).optional(),
  timeoutSeconds: z.number().int().min(1).optional(),
  successThreshold: z.number().int().min(1).optional(),
  failureThreshold: z.number().int().min(1).optional(),
  terminationGracePeriodSeconds: z.number().int().optional(),
});

const containerPort = z.strictObject({
  containerPort: z.number().int().min(1).max(65535),
  name: z.string().optional(),
  protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  hostPort: z.number().int().optional(),
  hostIP: z.string().optional(),
});

const envVar = z.strictObject({ name: z.string(), value: z.string().optional(), valueFrom: opaqueObject.optional() });

export const containerSchema = z.strictObject({
  name: z.string().min(1, 'Required value'),
  image: z.string().min(1, 'Required value'),
  command: z.array(z.string()).optional(),
  args: z.array(z.string()).optional(),
  workingDir: z.string().optional(),
  ports: z.array(containerPort).optional(),
  env: z.array(envVar).optional(),
  envFrom: z.array(opaqueObject).optional(),
  resources: resourceRequirements.optional(),
  resizePolicy: z.array(opaqueObject).optional(),
  restartPolicy: z.enum(['Always']).optional(),
  volumeMounts: z.array(opaqueObject).optional(),
  volumeDevices: z.array(opaqueObject).optional(),
  livenessProbe: probe.optional(),
  readinessProbe: probe.optional(),
  startupProbe: probe.optional(),
  lifecycle: opaqueObject.optional(),
  terminationMessagePath: z.string().optional(),
  terminationMessagePolicy: z.enum(['File', 'FallbackToLogsOnError']).optional(),
  imagePullPolicy: z.enum(['Always', 'Never', 'IfNotPresent']).optional(),
  securityContext: opaqueObject.optional(),
  stdin: z.boolean().optional(),
  stdinOnce: z.boolean().optional(),
  tty: z.boolean().optional(),
});

const nodeSelectorRequirement = z.strictObject({
  key: z.string(),
  operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']),
  values: z.array(z.string()).optional(),
});

const nodeSelectorTerm = z.strictObject({
  matchExpressions: z.array(nodeSelectorRequirement).optional(),
  matchFields: z.array(nodeSelectorRequirement).optional(),
});

const nodeAffinity = z.strictObject({
  requiredDuringSchedulingIgnoredDuringExecution: z.strictObject({ nodeSelectorTerms: z.array(nodeSelectorTerm) }).optional(),
  preferredDuringSchedulingIgnoredDuringExecution: z.array(z.strictObject({ weight: z.number().int().min(1).max(100), preference: nodeSelectorTerm })).optional(),
});

const affinity = z.strictObject({
  nodeAffinity: nodeAffinity.optional(),
  podAffinity: opaqueObject.optional(),
  podAntiAffinity: opaqueObject.optional(),
});

const toleration = z.strictObject({
  key: z.string().optional(),
  operator: z.enum(['Exists', 'Equal']).optional(),
  value: z.string().optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']).optional(),
  tolerationSeconds: z.number().int().optional(),
});

/** io.k8s.api.core.v1.PodSpec: every field the API accepts; the modelled ones are checked deeply. */
export const podSpecSchema = z.strictObject({
  containers: z.array(containerSchema).min(1, 'Required value: at least one container'),
  initContainers: z.array(containerSchema.extend({ restartPolicy: z.enum(['Always']).optional() })).optional(),
  ephemeralContainers: z.array(opaqueObject).optional(),
  nodeSelector: labelsField.optional(),
  nodeName: z.string().optional(),
  affinity: affinity.optional(),
  tolerations: z.array(toleration).optional(),
  priority: z.number().int().optional(),
  priorityClassName: z.string().optional(),
  preemptionPolicy: z.enum(['PreemptLowerPriority', 'Never']).optional(),
  terminationGracePeriodSeconds: nonNegativeInt.optional(),
  activeDeadlineSeconds: z.number().int().min(1).optional(),
  restartPolicy: z.enum(['Always', 'OnFailure', 'Never']).optional(),
  serviceAccountName: z.string().optional(),
  serviceAccount: z.string().optional(),
  automountServiceAccountToken: z.boolean().optional(),
  volumes: z.array(z.looseObject({ name: z.string() })).optional(),
  securityContext: opaqueObject.optional(),
  imagePullSecrets: z.array(opaqueObject).optional(),
  hostNetwork: z.boolean().optional(),
  hostPID: z.boolean().optional(),
  hostIPC: z.boolean().optional(),
  hostUsers: z.boolean().optional(),
  shareProcessNamespace: z.boolean().optional(),
  hostname: z.string().optional(),
  subdomain: z.string().optional(),
  setHostnameAsFQDN: z.boolean().optional(),
  hostAliases: z.array(opaqueObject).optional(),
  dnsPolicy: z.enum(['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']).optional(),
  dnsConfig: opaqueObject.optional(),
  enableServiceLinks: z.boolean().optional(),
  schedulerName: z.string().optional(),
  runtimeClassName: z.string().optional(),
  overhead: z.record(z.string(), quantityField).optional(),
  topologySpreadConstraints: z.array(opaqueObject).optional(),
  readinessGates: z.array(opaqueObject).optional(),
  schedulingGates: z.array(opaqueObject).optional(),
  resourceClaims: z.array(opaqueObject).optional(),
  resources: resourceRequirements.optional(),
  os: z.strictObject({ name: z.enum(['linux', 'windows']) }).optional(),
});

export const podTemplateSchema = z.strictObject({
  metadata: templateMetaSchema.optional(),
  spec: podSpecSchema,
});

export { labelSelectorSchema };
