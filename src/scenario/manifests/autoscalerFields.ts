import type { PathProblem, PathSegment } from '../errors';
import { unknownFieldProblem } from '../zodIssues';

/**
 * The fields of the autoscaler kinds whose modules validate values but not names, so that a typo
 * such as `stabilisationWindowSeconds` or `maxReplicaCont` is refused as kubectl's strict field
 * validation (the default since kubectl 1.27) refuses it, instead of silently falling back to the
 * default. `'any'` marks maps of free keys (labels, trigger metadata, resource lists) and parts
 * this check leaves to the module. Field names from the Go types: k8s.io/api autoscaling/v1, v2,
 * v2beta1, v2beta2, kedacore/keda apis/keda/v1alpha1 scaledobject_types.go, and kubernetes/autoscaler
 * vertical-pod-autoscaler/pkg/apis/autoscaling.k8s.io/v1 types.go.
 */
export type Field = 'any' | Fields | { readonly list: Fields };
export interface Fields {
  readonly [key: string]: Field;
}

const labelSelector: Fields = { matchLabels: 'any', matchExpressions: { list: { key: 'any', operator: 'any', values: 'any' } } };
const objectMeta: Fields = {
  name: 'any',
  generateName: 'any',
  namespace: 'any',
  labels: 'any',
  annotations: 'any',
  uid: 'any',
  resourceVersion: 'any',
  generation: 'any',
  creationTimestamp: 'any',
  deletionTimestamp: 'any',
  deletionGracePeriodSeconds: 'any',
  ownerReferences: 'any',
  finalizers: 'any',
  managedFields: 'any',
  selfLink: 'any',
};
const crossVersionRef: Fields = { apiVersion: 'any', kind: 'any', name: 'any' };

function manifest(spec: Fields): Fields {
  return { apiVersion: 'any', kind: 'any', metadata: objectMeta, spec, status: 'any' };
}

const metricTarget: Fields = { type: 'any', value: 'any', averageValue: 'any', averageUtilization: 'any' };
const metricIdentifier: Fields = { name: 'any', selector: labelSelector };
const scalingRules: Fields = {
  stabilizationWindowSeconds: 'any',
  selectPolicy: 'any',
  policies: { list: { type: 'any', value: 'any', periodSeconds: 'any' } },
  // HPAConfigurableTolerance (Kubernetes 1.33, alpha).
  tolerance: 'any',
};
const hpaBehavior: Fields = { scaleUp: scalingRules, scaleDown: scalingRules };

/** What every HorizontalPodAutoscaler version's spec has. */
const hpaSpecBase: Fields = { scaleTargetRef: crossVersionRef, minReplicas: 'any', maxReplicas: 'any' };

const hpaV2Spec: Fields = {
  ...hpaSpecBase,
  metrics: {
    list: {
      type: 'any',
      object: { describedObject: crossVersionRef, target: metricTarget, metric: metricIdentifier },
      pods: { metric: metricIdentifier, target: metricTarget },
      resource: { name: 'any', target: metricTarget },
      containerResource: { name: 'any', container: 'any', target: metricTarget },
      external: { metric: metricIdentifier, target: metricTarget },
    },
  },
  behavior: hpaBehavior,
};

const hpaV2beta1Spec: Fields = {
  ...hpaSpecBase,
  metrics: {
    list: {
      type: 'any',
      object: { target: crossVersionRef, metricName: 'any', targetValue: 'any', selector: labelSelector, averageValue: 'any' },
      pods: { metricName: 'any', targetAverageValue: 'any', selector: labelSelector },
      resource: { name: 'any', targetAverageUtilization: 'any', targetAverageValue: 'any' },
      containerResource: { name: 'any', container: 'any', targetAverageUtilization: 'any', targetAverageValue: 'any' },
      external: { metricName: 'any', metricSelector: labelSelector, targetValue: 'any', targetAverageValue: 'any' },
    },
  },
};

const hpaV1Spec: Fields = { ...hpaSpecBase, targetCPUUtilizationPercentage: 'any' };

const scaledObjectSpec: Fields = {
  scaleTargetRef: { apiVersion: 'any', kind: 'any', name: 'any', envSourceContainerName: 'any' },
  pollingInterval: 'any',
  initialCooldownPeriod: 'any',
  cooldownPeriod: 'any',
  idleReplicaCount: 'any',
  minReplicaCount: 'any',
  maxReplicaCount: 'any',
  advanced: {
    horizontalPodAutoscalerConfig: { name: 'any', behavior: hpaBehavior },
    restoreToOriginalReplicaCount: 'any',
    scalingModifiers: { formula: 'any', target: 'any', activationTarget: 'any', metricType: 'any' },
  },
  triggers: { list: { type: 'any', name: 'any', useCachedMetrics: 'any', metadata: 'any', authenticationRef: { name: 'any', kind: 'any' }, metricType: 'any' } },
  fallback: { failureThreshold: 'any', replicas: 'any', behavior: 'any' },
};

const vpaSpec: Fields = {
  targetRef: crossVersionRef,
  updatePolicy: { updateMode: 'any', minReplicas: 'any', evictionRequirements: 'any' },
  resourcePolicy: {
    containerPolicies: {
      list: { containerName: 'any', mode: 'any', minAllowed: 'any', maxAllowed: 'any', controlledResources: 'any', controlledValues: 'any' },
    },
  },
  recommenders: { list: { name: 'any' } },
};

/** By `apiVersion kind`: the kinds checked here. TriggerAuthentication's many providers stay with KEDA's module. */
export const AUTOSCALER_FIELDS: Readonly<Record<string, Fields>> = {
  'autoscaling/v2 HorizontalPodAutoscaler': manifest(hpaV2Spec),
  'autoscaling/v2beta2 HorizontalPodAutoscaler': manifest(hpaV2Spec),
  'autoscaling/v2beta1 HorizontalPodAutoscaler': manifest(hpaV2beta1Spec),
  'autoscaling/v1 HorizontalPodAutoscaler': manifest(hpaV1Spec),
  'keda.sh/v1alpha1 ScaledObject': manifest(scaledObjectSpec),
  'autoscaling.k8s.io/v1 VerticalPodAutoscaler': manifest(vpaSpec),
};

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every key of `value` that `fields` does not have, at any depth; values' types are the modules' to check. */
export function unknownFieldProblems(value: unknown, fields: Fields, path: PathSegment[] = [], out: PathProblem[] = []): PathProblem[] {
  if (!isMap(value)) return out;
  for (const [key, child] of Object.entries(value)) {
    if (!Object.hasOwn(fields, key)) {
      out.push(unknownFieldProblem(path, key, Object.keys(fields)));
      continue;
    }
    const field = fields[key];
    if (field === 'any') continue;
    // No kind here has a field named "list": { list } is always a list of objects.
    if (isList(field)) {
      if (Array.isArray(child)) child.forEach((item, i) => unknownFieldProblems(item, field.list, [...path, key, i], out));
    } else unknownFieldProblems(child, field, [...path, key], out);
  }
  return out;
}

function isList(field: Fields | { readonly list: Fields }): field is { readonly list: Fields } {
  return Object.keys(field).length === 1 && isMap(field.list);
}
