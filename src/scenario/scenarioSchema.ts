import { z } from 'zod';
import './zodConfig';
import { catalogRegions, findInstanceType, instanceTypes } from '../sim/cloud/catalog';
import { ISO_INSTANT, durationField, horizonDurationField, nodeCountField, labelsField, nonNegativeInt, quantityField } from './fieldSchemas';
import { suggestions } from './suggest';
import { msg } from '../sim/core/message';
import { ownWords } from './ownWords';

export const SCENARIO_API_VERSION = 'playground/v1alpha1';

const instanceTypeNames = instanceTypes.map((t) => t.name);

const instanceTypeName = z.string().superRefine((name, ctx) => {
  if (findInstanceType(name)) return;
  const near = suggestions(name, instanceTypeNames, 2).slice(0, 5);
  const family = name.split('.')[0];
  const sameFamily = instanceTypeNames.filter((n) => n.startsWith(`${family}.`)).slice(0, 8);
  const [hint, hintMsg] =
    near.length > 0
      ? [`did you mean ${near.join(', ')}?`, msg('scenarioError.instanceType.near', { near: near.join(', ') })]
      : sameFamily.length > 0
        ? [`the catalog has ${sameFamily.join(', ')}`, msg('scenarioError.instanceType.family', { types: sameFamily.join(', ') })]
        : [`the catalog has ${instanceTypeNames.length} types, e.g. t3.medium, m5.large, c5.xlarge`, msg('scenarioError.instanceType.catalog', { total: instanceTypeNames.length })];
  ctx.addIssue({ code: 'custom', message: `unknown instance type "${name}": ${hint}`, params: { msg: msg('scenarioError.instanceType.unknown', { name, hint: hintMsg }) } });
});

const taint = z.strictObject({
  key: z.string().min(1),
  value: z.string().optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});

export const nodeGroupSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, ownWords('node group names are letters, digits, ".", "_" and "-"', msg('scenarioError.schema.nodeGroupName'))),
  instanceType: instanceTypeName.optional(),
  instanceTypes: z.array(instanceTypeName).min(1).optional(),
  capacityType: z.enum(['on-demand', 'spot']).optional(),
  minSize: nodeCountField,
  maxSize: nodeCountField,
  desiredCapacity: nodeCountField.optional(),
  zones: z.array(z.string()).min(1).optional(),
  labels: labelsField.optional(),
  taints: z.array(taint).optional(),
  tags: labelsField.optional(),
});

const profileStep = z.strictObject({
  at: durationField,
  rps: z.number().min(0),
  ramp: durationField.optional(),
});

export const loadSchema = z.strictObject({
  target: z.string().min(1),
  cpuPerRequest: quantityField,
  memoryPerRequest: quantityField.optional(),
  clients: z.strictObject({ count: nonNegativeInt, thinkTime: durationField }).optional(),
  profile: z.array(profileStep).min(1).optional(),
  timeout: durationField.optional(),
  cpuPerPod: quantityField.optional(),
  memoryBase: quantityField.optional(),
  memoryLeakPerHour: quantityField.optional(),
});

const queueRateStep = z.strictObject({
  at: durationField,
  rate: z.number().min(0),
  ramp: durationField.optional(),
});

/** A simulated message queue (SQS or RabbitMQ) for KEDA's queue triggers. */
export const queueSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, ownWords('queue names are 1-80 letters, digits, "-" and "_" (as SQS allows)', msg('scenarioError.schema.queueName'))),
  type: z.enum(['sqs', 'rabbitmq']).optional(),
  producer: z.strictObject({ profile: z.array(queueRateStep).min(1) }),
  consumer: z.strictObject({
    deployment: z.string().min(1),
    ratePerPod: z.number().positive(),
    concurrencyPerPod: z.number().int().positive().optional(),
    cpuPerMessage: quantityField.optional(),
  }),
  initialMessages: nonNegativeInt.optional(),
});

/** A short text in English and Korean (example titles and descriptions). */
export const localizedText = z.strictObject({ en: z.string().trim().min(1), ko: z.string().trim().min(1) });

export const timelineEntrySchema = z.strictObject({
  at: durationField,
  run: z.string().optional(),
  apply: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  /** A structured command (slider, fault button), as an exported run writes it; `run` is then only its label. */
  command: z.record(z.string(), z.unknown()).optional(),
});

export const scenarioDocSchema = z.strictObject({
  apiVersion: z.literal(SCENARIO_API_VERSION),
  kind: z.literal('Scenario'),
  metadata: z
    .strictObject({
      name: z.string().min(1).optional(),
      labels: labelsField.optional(),
      annotations: labelsField.optional(),
      // What the picker shows (docs/scenario.md): a title and a one-line description in both languages.
      title: localizedText.optional(),
      description: localizedText.optional(),
    })
    .optional(),
  spec: z.strictObject({
    seed: nonNegativeInt.optional(),
    duration: horizonDurationField.optional(),
    region: z.enum(catalogRegions as [string, ...string[]]).optional(),
    startTime: z.string().regex(ISO_INSTANT, ownWords('expected an ISO 8601 instant such as 2026-11-02T09:00:00Z', msg('scenarioError.schema.isoInstant'))).optional(),
    clusterName: z.string().min(1).optional(),
    eksDefaults: z.boolean().optional(),
    nodeGroups: z.array(nodeGroupSchema).optional(),
    load: z.array(loadSchema).optional(),
    timeline: z.array(timelineEntrySchema).optional(),
    queues: z.array(queueSchema).optional(),
  }),
});

export type ScenarioDoc = z.infer<typeof scenarioDocSchema>;
export type NodeGroupDoc = z.infer<typeof nodeGroupSchema>;
export type LoadDoc = z.infer<typeof loadSchema>;
export type TimelineEntryDoc = z.infer<typeof timelineEntrySchema>;
export type QueueDoc = z.infer<typeof queueSchema>;
