import type { z } from 'zod';
import { formatPath, type PathProblem, type PathSegment } from './errors';
import { suggestions } from './suggest';
import { isMessage, msg, type Message } from '../sim/core/message';
import { ownWordsFor } from './ownWords';
import { zodGenericMessage, zodTypeName } from './zodGeneric';

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
  checks?: { _zod?: { def: { format?: unknown } } }[];
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

/** What was given, in English (the CLI's text) and as a Message. */
function describeValue(v: unknown): { text: string; msg: Message } {
  if (v === null || v === undefined) return { text: 'nothing (null)', msg: msg('scenarioError.value.null') };
  if (Array.isArray(v)) return { text: 'a list', msg: msg('scenarioError.value.list') };
  if (typeof v === 'object') return { text: 'a map', msg: msg('scenarioError.value.map') };
  if (typeof v === 'string') {
    const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
    return { text: `string "${shown}"`, msg: msg('scenarioError.value.string', { value: shown }) };
  }
  if (typeof v === 'number' || typeof v === 'boolean') return { text: `${typeof v} ${v}`, msg: msg(`scenarioError.value.${typeof v}`, { value: String(v) }) };
  return { text: typeof v, msg: msg('scenarioError.value.other', { type: typeof v }) };
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function listFields(fields: string[]): { text: string; msg: Message } {
  const shown = fields.slice(0, 24).join(', ');
  if (fields.length <= 24) return { text: shown, msg: msg('scenarioNote.verbatim', { text: shown }) };
  return { text: `${shown}, … (${fields.length} in all)`, msg: msg('scenarioError.schema.fieldsMore', { fields: shown, total: fields.length }) };
}

interface Worded {
  text: string;
  msg: Message;
}

/** "a or b or c" as the CLI prints it, and as nested Messages ("a 또는 b 또는 c"). */
function either(options: Worded[]): Worded {
  if (options.length === 0) return { text: 'another shape', msg: msg('scenarioError.schema.anotherShape') };
  const [first, ...rest] = options;
  return {
    text: options.map((o) => o.text).join(' or '),
    msg: rest.reduce<Message>((acc, o) => msg('scenarioError.schema.or', { a: acc, b: o.msg }), first.msg),
  };
}

/**
 * zod's own message for a check that has none of the playground's words: in the reader's language
 * where zod worded it (zodGeneric.ts), else quoted in a sentence that says what kind of check failed.
 */
function zodWords(issue: z.core.$ZodIssue): Message {
  const generic = zodGenericMessage(issue);
  if (generic) return generic;
  const kind = issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'invalid_format' ? issue.code : 'other';
  return msg(`scenarioError.zod.${kind}`, { detail: issue.message });
}

/**
 * The Message for an issue in the playground's own words: a custom issue carries it in its params
 * (`params.msg`), a check's fixed message is looked up by its English text (ownWords.ts). Custom
 * issues without one are worded as the API server or Go word theirs and stay as written.
 */
function ownMessage(issue: z.core.$ZodIssue): Message | undefined {
  const carried = issue.code === 'custom' ? (issue.params as { msg?: unknown } | undefined)?.msg : undefined;
  return isMessage(carried) ? carried : ownWordsFor(issue.message);
}

/** zod's type names as the API server's OpenAPI validation names them. */
const OPENAPI_TYPE: Record<string, string> = { int: 'integer', number: 'number', string: 'string', boolean: 'boolean', array: 'array', object: 'object', record: 'object', map: 'object' };

function openApiTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v;
}

function isIntegerField(schema: z.ZodType, path: readonly PathSegment[]): boolean {
  return schemasAt(schema, path).some((s) => (defOf(s).checks ?? []).some((c) => ['safeint', 'int32'].includes(String(c._zod?.def.format))));
}

/**
 * A value of the wrong type, worded as the API server's OpenAPI validation words it
 * (`spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"`),
 * with the same in the reader's language.
 */
function wrongTypeProblem(schema: z.ZodType, path: PathSegment[], expected: string, given: unknown): PathProblem {
  const field = formatPath(path);
  // zod says "number" for z.number().int() given a string; the API's type is integer.
  const want = expected === 'number' && isIntegerField(schema, path) ? 'integer' : (OPENAPI_TYPE[expected] ?? expected);
  const got = openApiTypeOf(given);
  return { path, message: `Invalid value: "${got}": ${field} in body must be of type ${want}: "${got}"`, msg: msg('scenarioError.api.type', { field, expected: want, given: got }) };
}

