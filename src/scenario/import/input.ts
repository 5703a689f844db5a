/**
 * The door of the cluster import: kubectl output (`-o yaml` or `-o json`, a List or single objects,
 * several documents) checked with zod before anything is translated. Bounded: the text, the item
 * count and each name's length; errors name the document and item ("document 1, items[12]: …").
 */
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import '../zodConfig';
import { fastParseAll, Unsupported } from './fastYaml';

export const MAX_INPUT_CHARS = 64 * 1024 * 1024;
export const MAX_ITEMS = 100_000;

export interface ImportError {
  /** 1-based document number in the pasted text, and the item index inside a List. */
  document: number;
  item?: number;
  /** Line in the text when the YAML/JSON parser knows it. */
  line?: number;
  message: string;
}

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

function issueText(issues: z.core.$ZodIssue[]): string {
  const i = issues[0];
  const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return path ? `${path}: ${i.message}` : i.message;
}

/** JSON parses far faster than YAML for big Lists; JSON text goes straight to JSON.parse. */
function documentsOf(text: string): { values: unknown[]; errors: ImportError[] } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { values: [JSON.parse(text) as unknown], errors: [] };
    } catch (err) {
      const m = /position (\d+)/.exec((err as Error).message);
      const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
      return { values: [], errors: [{ document: 1, line, message: `not valid JSON: ${(err as Error).message}` }] };
    }
  }
  try {
    return { values: fastParseAll(text), errors: [] };
  } catch (err) {
    // Outside kubectl's YAML subset (or broken): the full parser decides, and locates errors.
    if (!(err instanceof Unsupported)) throw err;
  }
  const values: unknown[] = [];
  const errors: ImportError[] = [];
  parseAllDocuments(text, { prettyErrors: false }).forEach((doc, i) => {
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      errors.push({ document: i + 1, line: text.slice(0, e.pos[0]).split('\n').length, message: `not valid YAML: ${e.message.split('\n')[0]}` });
      return;
    }
    const v: unknown = doc.toJS({ maxAliasCount: 100 });
    if (v !== null && v !== undefined) values.push(v);
  });
  return { values, errors };
}

export function parseKubectlOutput(text: string): ParsedInput {
  if (text.length > MAX_INPUT_CHARS) {
    return { items: [], errors: [{ document: 1, message: `the text is ${(text.length / 1048576).toFixed(1)} MB; at most ${MAX_INPUT_CHARS / 1048576} MB can be imported` }] };
  }
  if (text.trim() === '') return { items: [], errors: [{ document: 1, message: 'nothing to import: paste the output of kubectl get … -o yaml' }] };
  const { values, errors } = documentsOf(text);
  const items: KubeItem[] = [];
  values.forEach((value, d) => {
    const document = d + 1;
    const v = value as { kind?: unknown; items?: unknown } | null;
    if (v !== null && typeof v === 'object' && Array.isArray(v.items) && v.kind === undefined) {
      // kubectl prints `kind: List` after the items: without it the paste was most likely cut off.
      errors.push({ document, message: `a list of ${v.items.length} items without \`kind: List\` after them: the text looks cut off (copy the whole output)` });
      return;
    }
    const list = listSchema.safeParse(value);
    const candidates = list.success ? list.data.items : [value];
    if (!list.success && value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'List') {
      errors.push({ document, message: `a List: ${issueText(list.error.issues)}` });
      return;
    }
    if (items.length + candidates.length > MAX_ITEMS) {
      errors.push({ document, message: `more than ${MAX_ITEMS} objects; import the cluster in parts` });
      return;
    }
    candidates.forEach((c, i) => {
      const r = itemSchema.safeParse(c);
      if (r.success) items.push(r.data);
      else errors.push({ document, item: list.success ? i : undefined, message: issueText(r.error.issues) });
    });
  });
  return { items, errors };
}

export function formatImportError(e: ImportError): string {
  const where = [`document ${e.document}`, e.item !== undefined ? `items[${e.item}]` : '', e.line !== undefined ? `line ${e.line}` : ''].filter(Boolean).join(', ');
  return `${where}: ${e.message}`;
}

/** `kubectl top pods -A` (or without -A): pod CPU in millicores by "namespace/name". */
export function parseTopPods(text: string): { usage: Map<string, number>; errors: string[] } {
  const usage = new Map<string, number>();
  const errors: string[] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return { usage, errors };
  const header = lines[0].split(/\s+/);
  const cpuCol = header.findIndex((h) => h.startsWith('CPU'));
  const nsCol = header.indexOf('NAMESPACE');
  const nameCol = header.indexOf('NAME');
  if (cpuCol < 0 || nameCol < 0) return { usage, errors: ['kubectl top: the first line must be the header NAMESPACE NAME CPU(cores) MEMORY(bytes)'] };
  lines.slice(1).forEach((line, i) => {
    const cols = line.split(/\s+/);
    const cpu = /^(\d+(?:\.\d+)?)(m?)$/.exec(cols[cpuCol] ?? '');
    if (!cpu) {
      errors.push(`kubectl top line ${i + 2}: cannot read CPU "${cols[cpuCol] ?? ''}"`);
      return;
    }
    const millis = cpu[2] === 'm' ? Number(cpu[1]) : Number(cpu[1]) * 1000;
    usage.set(`${nsCol >= 0 ? cols[nsCol] : 'default'}/${cols[nameCol]}`, millis);
  });
  return { usage, errors };
}
