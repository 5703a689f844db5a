/**
 * The door of the cluster import: kubectl output (`-o yaml` or `-o json`, a List or single objects,
 * several documents) checked with zod before anything is translated. Bounded: the text, the item
 * count and each name's length; errors name the document and item ("document 1, items[12]: …").
 */
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import '../zodConfig';
import { msg, type Message } from '../../sim/core/message';
import { fastParseDocuments, Unsupported } from './fastYaml';
import { jsonProblem, lineColAt, yamlErrorOffset, yamlProblem, yamlValueProblem, type ParserProblem } from '../parserErrors';

export const MAX_INPUT_CHARS = 64 * 1024 * 1024;
export const MAX_ITEMS = 100_000;

/**
 * A problem with the pasted text: `message` is the English for the CLI and logs, `msg` the same
 * sentence as a locale key (compare.import.error.* and compare.import.issue.*) for the UI.
 */
export interface ImportProblem {
  message: string;
  msg: Message;
}

export interface ImportError extends ImportProblem {
  /** 1-based document number in the pasted text, and the item index inside a List. */
  document: number;
  item?: number;
  /** Line (and column) in the text when the YAML/JSON parser knows it. */
  line?: number;
  col?: number;
  /** The kind a refused item says it is, when it says (the report names it rather than "?"). */
  kind?: string;
}

/** "1 item", "3 items": the English twins count like the locale's plural forms. */
export const plural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

/** The command the import reads, named in its advice. */
const EXPECTED = 'the import needs the output of kubectl get … -o yaml (or -o json)';

const name = z.string().min(1).max(253);
const metadata = z.looseObject({
  name,
  namespace: z.string().max(63).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  ownerReferences: z.array(z.looseObject({ kind: z.string(), name: z.string() })).optional(),
});
/** Every item: a Kubernetes object with apiVersion, kind and a named metadata. */
export const itemSchema = z.looseObject({ apiVersion: z.string().min(1), kind: z.string().min(1).max(100), metadata });
const listSchema = z.looseObject({ kind: z.literal('List'), items: z.array(z.unknown()).max(MAX_ITEMS) });

export type KubeItem = z.infer<typeof itemSchema> & Record<string, unknown>;

export interface ParsedInput {
  items: KubeItem[];
  errors: ImportError[];
}

/**
 * zod's first issue, as zod words it in English ("metadata.name: Invalid input: expected string,
 * received undefined") and as a Message for the codes the item and List schemas can produce.
 */
export function issueProblem(issues: z.core.$ZodIssue[]): ImportProblem {
  const i = issues[0];
  const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  const message = path ? `${path}: ${i.message}` : i.message;
  const what = issueMessage(i);
  return { message, msg: path ? msg('compare.import.at', { where: path, what }) : what };
}

function issueMessage(i: z.core.$ZodIssue): Message {
  if (i.code === 'invalid_type') {
    // zod names the received type in its message only ("received undefined" for a missing field).
    const received = /received (\w+)$/.exec(i.message)?.[1];
    if (received === 'undefined') return msg('compare.import.issue.missing', { expected: i.expected });
    if (received !== undefined) return msg('compare.import.issue.invalidType', { expected: i.expected, received });
  }
  if (i.code === 'too_big' && i.inclusive !== false) {
    if (i.origin === 'string') return msg('compare.import.issue.tooLong', { maximum: Number(i.maximum) });
    if (i.origin === 'array') return msg('compare.import.issue.tooManyItems', { maximum: Number(i.maximum) });
  }
  if (i.code === 'too_small' && i.inclusive !== false && i.origin === 'string') return msg('compare.import.issue.tooShort', { minimum: Number(i.minimum) });
  return msg('compare.import.issue.other', { message: i.message });
}

const HEADER_WORD = /^[A-Z][A-Z0-9_-]*(\([a-z]+\))?$/;

/**
 * The header of a kubectl table ("NAME READY STATUS RESTARTS AGE", "NAMESPACE NAME CPU(cores) …")
 * at the start of `text`: its upper-case columns, or undefined. A plain scalar folds the table's
 * lines into one, so the header ends at the first word that is not a column name (a pod's name).
 */
export function tableHeader(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  if (words[0] !== 'NAME' && words[0] !== 'NAMESPACE') return undefined;
  const end = words.findIndex((w) => !HEADER_WORD.test(w));
  const columns = end < 0 ? words : words.slice(0, end);
  return columns.length >= 2 ? columns.join(' ') : undefined;
}

