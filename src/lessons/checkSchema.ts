import { z } from 'zod';
import '../scenario/zodConfig';
import { cpuToMillis, memoryToMiB } from '../sim/core/quantity';
import { COMPARE_OPS, type Check, type CheckType, type CompareOp } from '../sim/checks/types';
import type { PathProblem, PathSegment } from '../scenario/errors';
import { durationField, quantityField } from '../scenario/fieldSchemas';
import { parseDuration } from '../scenario/duration';
import { suggestions } from '../scenario/suggest';
import { msg } from '../sim/core/message';
import { issuesToProblems } from '../scenario/zodIssues';

/**
 * A check as a lesson file writes it (docs/lessons.md "Checks"): `type` picks the predicate,
 * comparisons read `op` and `value`. Quantities and durations are strings as in manifests ("400m",
 * "256Mi", "10m"); compileCheck turns them into the engine's units.
 */
const op = z.enum(COMPARE_OPS as [CompareOp, ...CompareOp[]]);
const count = z.number().int().min(0);
const name = z.string().min(1);
const capacityType = z.enum(['on-demand', 'spot']);

const leafSchemas = {
  hpa: z.strictObject({ type: z.literal('hpa'), name, field: z.enum(['currentReplicas', 'desiredReplicas', 'cpuUtilizationPercent']), op, value: z.number().min(0) }),
  deployment: z.strictObject({
    type: z.literal('deployment'),
    name,
    namespace: name.optional(),
    field: z.enum(['replicas', 'ready', 'pending', 'pods']),
    op,
    value: count,
  }),
  nodes: z.strictObject({
    type: z.literal('nodes'),
    nodeGroup: name.optional(),
    nodePool: name.optional(),
    capacityType: capacityType.optional(),
    instanceType: name.optional(),
    ready: z.boolean().optional(),
    op,
    value: count,
  }),
  pods: z.strictObject({ type: z.literal('pods'), phase: z.enum(['Pending', 'Running', 'Ready']), deployment: name.optional(), namespace: name.optional(), op, value: count }),
  event: z.strictObject({
    type: z.literal('event'),
    reason: name,
    kind: name.optional(),
    name: name.optional(),
    namespace: name.optional(),
    eventType: z.enum(['Normal', 'Warning']).optional(),
    message: name.optional(),
  }),
  nodeClaim: z.strictObject({
    type: z.literal('nodeClaim'),
    capacityType: capacityType.optional(),
    nodePool: name.optional(),
    instanceType: name.optional(),
    registered: z.boolean().optional(),
    op: op.optional(),
    value: count.optional(),
  }),
  vpa: z.strictObject({ type: z.literal('vpa'), name, resource: z.enum(['cpu', 'memory']), bound: z.enum(['target', 'lowerBound', 'upperBound']).optional(), op, value: quantityField }),
  scaledObject: z.strictObject({ type: z.literal('scaledObject'), name, active: z.boolean() }),
  queue: z.strictObject({ type: z.literal('queue'), name, field: z.enum(['depth', 'visible', 'inFlight']).optional(), op, value: count }),
  cost: z.strictObject({ type: z.literal('cost'), op, value: z.number().min(0) }),
  time: z.strictObject({ type: z.literal('time'), op, value: durationField }),
  elapsed: z.strictObject({ type: z.literal('elapsed'), op, value: durationField }),
  all: z.strictObject({ type: z.literal('all'), checks: z.array(z.unknown()).min(1) }),
  any: z.strictObject({ type: z.literal('any'), checks: z.array(z.unknown()).min(1) }),
  not: z.strictObject({ type: z.literal('not'), check: z.unknown() }),
} satisfies Record<CheckType, z.ZodType>;

export const CHECK_TYPES = Object.keys(leafSchemas) as CheckType[];

const ms = (v: unknown): number => {
  const r = parseDuration(v);
  return r.ok ? r.ms : 0;
};

/**
 * Validate a check written in a lesson and compile it, or return every problem with its path (the
 * caller positions them in the file). Combinators are validated recursively.
 */
export function compileCheck(raw: unknown, path: PathSegment[]): { check?: Check; problems: PathProblem[] } {
  const types = CHECK_TYPES.join(', ');
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [{ path, message: `expected a check (a map with a "type": ${types})`, msg: msg('lessonError.notACheck', { types }) }] };
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !(type in leafSchemas)) {
    const at = { path: [...path, 'type'], atKey: type === undefined };
    if (typeof type !== 'string') return { problems: [{ ...at, message: `check type missing; supported types: ${types}`, msg: msg('lessonError.checkTypeMissing', { types }) }] };
    const [near] = suggestions(type, CHECK_TYPES);
    return near === undefined
      ? { problems: [{ ...at, message: `check type "${type}"; supported types: ${types}`, msg: msg('lessonError.checkType', { type, types }) }] }
      : { problems: [{ ...at, message: `check type "${type}" (did you mean "${near}"?); supported types: ${types}`, msg: msg('lessonError.checkTypeNear', { type, near, types }) }] };
  }
  const schema = leafSchemas[type as CheckType] as z.ZodType;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { problems: issuesToProblems(parsed.error.issues, schema, raw).map((p) => ({ ...p, path: [...path, ...p.path] })) };
  }
  const v = parsed.data as Record<string, unknown> & { type: CheckType };
  switch (v.type) {
    case 'all':
    case 'any': {
      const inner = (v.checks as unknown[]).map((c, i) => compileCheck(c, [...path, 'checks', i]));
      const problems = inner.flatMap((r) => r.problems);
      if (problems.length > 0) return { problems };
      return { check: { type: v.type, checks: inner.map((r) => r.check!) }, problems };
    }
    case 'not': {
      const inner = compileCheck(v.check, [...path, 'check']);
      return inner.check ? { check: { type: 'not', check: inner.check }, problems: [] } : inner;
    }
    case 'vpa': {
      const value = v.resource === 'cpu' ? cpuToMillis(v.value as string | number) : memoryToMiB(v.value as string | number);
      return { check: { ...(v as object), bound: (v.bound as 'target' | undefined) ?? 'target', value } as Check, problems: [] };
    }
    case 'time':
    case 'elapsed':
      return { check: { type: v.type, op: v.op as CompareOp, value: ms(v.value) }, problems: [] };
    case 'nodeClaim':
      return { check: { ...(v as object), op: (v.op as CompareOp | undefined) ?? '>=', value: (v.value as number | undefined) ?? 1 } as Check, problems: [] };
    case 'queue':
      return { check: { ...(v as object), field: (v.field as string | undefined) ?? 'depth' } as Check, problems: [] };
    default:
      return { check: v as unknown as Check, problems: [] };
  }
}
