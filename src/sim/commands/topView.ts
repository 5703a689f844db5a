import { byKey } from './objectOutput';
import type { Pod, World } from '../core/types';
import { metricsServerDown } from '../faults/state';
import { table } from '../views/format';
import { argBool, argValue, namespaceArg, type ViewArgs } from './viewArgs';
import { parseLabelSelector, selectorMatches } from './labelSelector';
import { withColumn, withoutHeader } from './tableEdit';
import type { CommandResult } from '../core/commands';

const cores = (millis: number) => `${Math.round(millis)}m`;
const bytes = (mib: number) => `${Math.round(mib)}Mi`;

/**
 * Per-container usage. metrics-server reports containers; the engine meters whole pods, so a pod's
 * usage is shared among its containers in proportion to their requests (equally without requests).
 */
export function containerUsage(pod: Pod): { container: string; cpuMillis: number; memoryMiB: number }[] {
  const m = pod.metric;
  if (!m) return [];
  const cs = pod.spec.containers;
  const cpuTotal = cs.reduce((a, c) => a + c.requests.cpuMillis, 0);
  const memTotal = cs.reduce((a, c) => a + c.requests.memoryMiB, 0);
  return cs.map((c) => ({
    container: c.name,
    cpuMillis: m.cpuMillis * (cpuTotal > 0 ? c.requests.cpuMillis / cpuTotal : 1 / cs.length),
    memoryMiB: m.memoryMiB * (memTotal > 0 ? c.requests.memoryMiB / memTotal : 1 / cs.length),
  }));
}

function sortRows<T>(rows: T[], sortBy: string | undefined, cpu: (r: T) => number, mem: (r: T) => number): string | undefined {
  if (sortBy === undefined) return undefined;
  if (sortBy === 'cpu') rows.sort((a, b) => cpu(b) - cpu(a));
  else if (sortBy === 'memory') rows.sort((a, b) => mem(b) - mem(a));
  else return `error: --sort-by accepts only cpu or memory`;
  return undefined;
}

function topNodes(world: World, v: ViewArgs, names: string[]): CommandResult {
  const selector = parseLabelSelector(argValue(v, 'selector') ?? '');
  if (!selector.ok) return { ok: false, output: selector.error };
  const missing = names.find((n) => !world.nodes.has(n));
  if (missing) return { ok: false, output: `Error from server (NotFound): nodes "${missing}" not found` };
  const nodes = [...world.nodes.values()]
    .filter((n) => n.state !== 'Launching' && (names.length === 0 || names.includes(n.name)) && selectorMatches(selector.requirements, n.labels))
    // metrics-server answers in the API's key order (pkg/api/node.go, pod.go getMetrics).
    .sort(byKey);
  const usage = nodes.map((n) => {
    let cpu = 0;
    let mem = 0;
    for (const p of n.podNames) {
      const m = world.pods.get(p)?.metric;
      if (m) {
        cpu += m.cpuMillis;
        mem += m.memoryMiB;
      }
    }
    return { n, cpu, mem };
  });
  const sortError = sortRows(usage, argValue(v, 'sort-by'), (r) => r.cpu, (r) => r.mem);
  if (sortError) return { ok: false, output: sortError };
  const rows = usage.map(({ n, cpu, mem }) => [n.name, cores(cpu), `${Math.round((cpu / n.allocatable.cpuMillis) * 100)}%`, bytes(mem), `${Math.round((mem / n.allocatable.memoryMiB) * 100)}%`]);
  if (rows.length === 0) return { ok: false, output: 'error: metrics not available yet' };
  const text = table(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'], rows);
  return { ok: true, output: argBool(v, 'no-headers') ? withoutHeader(text) : text };
}

function topPods(world: World, v: ViewArgs, names: string[]): CommandResult {
  const selector = parseLabelSelector(argValue(v, 'selector') ?? '');
  if (!selector.ok) return { ok: false, output: selector.error };
  const allNs = argBool(v, 'all-namespaces');
  const ns = namespaceArg(v);
  const inScope = [...world.pods.values()].filter((p) => p.state !== 'Gone' && (allNs || p.namespace === ns));
  const missing = names.find((n) => !inScope.some((p) => p.name === n));
  if (missing) return { ok: false, output: `Error from server (NotFound): pods "${missing}" not found` };
  const chosen = inScope.filter((p) => (names.length === 0 || names.includes(p.name)) && selectorMatches(selector.requirements, p.labels));
  if (chosen.length === 0) return { ok: false, output: allNs ? 'No resources found' : `No resources found in ${ns} namespace.` };
  // metrics-server sorts its answer by namespace and name (pkg/api/pod.go getMetrics).
  const measured = chosen.filter((p) => p.metric).sort(byKey);
  if (measured.length === 0) return { ok: false, output: 'error: metrics not available yet' };
  const sortError = sortRows(measured, argValue(v, 'sort-by'), (p) => p.metric!.cpuMillis, (p) => p.metric!.memoryMiB);
  if (sortError) return { ok: false, output: sortError };
  let text: string;
  let namespaces: string[];
  if (argBool(v, 'containers')) {
    const rows = measured.flatMap((p) => containerUsage(p).map((c) => ({ p, c })));
    text = table(['POD', 'NAME', 'CPU(cores)', 'MEMORY(bytes)'], rows.map(({ p, c }) => [p.name, c.container, cores(c.cpuMillis), bytes(c.memoryMiB)]));
    namespaces = rows.map(({ p }) => p.namespace);
  } else {
    text = table(['NAME', 'CPU(cores)', 'MEMORY(bytes)'], measured.map((p) => [p.name, cores(p.metric!.cpuMillis), bytes(p.metric!.memoryMiB)]));
    namespaces = measured.map((p) => p.namespace);
  }
  if (allNs) text = withColumn(text, 'NAMESPACE', namespaces);
  return { ok: true, output: argBool(v, 'no-headers') ? withoutHeader(text) : text };
}

/** `kubectl top nodes|pods [NAME…]` from metrics-server's latest samples. */
export function topView(world: World, v: ViewArgs): CommandResult {
  const [what, ...names] = v.positional;
  // kubectl top checks the metrics.k8s.io APIService first; while metrics-server is down it is unavailable.
  if ((what === 'nodes' || what === 'node' || what === 'no' || what === 'pods' || what === 'pod' || what === 'po') && metricsServerDown(world)) {
    return { ok: false, output: 'error: Metrics API not available' };
  }
  if (what === 'nodes' || what === 'node' || what === 'no') return topNodes(world, v, names);
  if (what === 'pods' || what === 'pod' || what === 'po') return topPods(world, v, names);
  if (what === undefined) return { ok: false, output: 'error: Required resource not specified.\nSee \'kubectl top -h\' for help and examples' };
  return { ok: false, output: `error: unknown command "${what}" for "kubectl top"\n\nDid you mean this?\n\tnode\n\tpod` };
}