function tableProblem(header: string): ImportProblem {
  return {
    message: `this looks like kubectl's table output (${header}): ${EXPECTED}; run the same command again with -o yaml`,
    msg: msg('compare.import.error.table', { header }),
  };
}

/** A document that is a string or a number: text pasted by mistake, not kubectl's objects. */
function scalarProblem(value: string | number | boolean): ImportProblem {
  if (typeof value === 'string') {
    const header = tableHeader(value);
    if (header !== undefined) return tableProblem(header);
    return { message: `plain text, not Kubernetes objects: ${EXPECTED}`, msg: msg('compare.import.error.plainText') };
  }
  return { message: `a plain value (${String(value)}), not Kubernetes objects: ${EXPECTED}`, msg: msg('compare.import.error.plainValue', { value: String(value) }) };
}

/**
 * A parser's failure as an import error: where (line and column), why in the reader's language,
 * and the parser's own words quoted (compare.import.error.notJson / notYaml).
 */
function parserError(language: 'JSON' | 'YAML', document: number, p: ParserProblem): ImportError {
  const key = language === 'JSON' ? 'compare.import.error.notJson' : 'compare.import.error.notYaml';
  return {
    document,
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.col !== undefined ? { col: p.col } : {}),
    message: `not valid ${language}: ${p.whyText} (the parser says: "${p.detail}")`,
    msg: msg(key, { why: p.why, error: p.detail }),
  };
}

/** A parsed document; `end` is where its text stops (1-based), computed only when an error names it. */
interface ParsedDocument {
  value: unknown;
  end: () => { line: number; col: number };
}

/** Where the text before `offset` ends, trailing blank lines and spaces left out. */
const endBefore = (text: string, offset: number) => () => lineColAt(text, text.slice(0, offset).trimEnd().length);

/** JSON parses far faster than YAML for big Lists; JSON text goes straight to JSON.parse. */
function documentsOf(text: string): { documents: ParsedDocument[]; errors: ImportError[] } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { documents: [{ value: JSON.parse(text) as unknown, end: endBefore(text, text.length) }], errors: [] };
    } catch (err) {
      return { documents: [], errors: [parserError('JSON', 1, jsonProblem(err, text))] };
    }
  }
  try {
    return { documents: fastParseDocuments(text).map(({ value, end }) => ({ value, end: () => end })), errors: [] };
  } catch (err) {
    // Outside kubectl's YAML subset (or broken): the full parser decides, and locates errors.
    if (!(err instanceof Unsupported)) throw err;
  }
  const documents: ParsedDocument[] = [];
  const errors: ImportError[] = [];
  parseAllDocuments(text, { prettyErrors: false }).forEach((doc, i) => {
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      errors.push(parserError('YAML', i + 1, yamlProblem(e, lineColAt(text, yamlErrorOffset(text, e)))));
      return;
    }
    // Building the values can still fail: an alias with no anchor, or too many aliases (a YAML bomb).
    let v: unknown;
    try {
      v = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      errors.push(parserError('YAML', i + 1, yamlValueProblem(err, doc.range ? lineColAt(text, doc.range[0]) : undefined)));
      return;
    }
    if (v !== null && v !== undefined) documents.push({ value: v, end: endBefore(text, doc.contents?.range[1] ?? doc.range[1]) });
  });
  return { documents, errors };
}

