import { z } from 'zod';
import './zodConfig';
import { CAPACITY, INT32_MAX } from '../sim/core/limits';
import { parseQuantity } from '../sim/core/quantity';
import { parseDuration } from './duration';
import { ownWords } from './ownWords';
import { msg } from '../sim/core/message';

/** A duration string ("30m", "1h30m"), checked as Go's time.ParseDuration would. */
export const durationField = z.union([z.string(), z.number()]).superRefine((v, ctx) => {
  const r = parseDuration(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error, params: { msg: r.msg } });
});

/** A Kubernetes resource quantity ("20m", "1", "512Mi"): string or number, as int-or-string fields are. */
export const quantityField = z.union([z.string(), z.number()]).superRefine((v, ctx) => {
  try {
    // The API server's words for a negative quantity (the value quoted, as it quotes strings).
    const value = JSON.stringify(String(v));
    if (parseQuantity(v) < 0) ctx.addIssue({ code: 'custom', message: `Invalid value: ${value}: must be greater than or equal to 0`, params: { msg: msg('scenarioError.api.atLeast', { value, min: '0' }) } });
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

export const labelsField = z.record(z.string(), z.string());

export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The API server's own wording for an invalid object name. */
export function dnsSubdomainMessage(name: string): string {
  return (
    `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', ` +
    `and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is ` +
    `'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`
  );
}

export const objectName = z.string().superRefine((v, ctx) => {
  if (v === '') ctx.addIssue({ code: 'custom', message: 'Required value: name or generateName is required' });
  else if (v.length > 253 || !DNS1123_SUBDOMAIN.test(v)) ctx.addIssue({ code: 'custom', message: dnsSubdomainMessage(v) });
});

export const nonNegativeInt = z.number().int().min(0);

/** A replica count: int32 in the API, and at most the pods the playground simulates (src/sim/core/limits.ts). */
export const replicaCountField = z
  .number()
  .int()
  .min(0)
  .max(INT32_MAX, ownWords('value out of range: replica counts are int32', msg('scenarioError.schema.int32')))
  .max(CAPACITY.pods, ownWords(`more replicas than the playground simulates (at most ${CAPACITY.pods.toLocaleString('en-US')} pods)`, msg('scenarioError.schema.tooManyPods', { max: CAPACITY.pods.toLocaleString('en-US') })));

/** A node group's size: at most the nodes the playground simulates. */
export const nodeCountField = z
  .number()
  .int()
  .min(0)
  .max(CAPACITY.nodes, ownWords(`more nodes than the playground simulates (at most ${CAPACITY.nodes.toLocaleString('en-US')})`, msg('scenarioError.schema.tooManyNodes', { max: CAPACITY.nodes.toLocaleString('en-US') })));

/** A scenario's duration: at most the playground's horizon. */
export const horizonDurationField = durationField.superRefine((v, ctx) => {
  const r = parseDuration(v);
  const hours = CAPACITY.horizonMs / 3_600_000;
  if (r.ok && r.ms > CAPACITY.horizonMs) ctx.addIssue({ code: 'custom', message: `longer than the playground simulates (at most ${hours}h)`, params: { msg: msg('scenarioError.schema.tooLong', { hours }) } });
});

export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
