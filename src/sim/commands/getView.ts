import type { World } from '../core/types';
import { kindByName, notFound, qualifiedName, type ResourceKind } from '../resources/registry';
import { argBool, argValue, argValues, namespaceArg, type ViewArgs, type ViewBlock as Block } from './viewArgs';
import { parseLabelSelector, selectorMatches } from './labelSelector';
import { filterByFields, labelsOf, parseFieldSelector } from './objectFilters';
import { renameFirstColumn, withColumn, withoutHeader } from './tableEdit';
import { eventsView } from './eventsView';
import { nodesWide } from './nodesWide';
import { replicaSetsView } from './replicaSetsView';
import type { CommandResult } from '../core/commands';
import { pushAll } from '../core/arrays';
import { apiObjectsOf, applyObjectFormats, byKey, omittedNote, parseOutputFormat, type Failure } from './objectOutput';

/** What `kubectl get all` lists, of the kinds the playground has. */
const ALL_TYPES = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'hpa'];
const EVENT_NAMES = new Set(['events', 'event', 'ev', 'events.events.k8s.io']);
const REPLICASET_NAMES = new Set(['replicaset', 'replicasets', 'rs', 'replicasets.apps']);

export const WATCH_NOTE = '(watch: the console prints the current state once and does not stream; run the command again to see changes)';

interface Group {
  type: string;
  names: string[];
}

type Groups = { ok: true; groups: Group[]; all: boolean } | { ok: false; error: string };

/** "TYPE[,TYPE] [NAME…]" or "TYPE/NAME …", grouped by type in the order given. */
function resourceGroups(positional: readonly string[], verb: string): Groups {
  if (positional.length === 0) {
    return {
      ok: false,
      error: `You must specify the type of resource to ${verb}. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl ${verb} -h' for help and examples`,
    };
  }
  const groups: Group[] = [];
  if (positional.some((a) => a.includes('/'))) {
    for (const a of positional) {
      const slash = a.indexOf('/');
      if (slash <= 0) return { ok: false, error: "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'" };
      const [type, name] = [a.slice(0, slash), a.slice(slash + 1)];
      const g = groups.find((x) => x.type === type);
      if (g) g.names.push(name);
      else groups.push({ type, names: [name] });
    }
    return { ok: true, groups, all: false };
  }
  const [typeArg, ...names] = positional;
  const types = typeArg.split(',').filter((t) => t !== '');
  const all = types.includes('all');
  for (const t of types.flatMap((x) => (x === 'all' ? ALL_TYPES : [x]))) {
    if (!groups.some((g) => g.type === t)) groups.push({ type: t, names });
  }
  return { ok: true, groups, all };
}

/** A type the engine resolves: a registered kind, or a view the commands layer draws itself. */
type Resolved = { kind: ResourceKind } | { special: 'events' | 'replicasets' };

function resolveType(type: string): Resolved | undefined {
  const t = type.toLowerCase();
  if (EVENT_NAMES.has(t)) return { special: 'events' };
  if (REPLICASET_NAMES.has(t)) return { special: 'replicasets' };
  const kind = kindByName(t);
  return kind ? { kind } : undefined;
}

