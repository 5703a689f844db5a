import { parse as parseYaml, stringify } from 'yaml';
import type { World } from '../core/types';
import { msg, type Message } from '../core/message';
import type { ResourceKind } from '../resources/registry';
import { table } from '../views/format';
import { executeJsonPath, findJsonPathValues, printJsonPathValue, sortByJsonPath } from './jsonPath';

/**
 * kubectl get's printers for whole objects: -o yaml, -o json, -o jsonpath=…, -o custom-columns=…,
 * and --sort-by. kubectl reads objects as unstructured JSON, so keys print sorted at every level;
 * more than one object, or a list query, prints as a v1 List (k8s.io/cli-runtime printers,
 * kubectl/pkg/cmd/get/get.go).
 */

type Obj = Record<string, unknown>;

export type OutputFormat =
  | { type: 'table'; wide: boolean }
  | { type: 'name' }
  | { type: 'yaml' }
  | { type: 'json' }
  | { type: 'jsonpath'; template: string }
  | { type: 'custom-columns'; spec: string };

export type Failure = { ok: false; output: string; msg?: Message };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
/** Formats kubectl has that read files or Go templates: real, but not simulated here. */
const NOT_SIMULATED = new Set(['custom-columns-file', 'go-template', 'go-template-file', 'jsonpath-as-json', 'jsonpath-file', 'template', 'templatefile']);

/** The value of -o: a printer kubectl knows, or kubectl's own error. */
export function parseOutputFormat(value: string | undefined): { ok: true; format: OutputFormat } | Failure {
  const v = value ?? '';
  if (v === '' || v === 'wide') return { ok: true, format: { type: 'table', wide: v === 'wide' } };
  if (v === 'name' || v === 'yaml' || v === 'json') return { ok: true, format: { type: v } };
  const eq = v.indexOf('=');
  const name = eq < 0 ? v : v.slice(0, eq);
  const arg = eq < 0 ? '' : v.slice(eq + 1);
  if (name === 'jsonpath' || name === 'custom-columns') {
    if (arg === '') {
      const what = name === 'jsonpath' ? 'template format specified' : 'custom-columns format specified';
      return { ok: false, output: `error: ${what} but no ${name === 'jsonpath' ? 'template' : 'custom-columns'} given` };
    }
    return { ok: true, format: name === 'jsonpath' ? { type: 'jsonpath', template: arg } : { type: 'custom-columns', spec: arg } };
  }
  if (NOT_SIMULATED.has(name)) {
    return {
      ok: false,
      output: `error: -o ${name} is not simulated in the playground; use yaml, json, jsonpath=…, custom-columns=…, name or wide`,
      msg: msg('engine.command.outputNotSimulated', { format: name }),
    };
  }
  return { ok: false, output: `error: unable to match a printer suitable for the output format "${v}", allowed formats are: ${ALLOWED}` };
}

export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v === null || typeof v !== 'object') return v;
  const out: Obj = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Obj)[k];
    if (x !== undefined) out[k] = sortKeysDeep(x);
  }
  return out;
}

/**
 * Each item as the API server returns it. Kinds that print their own YAML or JSON (the
 * autoscalers' custom resources) are read back from that text.
 */
export function apiObjectsOf(world: World, kind: ResourceKind, items: readonly { name: string; namespace: string }[]): { ok: true; objects: Obj[] } | Failure {
  const objects: Obj[] = [];
  for (const item of items) {
    if (kind.object) {
      objects.push(sortKeysDeep(kind.object(world, item.name, item.namespace)) as Obj);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = parseYaml(kind.get(world, [item], 'yaml'));
    } catch {
      parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { ok: false, output: `error: -o yaml, json and jsonpath are not simulated for ${kind.plural} in the playground`, msg: msg('engine.command.objectNotSimulated', { kind: kind.plural }) };
    }
    objects.push(sortKeysDeep(parsed) as Obj);
  }
  return { ok: true, objects };
}

function asList(objects: Obj[]): Obj {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

export function toYaml(v: unknown): string {
  const text = stringify(v, { indentSeq: false, lineWidth: 0 });
  // go-yaml quotes strings that would read back as timestamps.
  return text.replace(/: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)$/gm, ': "$1"').trimEnd();
}

/**
 * How many objects -o yaml and -o json print at most. Past that, a list is cut with a note: 5,000 pods
 * are 385,000 lines of YAML and 2 s of work on the page's thread (100 pods: 7,700 lines, ~60 ms).
 */
export const MAX_PRINTED_OBJECTS = 100;

/**
 * `kubectl get … -o yaml|json|jsonpath|custom-columns` over the objects; `single`: one name was asked
 * for; `total`: how many objects the query found (`objects` may hold only the first ones, see
 * objectsToBuild). `omitted`: objects past MAX_PRINTED_OBJECTS that -o yaml/json left out.
 */
