// kubectl's --sort-by, following k8s.io/kubectl pkg/cmd/get/sorter.go (TableSorter, the path the
// default human-readable `kubectl get` takes, and isLess) plus resource.ParseQuantity from
// k8s.io/apimachinery pkg/api/resource/quantity.go for strings that are both quantities.
// TableSorter checks the field even for one row; RuntimeSorter (-o json/yaml/name/jsonpath) skips a
// single object entirely, so there a lone item without the field would not be an error.
import { BINARY_SUFFIX_POWER, DECIMAL_SUFFIX_EXPONENT } from '../core/quantity';
import { findResults } from './jsonPathEval';
import { GoNum, INVALID, LimitExceeded, compareGoStrings, goTypeName, isInt64 } from './jsonPathGo';
import {
  MAX_TEMPLATE_LENGTH,
  TOO_LONG,
  parseTemplate,
  relaxedJsonPathExpression,
  type JsonPathError,
} from './jsonPathParse';

type Key = { present: false } | { present: true; value: unknown; quantity?: bigint };

/**
 * kubectl's --sort-by: a stable order of `items` (indexes into it) by the field `expr` selects in
 * each item. Items without the field sort first, then nulls, then values. Go's sort.Sort is not
 * stable; ties keep their input order here so that the simulator is deterministic.
 */
export function sortByJsonPath(
  items: readonly unknown[],
  expr: string,
): { ok: true; order: number[] } | JsonPathError {
  try {
    return sortUnguarded(items, expr);
  } catch (e) {
    if (e instanceof LimitExceeded) return { ok: false, error: e.message };
    return { ok: false, error: `sorting error: ${String(e)}` };
  }
}

function sortUnguarded(
  items: readonly unknown[],
  expr: string,
): { ok: true; order: number[] } | JsonPathError {
  if (expr.length > MAX_TEMPLATE_LENGTH) return { ok: false, error: TOO_LONG };
  // NewRuntimeSorter falls back to the raw flag when it is not a relaxed path.
  const field = relaxedJsonPathExpression(expr) ?? expr;
  const parsed = parseTemplate(field);
  if (!parsed.ok) return { ok: false, error: `sorting error: ${parsed.error}` };

  const keys: Key[] = [];
  for (const item of items) {
    const found = findResults(parsed.nodes, item);
    if (!found.ok) {
      return {
        ok: false,
        error: `Failed to get values for [][]reflect.Value(nil) using ${field} (&errors.errorString{s:${goQuote(found.error)}})`,
      };
    }
    const first = found.results[0];
    keys.push(first && first.length > 0 ? { present: true, value: first[0] } : { present: false });
  }
  if (items.length > 0 && !keys.some((k) => k.present)) {
    return { ok: false, error: `couldn't find any field with path ${goQuote(field)} in the list of objects` };
  }

  const problem = unsortable(keys);
  // kubectl exits via klog.Exitf with this text (the %T is TableSorter's parsedRows).
  if (problem)
    return {
      ok: false,
      error: `Field ${field} in [][][]reflect.Value is an unsortable type: interface, err: ${problem}`,
    };

  for (const k of keys) if (k.present && typeof k.value === 'string') k.quantity = parseQuantity(k.value);

  const order = items.map((_, i) => i);
  order.sort((a, b) => compareKeys(keys[a], keys[b]) || a - b);
  return { ok: true, order };
}

const rank = (k: Key) => (!k.present ? 0 : k.value === null || k.value === INVALID ? 1 : 2);

function compareKeys(a: Key, b: Key): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb || ra < 2 || !a.present || !b.present) return ra - rb;
  if (typeof a.value === 'string' && typeof b.value === 'string') {
    // isLess: when both strings parse as quantities they compare by amount ("100m" < "0.5" < "2").
    if (a.quantity !== undefined && b.quantity !== undefined)
      return a.quantity < b.quantity ? -1 : a.quantity > b.quantity ? 1 : 0;
    return compareGoStrings(a.value, b.value);
  }
  const x = a.value instanceof GoNum ? a.value.value : (a.value as number);
  const y = b.value instanceof GoNum ? b.value.value : (b.value as number);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The Go dynamic type isLess switches on, or undefined when it cannot order that type at all. */
function sortType(v: unknown): string | undefined {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isInt64(v) ? 'int64' : 'float64';
  if (v instanceof GoNum) return v.type;
  return undefined;
}

/**
 * isLess errors when the first value's type is unorderable (bool, map, list) or when two values'
 * Go types differ (int64 vs float64 vs string). Which pair Go compares first depends on its sort
 * algorithm; here the first non-null value is checked against every other one.
 */
function unsortable(keys: Key[]): string | undefined {
  const values: unknown[] = [];
  for (const k of keys) if (k.present && k.value !== null && k.value !== INVALID) values.push(k.value);
  if (values.length < 2) return undefined;
  const t0 = sortType(values[0]);
  if (t0 === undefined) return `unsortable type: ${goTypeName(values[0])}`;
  for (const v of values) if (sortType(v) !== t0) return 'unsortable interface: interface';
  return undefined;
}

/** Go's %q for the messages above. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const short: Record<string, string> = {
      '"': '\\"',
      '\\': '\\\\',
      '\x07': '\\a',
      '\b': '\\b',
      '\f': '\\f',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      '\v': '\\v',
    };
    if (ch in short) out += short[ch];
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) out += ch;
    else
      out += c > 0xffff ? `\\U${c.toString(16).padStart(8, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** An exponent bound of ours: `1e99999` stays a plain string instead of a huge BigInt. */
const MAX_EXPONENT = 1000;
const NANO = 10n ** 9n;
const BINARY_CAP = (2n ** 63n - 1n) * NANO;

/**
 * resource.ParseQuantity's value in nano-units (upstream rounds finer amounts up to 1n and caps
 * binary-suffixed ones at 2^63-1), or undefined when the string is not a quantity.
 */
export function parseQuantity(str: string): bigint | undefined {
  if (str === '') return undefined;
  const m = /^([+-]?)0*([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(str);
  if (!m) return undefined;
  const [, sign, num, denom = '', suffix] = m;
  // Upstream's scanner stops at the first character outside the suffix alphabet and then accepts
  // only a signed run of digits, so `[eE...]*[-+]?[0-9]*` above is exactly what it admits.
  let exp10 = 0;
  let exp2 = 0;
  if (Object.hasOwn(DECIMAL_SUFFIX_EXPONENT, suffix)) exp10 = DECIMAL_SUFFIX_EXPONENT[suffix];
  else if (Object.hasOwn(BINARY_SUFFIX_POWER, suffix)) exp2 = BINARY_SUFFIX_POWER[suffix] * 10;
  else if (
    suffix.length > 1 &&
    (suffix[0] === 'e' || suffix[0] === 'E') &&
    /^[+-]?[0-9]+$/.test(suffix.slice(1))
  ) {
    exp10 = Number(suffix.slice(1));
    if (Math.abs(exp10) > MAX_EXPONENT) return undefined;
  } else return undefined;

  let amount = BigInt(`${num}${denom}` || '0') * 2n ** BigInt(exp2);
  const shift = exp10 - denom.length + 9;
  if (shift >= 0) amount *= 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    amount = (amount + div - 1n) / div;
  }
  if (exp2 > 0 && amount > BINARY_CAP) amount = BINARY_CAP;
  return sign === '-' ? -amount : amount;
}