function labelText(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k]}`).join(',');
}

function kindBlock(world: World, verb: string, kind: ResourceKind, names: string[], v: ViewArgs, prefixed: boolean): Block | string | Failure {
  const ns = namespaceArg(v);
  const allNs = argBool(v, 'all-namespaces');
  const selector = parseLabelSelector(argValue(v, 'selector') ?? '');
  if (!selector.ok) return selector.error;
  const fields = parseFieldSelector(argValue(v, 'field-selector') ?? '');
  if (!fields.ok) return fields.error;
  // The API server lists in key order, namespace then name (byte order, not locale order).
  const inScope = kind.list(world).filter((o) => !kind.namespaced || allNs || o.namespace === ns).sort(byKey);
  const byFields = filterByFields(world, kind, inScope, fields.requirements);
  if (!byFields.ok) return byFields.error;
  const selected = byFields.items.filter((o) => selectorMatches(selector.requirements, labelsOf(world, kind, o.name)));
  const errors = argBool(v, 'ignore-not-found') ? [] : names.filter((n) => !selected.some((o) => o.name === n)).map((n) => notFound(kind, n));
  // Named objects print in the order asked for: kubectl fetches each one.
  let items = names.length > 0 ? names.flatMap((n) => selected.filter((o) => o.name === n)) : selected;
  if (items.length === 0) return { text: '', errors };
  if (verb === 'describe') {
    if (!kind.describe) return `error: describe is not supported for ${kind.plural}`;
    return { text: items.map((o) => kind.describe!(world, o.name, o.namespace)).join('\n\n\n'), errors };
  }
  const parsedFormat = parseOutputFormat(argValue(v, 'output'));
  if (!parsedFormat.ok) return parsedFormat;
  const format = parsedFormat.format;
  const applied = applyObjectFormats(items, format, argValue(v, 'sort-by'), names.length === 1 && !prefixed, (some) => apiObjectsOf(world, kind, some));
  if (!applied.ok) return applied;
  if (applied.printed) return { text: applied.printed.text, errors, omitted: applied.printed.omitted };
  items = applied.items;
  if (format.type === 'name') return { text: items.map((o) => qualifiedName(kind, o.name)).join('\n'), errors };
  const output = format.type === 'table' && format.wide ? 'wide' : '';
  let out = kind.kind === 'Node' && output === 'wide' ? nodesWide(world, kind.get(world, items, ''), items) : kind.get(world, items, output);
  if (!out.startsWith('NAME')) return { text: out, errors };
  for (const label of argValues(v, 'label-columns')) {
    const column = label.split('/').pop()!.toUpperCase();
    out = withColumn(out, column, items.map((o) => labelsOf(world, kind, o.name)[label] ?? ''), true);
  }
  if (argBool(v, 'show-labels')) out = withColumn(out, 'LABELS', items.map((o) => labelText(labelsOf(world, kind, o.name))), true);
  if (prefixed) out = renameFirstColumn(out, (name) => qualifiedName(kind, name));
  if (kind.namespaced && allNs) out = withColumn(out, 'NAMESPACE', items.map((o) => o.namespace));
  return { text: out, errors };
}

/** `kubectl get|describe TYPE[,TYPE…] [NAME…]` with -n/-A, -l, --field-selector, -L, --show-labels, -o, -w. */
export function getOrDescribeView(world: World, verb: 'get' | 'describe', v: ViewArgs): CommandResult {
  const parsed = resourceGroups(v.positional, verb);
  if (!parsed.ok) return { ok: false, output: parsed.error };
  const resolved: { group: Group; r: Resolved }[] = [];
  for (const group of parsed.groups) {
    const r = resolveType(group.type);
    if (!r) return { ok: false, output: `error: the server doesn't have a resource type "${group.type}"` };
    resolved.push({ group, r });
  }
  const distinctKinds = new Set(resolved.map(({ r }) => ('kind' in r ? r.kind.kind : r.special))).size;
  const prefixed = verb === 'get' && (parsed.all || distinctKinds > 1 || argBool(v, 'show-kind'));
  const texts: string[] = [];
  const errors: string[] = [];
  let omitted = 0;
  for (const { group, r } of resolved) {
    let block: Block | string | Failure;
    if ('kind' in r) block = kindBlock(world, verb, r.kind, group.names, v, prefixed);
    else if (r.special === 'events') block = eventsView(world, v, group.names);
    else block = replicaSetsView(world, verb, v, group.names, prefixed);
    if (typeof block === 'string') return { ok: false, output: block };
    if ('ok' in block) return block;
    // Some kinds end their table with a newline; blocks are joined with exactly one blank line.
    const text = block.text.replace(/\n+$/, '');
    if (text !== '') texts.push(text);
    pushAll(errors, block.errors);
    omitted += block.omitted ?? 0;
  }
  const noHeaders = argBool(v, 'no-headers') && verb === 'get';
  const shown = noHeaders ? texts.map((t) => (t.startsWith('NAME') || t.startsWith('LAST SEEN') || t.startsWith('NAMESPACE') ? withoutHeader(t) : t)) : texts;
  const format = argValue(v, 'output') ?? '';
  // Tables are separated by a blank line; -o name (and yaml/json documents) follow one another directly.
  const separator = verb === 'describe' ? '\n\n\n' : format === '' || format === 'wide' ? '\n\n' : '\n';
  let output = shown.join(separator);
  if (output === '' && errors.length === 0) {
    const allNs = argBool(v, 'all-namespaces');
    const namespaced = resolved.some(({ r }) => !('kind' in r) || r.kind.namespaced);
    output = namespaced && !allNs ? `No resources found in ${namespaceArg(v)} namespace.` : 'No resources found';
  }
  if (argBool(v, 'watch') || argBool(v, 'watch-only')) output = `${output}\n${WATCH_NOTE}`;
  // The API server's deprecation warnings reach stderr before the answer; kubectl prints each once.
  const warnings = [...new Set(resolved.flatMap(({ r }) => ('kind' in r && r.kind.warning ? [r.kind.warning] : [])))];
  const all = [...warnings, output, ...errors].filter((s) => s !== '').join('\n');
  return { ok: errors.length === 0, output: all, ...(omitted > 0 ? { note: omittedNote(omitted) } : {}) };
}
