import { z } from 'zod';
import { parseQuantity } from '../sim/core/quantity';
import { parseDuration } from './duration';

/** A duration string ("30m", "1h30m"), checked as Go's time.ParseDuration would. */
export const durationField = z.union([z.string(), z.number()]).superRefine((v, ctx) => {
  const r = parseDuration(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
});

/** A Kubernetes resource quantity ("20m", "1", "512Mi"): string or number, as int-or-string fields are. */
export const quantityField = z.union([z.string(), z.number()]).superRefine((v, ctx) => {
  try {
    if (parseQuantity(v) < 0) ctx.addIssue({ code: 'custom', message: `must be greater than or equal to 0 (got ${String(v)})` });
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

export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