export function parseKubectlOutput(text: string): ParsedInput {
  if (text.length > MAX_INPUT_CHARS) {
    const size = (text.length / 1048576).toFixed(1);
    const max = MAX_INPUT_CHARS / 1048576;
    return { items: [], errors: [{ document: 1, message: `the text is ${size} MB; at most ${max} MB can be imported`, msg: msg('compare.import.error.tooBig', { size, max }) }] };
  }
  if (text.trim() === '') return { items: [], errors: [{ document: 1, message: 'nothing to import: paste the output of kubectl get … -o yaml', msg: msg('compare.import.error.empty') }] };
  // kubectl's table (the likeliest mistake) may not even be YAML: its header line decides first.
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const header = lines[first].trim().split(/\s+/).every((w) => HEADER_WORD.test(w)) ? tableHeader(lines[first]) : undefined;
  if (header !== undefined) return { items: [], errors: [{ document: 1, line: first + 1, ...tableProblem(header) }] };
  const { documents, errors } = documentsOf(text);
  const items: KubeItem[] = [];
  documents.forEach(({ value, end }, d) => {
    const document = d + 1;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      errors.push({ document, ...scalarProblem(value) });
      return;
    }
    const v = value as { kind?: unknown; items?: unknown } | null;
    if (v !== null && typeof v === 'object' && Array.isArray(v.items) && v.kind === undefined) {
      // kubectl prints `kind: List` after the items: without it the paste was most likely cut off.
      const count = v.items.length;
      const message = `a list of ${plural(count, 'item', 'items')} without \`kind: List\` after ${count === 1 ? 'it' : 'them'}: the text looks cut off here (copy the whole output)`;
      errors.push({ document, ...end(), message, msg: msg('compare.import.error.truncatedList', { count }) });
      return;
    }
    const list = listSchema.safeParse(value);
    const candidates = list.success ? list.data.items : [value];
    if (!list.success && value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'List') {
      const problem = issueProblem(list.error.issues);
      errors.push({ document, message: `a List: ${problem.message}`, msg: msg('compare.import.error.badList', { problem: problem.msg }) });
      return;
    }
    if (items.length + candidates.length > MAX_ITEMS) {
      errors.push({ document, message: `more than ${MAX_ITEMS} objects; import the cluster in parts`, msg: msg('compare.import.error.tooMany', { max: MAX_ITEMS }) });
      return;
    }
    candidates.forEach((c, i) => {
      const r = itemSchema.safeParse(c);
      if (r.success) items.push(r.data);
      else {
        const kind = c !== null && typeof c === 'object' && typeof (c as { kind?: unknown }).kind === 'string' ? (c as { kind: string }).kind : undefined;
        errors.push({ document, item: list.success ? i : undefined, ...(kind ? { kind } : {}), ...issueProblem(r.error.issues) });
      }
    });
  });
  return { items, errors };
}

export function formatImportError(e: ImportError): string {
  const where = [`document ${e.document}`, e.item !== undefined ? `items[${e.item}]` : '', e.line !== undefined ? `line ${e.line}` : '', e.col !== undefined ? `column ${e.col}` : ''];
  return `${where.filter(Boolean).join(', ')}: ${e.message}`;
}

/** formatImportError as a Message: "document 1, items[2]: …" in the reader's language. */
export function importErrorMessage(e: ImportError): Message {
  const where = [msg('compare.import.where.document', { document: e.document })];
  if (e.item !== undefined) where.push(msg('compare.import.where.item', { item: e.item }));
  if (e.line !== undefined) where.push(msg('compare.import.where.line', { line: e.line }));
  if (e.col !== undefined) where.push(msg('compare.import.where.column', { col: e.col }));
  return msg('compare.import.at', { where, what: e.msg });
}

/** `kubectl top pods -A` (or without -A): pod CPU in millicores by "namespace/name". */
export function parseTopPods(text: string): { usage: Map<string, number>; errors: ImportProblem[] } {
  const usage = new Map<string, number>();
  const errors: ImportProblem[] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return { usage, errors };
  const header = lines[0].split(/\s+/);
  const cpuCol = header.findIndex((h) => h.startsWith('CPU'));
  const nsCol = header.indexOf('NAMESPACE');
  const nameCol = header.indexOf('NAME');
  if (cpuCol < 0 || nameCol < 0) {
    return { usage, errors: [{ message: 'kubectl top: the first line must be the header NAMESPACE NAME CPU(cores) MEMORY(bytes)', msg: msg('compare.import.error.topHeader') }] };
  }
  lines.slice(1).forEach((line, i) => {
    const cols = line.split(/\s+/);
    const value = cols[cpuCol] ?? '';
    const cpu = /^(\d+(?:\.\d+)?)(m?)$/.exec(value);
    if (!cpu) {
      errors.push({ message: `kubectl top line ${i + 2}: cannot read CPU "${value}"`, msg: msg('compare.import.error.topCpu', { line: i + 2, value }) });
      return;
    }
    const millis = cpu[2] === 'm' ? Number(cpu[1]) : Number(cpu[1]) * 1000;
    usage.set(`${nsCol >= 0 ? cols[nsCol] : 'default'}/${cols[nameCol]}`, millis);
  });
  return { usage, errors };
}
