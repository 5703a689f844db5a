import { msg, type Message } from '../../sim/core/message';
import { plural } from './input';

/** What the import says about itself: nothing is dropped or guessed without a line here. */
export interface ReportLine {
  /** Locale key under compare.import.* with its params; `text` is the English for the CLI. */
  key: string;
  params: Record<string, string | number>;
  text: string;
  /** The whole line as a Message, when it is more than `key` with `params` (a located parse error). */
  msg?: Message;
}

export interface UnmappedObject extends ReportLine {
  kind: string;
  namespace?: string;
  name: string;
}

export interface ImportReport {
  unmapped: UnmappedObject[];
  /** Data deliberately left behind (Secrets, ConfigMap data, env values, annotations…), with counts. */
  dropped: ReportLine[];
  /** Guesses the scenario rests on (sizes, load), to be checked and edited. */
  assumptions: ReportLine[];
  counts: { items: number; nodes: number; nodeGroups: number; workloads: number; autoscalers: number; pods: number; karpenterNodes: number };
}

export const line = (key: string, params: Record<string, string | number>, text: string): ReportLine => ({ key, params, text });

export function newReport(items: number): ImportReport {
  return { unmapped: [], dropped: [], assumptions: [], counts: { items, nodes: 0, nodeGroups: 0, workloads: 0, autoscalers: 0, pods: 0, karpenterNodes: 0 } };
}

/** Tally drops by key, so 300 containers with env values make one line, not 300. */
export class DropTally {
  private counts = new Map<string, { n: number; text: (n: number) => string }>();
  add(key: string, text: (n: number) => string, n = 1): void {
    const c = this.counts.get(key);
    if (c) c.n += n;
    else this.counts.set(key, { n, text });
  }
  lines(): ReportLine[] {
    return [...this.counts.entries()].map(([key, c]) => line(key, { count: c.n }, c.text(c.n)));
  }
}

/** "3 nodes in 2 node groups, 1 workload, …": each count a nested Message, so each gets its plural form. */
export function countsMessage(c: ImportReport['counts']): Message {
  return msg('compare.import.counts', {
    nodes: msg('compare.import.count.nodes', { count: c.nodes }),
    nodeGroups: msg('compare.import.count.nodeGroups', { count: c.nodeGroups }),
    workloads: msg('compare.import.count.workloads', { count: c.workloads }),
    autoscalers: msg('compare.import.count.autoscalers', { count: c.autoscalers }),
    pods: msg('compare.import.count.pods', { count: c.pods }),
    items: msg('compare.import.count.items', { count: c.items }),
  });
}

export function formatReport(r: ImportReport): string {
  const out: string[] = [];
  const c = r.counts;
  const n = (count: number, word: string) => plural(count, word, `${word}s`);
  out.push(`imported ${n(c.nodes, 'node')} into ${n(c.nodeGroups, 'node group')}, ${n(c.workloads, 'workload')}, ${n(c.autoscalers, 'autoscaler')} (${n(c.items, 'object')} read, ${n(c.pods, 'pod')})`);
  if (r.unmapped.length > 0) {
    out.push(`not mapped (${r.unmapped.length}):`);
    for (const u of r.unmapped) out.push(`  ${u.kind} ${u.namespace ? `${u.namespace}/` : ''}${u.name}: ${u.text}`);
  }
  if (r.dropped.length > 0) {
    out.push('dropped on purpose:');
    for (const d of r.dropped) out.push(`  ${d.text}`);
  }
  if (r.assumptions.length > 0) {
    out.push('assumptions (edit the scenario to change them):');
    for (const a of r.assumptions) out.push(`  ${a.text}`);
  }
  return `${out.join('\n')}\n`;
}
