import type { World } from '../core/types';
import { formatCpu } from '../core/quantity';
import { allKinds, kindByName, notFound } from '../resources/registry';
import { getEvents } from '../views/events';
import { table } from '../views/format';
import type { CommandResult } from './apply';
import { describeAutoScalingGroupsView } from './aws';

interface ViewFlags {
  output: string;
  namespace: string;
  allNamespaces: boolean;
  labelColumns: string[];
  positional: string[];
}

/** Flags arrive as "--name=value" / "-o=fmt" (src/scenario's parser); bare "-o fmt" is accepted too. */
function viewFlags(args: string[]): ViewFlags {
  const flags: ViewFlags = { output: '', namespace: 'default', allNamespaces: false, labelColumns: [], positional: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) {
      flags.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    const value = eq < 0 ? (args[i + 1] ?? '') : a.slice(eq + 1);
    const takesValue = ['-o', '--output', '-n', '--namespace', '-L', '--label-columns'].includes(name);
    if (eq < 0 && takesValue) i++;
    if (name === '-o' || name === '--output') flags.output = value;
    else if (name === '-n' || name === '--namespace') flags.namespace = value;
    else if (name === '-A' || name === '--all-namespaces') flags.allNamespaces = value !== 'false';
    else if (name === '-L' || name === '--label-columns') flags.labelColumns.push(...value.split(','));
  }
  return flags;
}

/** Add a leading column to a kubectl table whose rows follow `values` in order. */
function withColumn(text: string, header: string, values: string[], atEnd = false): string {
  const lines = text.split('\n');
  const cells = [header, ...values];
  const width = Math.max(...cells.map((c) => c.length)) + 3;
  return lines
    .map((line, i) => (atEnd ? `${line.padEnd(Math.max(...lines.map((l) => l.length)) + 3)}${cells[i] ?? ''}`.trimEnd() : `${(cells[i] ?? '').padEnd(width)}${line}`))
    .join('\n');
}

/** Read-only commands: kubectl get/describe/top and aws describe-*. They never change the world. */
export function runView(world: World, args: string[]): CommandResult {
  const [tool, verb] = args;
  if (tool === 'aws') return awsView(world, args.slice(1));
  const flags = viewFlags(args.slice(2));
  if (verb === 'top') return top(world, flags.positional[0], flags);
  if (verb !== 'get' && verb !== 'describe') return { ok: false, output: `error: unknown command "${verb}" for "kubectl"` };
  const rest = flags.positional;
  if (rest.length === 0) return { ok: false, output: `You must specify the type of resource to ${verb}.` };
  let [typeArg, ...names] = rest;
  if (typeArg.includes('/')) [typeArg, ...names] = [typeArg.split('/')[0], typeArg.split('/')[1], ...names];
  if (typeArg === 'events' || typeArg === 'event' || typeArg === 'ev') return { ok: true, output: getEvents(world) };
  if (typeArg === 'all') {
    const parts = ['pods', 'services', 'deployments', 'hpa'].map((t) => kindByName(t)).filter((k) => k !== undefined);
    const blocks = parts
      .map((k) => ({ k, items: k.list(world).filter((o) => flags.allNamespaces || o.namespace === flags.namespace) }))
      .filter((b) => b.items.length > 0)
      .map((b) => b.k.get(world, b.items, ''));
    return { ok: true, output: blocks.join('\n\n') || `No resources found in ${flags.namespace} namespace.` };
  }
  const kind = kindByName(typeArg);
  if (!kind) return { ok: false, output: `error: the server doesn't have a resource type "${typeArg}"` };
  const inScope = (o: { namespace: string }) => !kind.namespaced || flags.allNamespaces || o.namespace === flags.namespace;
  const all = kind.list(world).filter(inScope);
  if (names.length > 0) {
    const missing = names.find((n) => !all.some((o) => o.name === n));
    if (missing) return { ok: false, output: notFound(kind, missing) };
  }
  const items = names.length > 0 ? all.filter((o) => names.includes(o.name)) : all;
  if (verb === 'describe') {
    if (!kind.describe) return { ok: false, output: `error: describe is not supported for ${kind.plural}` };
    return { ok: true, output: items.map((o) => kind.describe!(world, o.name, o.namespace)).join('\n\n\n') };
  }
  if (items.length === 0) {
    return { ok: true, output: kind.namespaced && !flags.allNamespaces ? `No resources found in ${flags.namespace} namespace.` : 'No resources found' };
  }
  let out = kind.get(world, items, flags.output);
  const tabular = flags.output === '' || flags.output === 'wide';
  if (tabular && kind.kind === 'Node') {
    for (const label of flags.labelColumns) {
      out = withColumn(out, label.toUpperCase(), items.map((o) => world.nodes.get(o.name)?.labels[label] ?? ''), true);
    }
  }
  if (tabular && kind.namespaced && flags.allNamespaces) out = withColumn(out, 'NAMESPACE', items.map((o) => o.namespace));
  return { ok: true, output: out };
}

function top(world: World, what: string | undefined, flags: ViewFlags): CommandResult {
  if (what === 'nodes' || what === 'node' || what === 'no') {
    const rows = [...world.nodes.values()]
      .filter((n) => n.state !== 'Launching')
      .map((n) => {
        let cpu = 0;
        let mem = 0;
        for (const p of n.podNames) {
          const m = world.pods.get(p)?.metric;
          if (m) {
            cpu += m.cpuMillis;
            mem += m.memoryMiB;
          }
        }
        return [n.name, `${Math.round(cpu)}m`, `${Math.round((cpu / n.allocatable.cpuMillis) * 100)}%`, `${Math.round(mem)}Mi`, `${Math.round((mem / n.allocatable.memoryMiB) * 100)}%`];
      });
    return { ok: true, output: table(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'], rows) };
  }
  if (what === 'pods' || what === 'pod' || what === 'po' || what === undefined) {
    const rows = [...world.pods.values()].filter((p) => p.metric && (flags.allNamespaces || p.namespace === flags.namespace)).map((p) => [p.name, formatCpu(Math.round(p.metric!.cpuMillis)), `${Math.round(p.metric!.memoryMiB)}Mi`]);
    if (rows.length === 0) return { ok: false, output: 'error: metrics not available yet' };
    return { ok: true, output: table(['NAME', 'CPU(cores)', 'MEMORY(bytes)'], rows) };
  }
  return { ok: false, output: `error: unknown command "${what}" for "kubectl top"` };
}

function awsView(world: World, args: string[]): CommandResult {
  return describeAutoScalingGroupsView(world, args);
}

/** The AWS CLI's --output table layout for a list of rows. */
export function awsTable(title: string, rows: string[][]): string {
  const cols = rows[0]?.length ?? 0;
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r) => r[i].length)) + 2);
  const inner = widths.reduce((a, w) => a + w, 0) + cols - 1;
  const width = Math.max(inner, title.length + 2);
  const pad = width - inner;
  widths[cols - 1] += pad;
  const border = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
  const titleLine = `|${title.padStart(Math.floor((width + title.length) / 2)).padEnd(width)}|`;
  const rowLine = (r: string[]) => `|${r.map((c, i) => ` ${c}`.padEnd(widths[i])).join('|')}|`;
  return [`-${'-'.repeat(width)}-`, titleLine, border, ...rows.map(rowLine), border].join('\n');
}

export const knownKindNames = () => allKinds().map((k) => k.plural);