/**
 * A number past a bound, worded as apimachinery's validation words it (`Invalid value: -5: must be
 * greater than or equal to 0`); a bound of the playground's own (its capacity) keeps its words
 * after the value. Non-numbers (string lengths, list sizes) return undefined.
 */
function rangeProblem(issue: z.core.$ZodIssue, path: PathSegment[], given: unknown): PathProblem | undefined {
  if ((issue.code !== 'too_small' && issue.code !== 'too_big') || typeof given !== 'number') return undefined;
  const value = String(given);
  const own = ownMessage(issue);
  if (own) return { path, message: `Invalid value: ${value}: ${issue.message}`, msg: msg('scenarioError.api.invalidValue', { value, detail: own }) };
  const inclusive = issue.inclusive !== false;
  if (issue.code === 'too_small') {
    const min = String(issue.minimum);
    const [key, text] = inclusive ? ['atLeast', `must be greater than or equal to ${min}`] : ['above', `must be greater than ${min}`];
    return { path, message: `Invalid value: ${value}: ${text}`, msg: msg(`scenarioError.api.${key}`, { value, min }) };
  }
  const max = String(issue.maximum);
  const [key, text] = inclusive ? ['atMost', `must be less than or equal to ${max}`] : ['below', `must be less than ${max}`];
  return { path, message: `Invalid value: ${value}: ${text}`, msg: msg(`scenarioError.api.${key}`, { value, max }) };
}

function unionExpectations(issue: z.core.$ZodIssue): Worded[] {
  if (issue.code !== 'invalid_union') return [];
  const out = new Map<string, Message>();
  for (const branch of issue.errors) {
    for (const sub of branch) {
      if (sub.code === 'invalid_type') out.set(sub.expected, zodTypeName(sub.expected));
      else if (sub.path.length === 0) out.set(sub.message, ownMessage(sub) ?? zodGenericMessage(sub) ?? msg('scenarioNote.verbatim', { text: sub.message }));
    }
  }
  return [...out].map(([text, m]) => ({ text, msg: m }));
}

/** A key the schema does not have, pointed at the key, with the nearest allowed field and the list. */
export function unknownFieldProblem(path: readonly PathSegment[], key: string, allowed: string[]): PathProblem {
  const fields = listFields(allowed);
  const [near] = suggestions(key, allowed);
  return {
    path: [...path, key],
    atKey: true,
    message: `unknown field "${key}"${near === undefined ? '' : ` (did you mean "${near}"?)`}; allowed fields here: ${fields.text}`,
    msg: near === undefined ? msg('scenarioError.schema.unknownField', { key, allowed: fields.msg }) : msg('scenarioError.schema.unknownFieldNear', { key, near, allowed: fields.msg }),
  };
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
        for (const key of issue.keys) problems.push(unknownFieldProblem(path, key, allowed));
        break;
      }
      case 'invalid_type':
        if (given === undefined) problems.push({ path, message: `Required value: expected ${issue.expected}`, atKey: true, msg: msg('scenarioError.schema.required', { expected: zodTypeName(issue.expected) }) });
        else problems.push(wrongTypeProblem(schema, path, issue.expected, given));
        break;
      case 'invalid_value': {
        // The API server's wording, and the same in the reader's language.
        const shown = { given: String(JSON.stringify(given)), values: issue.values.map((v) => JSON.stringify(v)).join(', ') };
        problems.push({ path, message: `Unsupported value: ${shown.given}: supported values: ${shown.values}`, msg: msg('scenarioError.api.unsupported', shown) });
        break;
      }
      case 'invalid_union': {
        const expected = either(unionExpectations(issue));
        const g = describeValue(given);
        problems.push({ path, message: `expected ${expected.text}, got ${g.text}`, msg: msg('scenarioError.schema.wrongType', { expected: expected.msg, given: g.msg }) });
        break;
      }
      case 'too_small':
      case 'too_big':
      case 'custom':
      default: {
        const range = rangeProblem(issue, path, given);
        if (range) {
          problems.push(range);
          break;
        }
        const own = ownMessage(issue);
        const m = own ?? (issue.code === 'custom' ? undefined : zodWords(issue));
        problems.push({ path, message: issue.message, ...(m ? { msg: m } : {}) });
      }
    }
  }
  return problems;
}
