/**
 * klog's structured calls, InfoS and ErrorS, as klog v2.130.1 (the version VPA 1.4.2's go.mod
 * pins) writes them after the header: `"Evicting pod" pod="default/hamster-7d9f-x2x5r"`.
 * internal/serialize/keyvalues.go: the message and string values through strconv.Quote; an
 * ObjectRef (klog.KObj, klog.KRef) as its quoted "namespace/name"; errors as their quoted Error();
 * everything else (numbers, booleans, structs, slices) through encoding/json.
 */
import type { CaLogLine } from '../cluster-autoscaler/types';

/** klog.KObj / klog.KRef: "namespace/name", or the bare name of a cluster-scoped object. */
export interface ObjectRef {
  ref: string;
}

/** A value klog hands to encoding/json (its formatAny fallback). */
export interface GoJson {
  json: unknown;
}

export type KlogValue = string | number | boolean | ObjectRef | GoJson;

export function kref(namespace: string, name: string): ObjectRef {
  return { ref: namespace ? `${namespace}/${name}` : name };
}

export function goJson(value: unknown): GoJson {
  return { json: value };
}

/**
 * strconv.Quote for the text the playground logs (printable ASCII): JSON's escaping is the same
 * there. Multi-line strings take klog's `key=<` block form, which no line here needs.
 */
function quote(s: string): string {
  return JSON.stringify(s);
}

/** encoding/json's text: it escapes <, > and & (SetEscapeHTML(true) by default), which JSON.stringify does not. */
export function goJsonText(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function formatValue(v: KlogValue): string {
  if (typeof v === 'string') return quote(v);
  // A float64 prints as encoding/json prints it, the shortest round-trip form: JavaScript's too.
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if ('ref' in v) return quote(v.ref);
  return goJsonText(v.json);
}

function keyValues(kvs: Readonly<Record<string, KlogValue>>): string {
  let out = '';
  for (const [k, v] of Object.entries(kvs)) out += ` ${k}=${formatValue(v)}`;
  return out;
}

/** klog.V(v).InfoS(msg, kvs…) at `source` (file.go:line, as klog's header names it). */
export function infoS(v: number, source: string, msg: string, kvs: Readonly<Record<string, KlogValue>> = {}): CaLogLine {
  return { v, severity: 'I', source, message: quote(msg) + keyValues(kvs) };
}

/** klog.ErrorS(err, msg, kvs…): severity E, printed at any verbosity, the error first as err="…". */
export function errorS(source: string, err: string, msg: string, kvs: Readonly<Record<string, KlogValue>> = {}): CaLogLine {
  return { v: 0, severity: 'E', source, message: quote(msg) + keyValues({ err, ...kvs }) };
}

/** time.Time as encoding/json writes a second-precision UTC time: RFC 3339, "Z". */
export function goJsonTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
