// The Go side of kubectl's JSONPath values: how the decoded object's types print (fmt, encoding/json)
// and order (Go strings compare by UTF-8 bytes). The data is what kubectl hands the engine for
// `kubectl get`: unstructured content, where JSON integers are int64 and other numbers float64
// (k8s.io/apimachinery pkg/util/json convertNumber), so a JS number is int64 when it is an integer
// in range and float64 otherwise.
import { MAX_DEPTH, TOO_DEEP } from './jsonPathParse';
import { goFormatFloat } from '../core/goFormat';

/** Go's zero reflect.Value: what a range over a JSON null (or a nil document) hands its body. */
export const INVALID: unique symbol = Symbol('invalid reflect.Value');
/** A number whose Go type is not the int64/float64 that JSON gives: template literals and string bytes. */
export class GoNum {
  constructor(
    readonly value: number,
    readonly type: 'int' | 'float64' | 'uint8',
  ) {}
}
/** Thrown only past MAX_DEPTH or MAX_WORK; the public entry points turn it into an error result. */
export class LimitExceeded extends Error {}

export type JsonMap = Record<string, unknown>;

export const isMap = (v: unknown): v is JsonMap =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNum);
export const isInt64 = (n: number) => Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63;

/** Go orders strings by UTF-8 bytes, i.e. by code point; UTF-16 order differs only around surrogates. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}
const codePointRank = (u: number) => (u >= 0xd800 && u < 0xe000 ? u + 0x2000 : u >= 0xe000 ? u - 0x800 : u);
const sortedKeys = (m: JsonMap) => Object.keys(m).sort(compareGoStrings);

function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/**
 * The elements `.*` visits. Go ranges a map in random order; sorted keys keep the simulator
 * deterministic (and match the key order json.Marshal prints). Strings yield their bytes, as uint8.
 */
export function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  if (typeof v === 'string') return utf8Bytes(v).map((b) => new GoNum(b, 'uint8'));
  return [];
}

/** reflect.Type names as Go prints them in "… is not array or slice". */
export function goTypeName(v: unknown): string {
  if (v instanceof GoNum) return v.type;
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'number') return isInt64(v) ? 'int64' : 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'interface {}';
}

const formatNumber = (n: number) => (isInt64(n) ? BigInt(n).toString() : goFormatFloat(n));

/** fmt.Fprint of a scalar, as evalToText does it (a JSON null prints "null", a zero Value "<no value>"). */
export function scalarText(v: unknown): string {
  if (v === INVALID || v === undefined) return '<no value>';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (v instanceof GoNum) return v.type === 'float64' ? goFormatFloat(v.value) : BigInt(v.value).toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return typeof v === 'bigint' ? v.toString() : '<no value>';
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** encoding/json string quoting, including its default HTML escaping of <, > and &. */
function jsonQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const u = s.charCodeAt(i);
    if (c in JSON_ESCAPES) out += JSON_ESCAPES[c];
    else if (u < 0x20) out += `\\u00${u.toString(16).padStart(2, '0')}`;
    else if (u >= 0xd800 && u < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += s.slice(i, i + 2);
      i++;
    } else if (u >= 0xd800 && u < 0xe000)
      out += '\ufffd'; // a lone surrogate decodes to U+FFFD in Go
    else out += c;
  }
  return `${out}"`;
}

/** json.Marshal: compact, map keys sorted; JS's number text already matches Go's for float64 and int64. */
export function goJsonMarshal(v: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new LimitExceeded(TOO_DEEP);
  if (typeof v === 'string') return jsonQuote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoNum) return scalarText(v);
  if (Array.isArray(v)) return `[${v.map((x) => goJsonMarshal(x, depth + 1)).join(',')}]`;
  if (isMap(v))
    return `{${sortedKeys(v)
      .map((k) => `${jsonQuote(k)}:${goJsonMarshal(v[k], depth + 1)}`)
      .join(',')}}`;
  return 'null';
}

/** fmt's %v on a decoded value: `map[a:1 b:[x y]]`, `<nil>` for null. */
export function goSprint(v: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new LimitExceeded(TOO_DEEP);
  if (v === null) return '<nil>';
  if (v === INVALID) return '<invalid reflect.Value>';
  if (Array.isArray(v)) return `[${v.map((x) => goSprint(x, depth + 1)).join(' ')}]`;
  if (isMap(v))
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${goSprint(v[k], depth + 1)}`)
      .join(' ')}]`;
  return scalarText(v);
}

/** PrintResults for one action: maps and lists as JSON, the rest as text, joined by single spaces. */
export function printResults(results: unknown[]): string {
  let out = '';
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (i > 0) out += ' ';
    out += typeof r === 'string' ? r : Array.isArray(r) || isMap(r) ? goJsonMarshal(r) : scalarText(r);
  }
  return out;
}
