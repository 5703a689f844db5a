import type { World } from '../core/types';
import { formatCpu } from '../core/quantity';
import { allKinds, kindByName, notFound } from '../resources/registry';
import { getEvents } from '../views/events';
import { table } from '../views/format';
import type { CommandResult } from './apply';
import { describeAutoScalingGroupsView } from './aws';

/** Read-only commands: kubectl get/describe/top and aws describe-*. They never change the world. */
export function runView(world: World, args: string[]): CommandResult {
  const [tool, verb] = args;
  if (tool === 'aws') return awsView(world, args.slice(1));
  if (verb === 'top') return top(world, args[2]);
  if (verb !== 'get' && verb !== 'describe') return { ok: false, output: `error: unknown command "${verb}" for "kubectl"` };
  const rest = args.slice(2).filter((a) => !a.startsWith('-'));
  const oIndex = args.findIndex((a) => a === '-o' || a.startsWith('-o=') || a.startsWith('--output'));
  const output = oIndex < 0 ? '' : args[oIndex].includes('=') ? args[oIndex].split('=')[1] : (args[oIndex + 1] ?? '');
  if (output && oIndex >= 0 && !args[oIndex].includes('=')) rest.splice(rest.indexOf(output), 1);
  if (rest.length === 0) return { ok: false, output: `You must specify the type of resource to ${verb}.` };
  let [typeArg, ...names] = rest;
  if (typeArg.includes('/')) [typeArg, ...names] = [typeArg.split('/')[0], typeArg.split('/')[1], ...names];
  if (typeArg === 'events' || typeArg === 'event' || typeArg === 'ev') return { ok: true, output: getEvents(world) };
  if (typeArg === 'all') {
    const parts = ['pods', 'services', 'deployments', 'hpa'].map((t) => kindByName(t)).filter((k) => k !== undefined);
    return { ok: true, output: parts.map((k) => k.get(world, k.list(world), '')).join('\n\n') };
  }
  const kind = kindByName(typeArg);
  if (!kind) return { ok: false, output: `error: the server doesn't have a resource type "${typeArg}"` };
  const all = kind.list(world);
  if (names.length > 0) {
    const missing = names.find((n) => !all.some((o) => o.name === n));
    if (missing) return { ok: false, output: notFound(kind, missing) };
  }
  const items = names.length > 0 ? all.filter((o) => names.includes(o.name)) : all;
  if (verb === 'describe') {
    if (!kind.describe) return { ok: false, output: `error: describe is not supported for ${kind.plural}` };
    return { ok: true, output: items.map((o) => kind.describe!(world, o.name, o.namespace)).join('\n\n\n') };
  }
  if (items.length === 0) return { ok: true, output: kind.namespaced ? 'No resources found in default namespace.' : 'No resources found' };
  return { ok: true, output: kind.get(world, items, output) };
}

function top(world: World, what: string | undefined): CommandResult {
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
    const rows = [...world.pods.values()].filter((p) => p.metric).map((p) => [p.name, formatCpu(Math.round(p.metric!.cpuMillis)), `${Math.round(p.metric!.memoryMiB)}Mi`]);
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
