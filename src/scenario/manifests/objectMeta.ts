import { z } from 'zod';
import '../zodConfig';
import { labelsField, objectName } from '../fieldSchemas';

/** metadata as the API server accepts it (io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta). */
export const objectMetaSchema = z.strictObject({
  name: objectName.optional(),
  generateName: z.string().optional(),
  namespace: z.string().optional(),
  labels: labelsField.optional(),
  annotations: labelsField.optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  generation: z.number().int().optional(),
  creationTimestamp: z.union([z.string(), z.null()]).optional(),
  deletionTimestamp: z.string().optional(),
  deletionGracePeriodSeconds: z.number().int().optional(),
  ownerReferences: z.array(z.record(z.string(), z.unknown())).optional(),
  finalizers: z.array(z.string()).optional(),
  managedFields: z.array(z.record(z.string(), z.unknown())).optional(),
  selfLink: z.string().optional(),
});

/** metadata inside a pod template: no name needed. */
export const templateMetaSchema = objectMetaSchema;

export const labelSelectorSchema = z.strictObject({
  matchLabels: labelsField.optional(),
  matchExpressions: z
    .array(
      z.strictObject({
        key: z.string(),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});

/** A free-form object whose inside the playground does not model (volumes, securityContext, …). */
export const opaqueObject = z.record(z.string(), z.unknown());
export const intOrString = z.union([z.number().int(), z.string()]);
