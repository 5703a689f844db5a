import type { z } from 'zod';
import type { PathProblem, PathSegment } from './errors';
import { didYouMean } from './suggest';

/** The parts of a zod 4 schema definition this module reads to find which fields are allowed. */
interface DefView {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): DefView {
  return (schema as unknown as { def: DefView }).def;
}

/** Every schema an input at `path` may be checked against (unions fan out). */
function schemasAt(schema: z.ZodType, path: readonly PathSegment[], depth = 0): z.ZodType[] {
  if (depth > 64) return [];
  const def = defOf(schema);
  const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined) ?? (def.type === 'lazy' ? def.getter?.() : undefined);
  if (inner) return schemasAt(inner, path, depth + 1);
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => schemasAt(o, path, depth + 1));
  if (def.type === 'intersection') return [def.left, def.right].flatMap((s) => (s ? schemasAt(s, path, depth + 1) : []));
  if (path.length === 0) return [schema];
  const [head, ...rest] = path;
  if (def.type === 'object' && def.shape && typeof head === 'string' && head in def.shape) return schemasAt(def.shape[head], rest, depth + 1);
  if (def.type === 'array' && def.element) return schemasAt(def.element, rest, depth + 1);
  if (def.type === 'record' && def.valueType) return schemasAt(def.valueType, rest, depth + 1);
  return [];
}

/** Field names the schema allows for the object at `path`. */
export function allowedFields(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(schema, path)) {
    const def = defOf(s);
    if (def.type === 'object' && def.shape) for (const k of Object.keys(def.shape)) keys.add(k);
  }
  return [...keys];
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `string "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${v}`;
  return typeof v;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function listFields(fields: string[]): string {
  const shown = fields.slice(0, 24).join(', ');
  return fields.length > 24 ? `${shown}, … (${fields.length} in all)` : shown;
}

function unionExpectations(issue: z.core.$ZodIssue): string[] {
  if (issue.code !== 'invalid_union') return [];
  const out = new Set<string>();
  for (const branch of issue.errors) {
    for (const sub of branch) {
      if (sub.code === 'invalid_type') out.add(sub.expected);
      else if (sub.path.length === 0) out.add(sub.message);
    }
  }
  return [...out];
}

/**
 * zod issues → problems with the kubectl-like "what is wrong, what is allowed". `root` is the
 * validated value (to show what was given), `schema` the schema it was checked against.
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, root: unknown): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const given = valueAt(root, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = allowedFields(schema, path);
        for (const key of issue.keys) {
          problems.push({
            path: [...path, key],
            atKey: true,
            message: `unknown field "${key}"${didYouMean(key, allowed)}; allowed fields here: ${listFields(allowed)}`,
          });
        }
        break;
      }
      case 'invalid_type':
        if (given === undefined) problems.push({ path, message: `Required value: expected ${issue.expected}`, atKey: true });
        else problems.push({ path, message: `expected ${issue.expected}, got ${describeValue(given)}` });
        break;
      case 'invalid_value':
        problems.push({
          path,
          message: `Unsupported value: ${JSON.stringify(given)}: supported values: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        });
        break;
      case 'invalid_union': {
        const expected = unionExpectations(issue);
        problems.push({ path, message: `expected ${expected.length > 0 ? expected.join(' or ') : 'another shape'}, got ${describeValue(given)}` });
        break;
      }
      case 'too_small':
      case 'too_big':
      case 'custom':
      default:
        problems.push({ path, message: issue.message });
    }
  }
  return problems;
}