function printObjects(objects: Obj[], format: OutputFormat, single: boolean, total = objects.length): { ok: true; text: string; omitted: number } | Failure {
  const cut = isDocument(format) && total > MAX_PRINTED_OBJECTS;
  const r = printAll(cut ? objects.slice(0, MAX_PRINTED_OBJECTS) : objects, format, single);
  return r.ok ? { ...r, omitted: cut ? total - MAX_PRINTED_OBJECTS : 0 } : r;
}

function isDocument(format: OutputFormat): boolean {
  return format.type === 'yaml' || format.type === 'json';
}

/** The items whose objects a printout needs: all of them, except -o yaml/json unsorted, which prints only the first ones. */
function objectsToBuild<T>(items: readonly T[], format: OutputFormat, sorted: boolean): readonly T[] {
  return isDocument(format) && !sorted ? items.slice(0, MAX_PRINTED_OBJECTS) : items;
}

/** The note under a cut printout, in the reader's language. */
export function omittedNote(omitted: number): Message {
  return msg('engine.command.objectsOmitted', { shown: MAX_PRINTED_OBJECTS, omitted });
}

function printAll(objects: Obj[], format: OutputFormat, single: boolean): { ok: true; text: string } | Failure {
  const data = single && objects.length === 1 ? objects[0] : asList(objects);
  switch (format.type) {
    case 'yaml':
      return { ok: true, text: toYaml(data) };
    case 'json':
      return { ok: true, text: JSON.stringify(data, null, 4) };
    case 'jsonpath': {
      const r = executeJsonPath(format.template, data);
      return r.ok ? { ok: true, text: r.text } : { ok: false, output: `error: error parsing jsonpath ${format.template}, ${r.error}` };
    }
    case 'custom-columns':
      return customColumns(objects, format.spec);
    default:
      return { ok: false, output: 'error: not an object format' };
  }
}

/** -o custom-columns=HEADER:JSONPATH,…: one row per object; several matches join with ",", none prints <none>. */
function customColumns(objects: Obj[], spec: string): { ok: true; text: string } | Failure {
  const columns: { header: string; path: string }[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return { ok: false, output: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    columns.push({ header: part.slice(0, colon), path: part.slice(colon + 1) });
  }
  const rows: string[][] = [];
  for (const o of objects) {
    const row: string[] = [];
    for (const c of columns) {
      const found = findJsonPathValues(c.path, o);
      if (!found.ok) return { ok: false, output: `error: ${found.error}` };
      row.push(found.values.length === 0 ? '<none>' : found.values.map((x) => printJsonPathValue(x)).join(','));
    }
    rows.push(row);
  }
  return { ok: true, text: table(columns.map((c) => c.header), rows) };
}

/** The API server's list order: namespace, then name, compared as bytes (not by locale). */
export function byKey(a: { name: string; namespace?: string }, b: { name: string; namespace?: string }): number {
  const na = a.namespace ?? '';
  const nb = b.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * --sort-by and the object formats, as every `kubectl get` view applies them to the items it
 * found: the items reordered (for a table or -o name), or the printout of their objects.
 * `objectsOf` reads the objects of some items; `single`: one name was asked for.
 */
export function applyObjectFormats<T>(
  items: T[],
  format: OutputFormat,
  sortBy: string | undefined,
  single: boolean,
  objectsOf: (items: readonly T[]) => { ok: true; objects: Obj[] } | Failure,
): { ok: true; items: T[]; printed?: { text: string; omitted: number } } | Failure {
  const document = format.type !== 'table' && format.type !== 'name';
  if (sortBy === undefined && !document) return { ok: true, items };
  const read = objectsOf(objectsToBuild(items, format, sortBy !== undefined));
  if (!read.ok) return read;
  let objects = read.objects;
  if (sortBy !== undefined) {
    const sorted = sortItems(items, objects, sortBy);
    if (!sorted.ok) return sorted;
    ({ items, objects } = sorted);
  }
  if (!document) return { ok: true, items };
  const printed = printObjects(objects, format, single, items.length);
  return printed.ok ? { ok: true, items, printed: { text: printed.text, omitted: printed.omitted } } : printed;
}

/** --sort-by=JSONPATH: the items reordered as kubectl's sorter orders their objects. */
function sortItems<T>(items: readonly T[], objects: readonly Obj[], expr: string): { ok: true; items: T[]; objects: Obj[] } | Failure {
  const r = sortByJsonPath(objects, expr);
  if (!r.ok) return { ok: false, output: `error: ${r.error}` };
  return { ok: true, items: r.order.map((i) => items[i]), objects: r.order.map((i) => objects[i]) };
}
