import { parseAllDocuments } from 'yaml';
import type { Command, ManifestDoc } from '../../sim/core/commands';
import type { ParsedFlags } from './flags';
import { checkYamlLimits } from '../yamlLimits';
import { msg, type Message } from '../../sim/core/message';
import { fail, ok, type ParseOptions, type ParseResult } from './types';

type DocsResult = { ok: true; docs: ManifestDoc[] } | { ok: false; error: string; msg?: Message };

function isManifest(v: unknown): v is ManifestDoc {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A v1 List (what `kubectl get -o yaml` prints) stands for its items. */
function flatten(docs: ManifestDoc[]): ManifestDoc[] {
  return docs.flatMap((d) => (d.kind === 'List' && Array.isArray(d.items) ? d.items.filter(isManifest) : [d]));
}

/** The stdin of `-f -`: YAML text (one or more documents) or documents already parsed. */
export function readStdin(stdin: string | ManifestDoc[], source: string): DocsResult {
  if (Array.isArray(stdin)) return { ok: true, docs: flatten(stdin) };
  const docs: ManifestDoc[] = [];
  const limit = checkYamlLimits(stdin);
  if (limit) return { ok: false, error: `error: error parsing ${source}: line ${limit.position.line} column ${limit.position.col}: ${limit.message}` };
  for (const doc of parseAllDocuments(stdin, { prettyErrors: false })) {
    const first = doc.errors[0];
    if (first) return { ok: false, error: `error: error parsing ${source}: ${first.message.split('\n')[0]}` };
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    if (!isManifest(value)) return { ok: false, error: `error: error parsing ${source}: a manifest must be a mapping, got ${Array.isArray(value) ? 'a list' : typeof value}` };
    docs.push(value);
  }
  return { ok: true, docs: flatten(docs) };
}

/** What kubectl says when it cannot read a -f argument: the playground has no files and no network. */
function unreadable(file: string): DocsResult {
  if (/^https?:\/\//.test(file)) {
    if (file.includes('metrics-server')) {
      return { ok: false, error: `error: unable to read URL "${file}": the playground has no network access (metrics-server is already running in the playground)`, msg: msg('cmd.apply.noNetworkMetrics', { file }) };
    }
    return { ok: false, error: `error: unable to read URL "${file}": the playground has no network access; paste the manifest into the scenario instead`, msg: msg('cmd.apply.noNetwork', { file }) };
  }
  return { ok: false, error: `error: the path "${file}" does not exist` };
}

function filesToDocs(files: readonly string[], options: ParseOptions): DocsResult {
  // The UI hands the content of the file being applied as stdin, whatever its name.
  if (options.stdin !== undefined) return readStdin(options.stdin, files[0] === '-' ? 'STDIN' : `"${files[0]}"`);
  return files[0] === '-' ? { ok: false, error: 'error: no objects passed to apply (stdin is empty)' } : unreadable(files[0]);
}

export function parseApply(flags: ParsedFlags, options: ParseOptions): ParseResult {
  const files = flags.values.get('filename') ?? [];
  if (files.length === 0) return fail('error: must specify one of -f and -k');
  if (flags.args.length > 0) return fail(`error: Unexpected args: [${flags.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
  const read = filesToDocs(files, options);
  if (!read.ok) return fail(read.error, read.msg);
  if (read.docs.length === 0) return fail('error: no objects passed to apply');
  return ok({ type: 'apply', manifests: read.docs });
}

export function parseDeleteFiles(files: readonly string[], namespace: string, options: ParseOptions): ParseResult {
  const read = filesToDocs(files, options);
  if (!read.ok) return fail(read.error, read.msg);
  if (read.docs.length === 0) return fail('error: no objects passed to delete');
  const commands: Command[] = [];
  for (const doc of read.docs) {
    const meta = isManifest(doc.metadata) ? doc.metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    const kind = typeof doc.kind === 'string' ? doc.kind : '';
    if (!name || !kind) return fail('error: unable to decode a document: every object needs kind and metadata.name');
    const ns = typeof meta.namespace === 'string' ? meta.namespace : namespace;
    commands.push({ type: 'delete', kind: kind.toLowerCase(), name, namespace: ns });
  }
  return ok(...commands);
}

