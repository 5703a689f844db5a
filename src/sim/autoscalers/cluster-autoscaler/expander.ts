import { parse as parseYaml } from 'yaml';
import type { ExpanderName } from './flags';
import type { CaLogLine, RandomSource, Resources } from './types';
import { msg, type Message } from '../../core/message';
import { maxOf, minOf } from '../../core/arrays';

export interface ExpansionOption {
  nodeGroup: string;
  nodeCount: number;
  pods: { name: string; requests: Resources }[];
  /** The template node's capacity: least-waste measures waste against capacity, not allocatable. */
  nodeCapacity: Resources;
  pricePerHour?: number;
}

/** Priority expander ConfigMap (`cluster-autoscaler-priority-expander`, key `priorities`). */
export type PriorityConfig = { priority: number; patterns: RegExp[] }[];

export function parsePriorityExpanderConfig(
  text: string,
): { ok: true; config: PriorityConfig } | { ok: false; error: string } {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    return {
      ok: false,
      error: `Can't parse YAML with priorities in the configmap: ${(err as Error).message}`,
    };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return {
      ok: false,
      error: "Can't parse YAML with priorities in the configmap: want a map of priority → list of regexps",
    };
  }
  const config: PriorityConfig = [];
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    const priority = Number(key);
    if (!Number.isInteger(priority)) return { ok: false, error: `priority "${key}" is not an integer` };
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      return { ok: false, error: `priority ${key}: want a list of node group name regexps` };
    }
    try {
      config.push({ priority, patterns: value.map((p) => new RegExp(p)) });
    } catch (err) {
      return { ok: false, error: `priority ${key}: ${(err as Error).message}` };
    }
  }
  return { ok: true, config };
}

export interface ExpanderStep {
  expander: ExpanderName | 'random-fallback';
  kept: string[];
  detail: Message;
}

export interface ExpanderDecision {
  chosen?: ExpansionOption;
  /** least-waste scores by node group, when least-waste ran. */
  wasteScores: Record<string, number>;
  steps: ExpanderStep[];
  logs: CaLogLine[];
}

export interface ExpanderContext {
  rng: RandomSource;
  priorities?: PriorityConfig;
  /** Why the priority ConfigMap was refused: printed each time the expander reloads it (priority.go logConfigWarning). */
  priorityWarning?: CaLogLine;
}

/** least-waste: (capCPU·n − reqCPU)/(capCPU·n) + (capMem·n − reqMem)/(capMem·n); lower is better. */
export function leastWasteScore(option: ExpansionOption): { cpu: number; memory: number; score: number } {
  const reqCpu = option.pods.reduce((s, p) => s + p.requests.cpuMillis, 0);
  const reqMem = option.pods.reduce((s, p) => s + p.requests.memoryMiB, 0);
  const availCpu = option.nodeCapacity.cpuMillis * option.nodeCount;
  const availMem = option.nodeCapacity.memoryMiB * option.nodeCount;
  const cpu = (availCpu - reqCpu) / availCpu;
  const memory = (availMem - reqMem) / availMem;
  return { cpu, memory, score: cpu + memory };
}

function keepBest(
  options: ExpansionOption[],
  value: (o: ExpansionOption) => number,
  lowerIsBetter: boolean,
): ExpansionOption[] {
  const values = options.map(value);
  const best = lowerIsBetter ? minOf(values) : maxOf(values);
  return options.filter((_, i) => values[i] === best);
}

type Filter = (
  options: ExpansionOption[],
  ctx: ExpanderContext,
  out: ExpanderDecision,
) => { kept: ExpansionOption[]; detail: Message };

const FILTERS: Record<Exclude<ExpanderName, 'random'>, Filter> = {
  'least-waste': (options, _ctx, out) => {
    for (const o of options) {
      const w = leastWasteScore(o);
      out.wasteScores[o.nodeGroup] = w.score;
      out.logs.push({
        v: 1,
        severity: 'I',
        source: 'waste.go:56',
        message: `Expanding Node Group ${o.nodeGroup} would waste ${(w.cpu * 100).toFixed(2)}% CPU, ${(w.memory * 100).toFixed(2)}% Memory, ${(w.score * 50).toFixed(2)}% Blended`,
      });
    }
    const kept = keepBest(options, (o) => out.wasteScores[o.nodeGroup], true);
    const detail = options.map((o) => msg('engine.ca.expander.waste', { group: o.nodeGroup, score: out.wasteScores[o.nodeGroup].toFixed(2) }));
    return { kept, detail: msg('engine.ca.expander.list', { items: detail }) };
  },
  'most-pods': (options) => ({
    kept: keepBest(options, (o) => o.pods.length, false),
    detail: msg('engine.ca.expander.list', { items: options.map((o) => msg('engine.ca.expander.pods', { group: o.nodeGroup, count: o.pods.length })) }),
  }),
  'least-nodes': (options) => ({
    kept: keepBest(options, (o) => o.nodeCount, true),
    detail: msg('engine.ca.expander.list', { items: options.map((o) => msg('engine.ca.expander.nodes', { group: o.nodeGroup, count: o.nodeCount })) }),
  }),
  // Simplified: total $/hour of the new nodes. Upstream also weighs pod price and node-size preference.
  price: (options) => {
    const cost = (o: ExpansionOption): number =>
      o.pricePerHour === undefined ? Infinity : o.pricePerHour * o.nodeCount;
    return {
      kept: keepBest(options, cost, true),
      detail: msg('engine.ca.expander.list', { items: options.map((o) => msg('engine.ca.expander.price', { group: o.nodeGroup, price: cost(o).toFixed(4) })) }),
    };
  },
  priority: (options, ctx, out) => {
    if (!ctx.priorities) {
      if (ctx.priorityWarning) out.logs.push(ctx.priorityWarning);
      return { kept: options, detail: msg('engine.ca.expander.noPriorityConfig') };
    }
    let best = -Infinity;
    let kept: ExpansionOption[] = [];
    for (const o of options) {
      const matches = ctx.priorities.filter((p) => p.patterns.some((re) => re.test(o.nodeGroup)));
      if (matches.length === 0) {
        out.logs.push({
          v: 0,
          severity: 'W',
          source: 'priority.go:87',
          message: `Priority expander: node group ${o.nodeGroup} not found in priority expander configuration. The group won't be used.`,
        });
        continue;
      }
      const prio = maxOf(matches.map((m) => m.priority));
      if (prio > best) {
        best = prio;
        kept = [];
      }
      if (prio === best) kept.push(o);
    }
    if (kept.length === 0) {
      out.logs.push({
        v: 0,
        severity: 'W',
        source: 'priority.go:87',
        message: 'Priority expander: no priorities info found for any of the expansion options. No options filtered.',
      });
      return { kept: options, detail: msg('engine.ca.expander.noPriorityMatch') };
    }
    return { kept, detail: msg('engine.ca.expander.highestPriority', { priority: best, groups: kept.map((o) => o.nodeGroup).join(', ') }) };
  },
};

/**
 * The --expander chain: each named filter keeps its best options; when more than one is left at
 * the end, a random choice (seeded rng) decides, as the real chain's random fallback does.
 */
export function chooseExpansionOption(
  options: readonly ExpansionOption[],
  expanders: readonly ExpanderName[],
  ctx: ExpanderContext,
): ExpanderDecision {
  const out: ExpanderDecision = { wasteScores: {}, steps: [], logs: [] };
  let remaining = [...options];
  if (remaining.length === 0) return out;
  for (const name of expanders) {
    if (remaining.length <= 1) break;
    if (name === 'random') break;
    const { kept, detail } = FILTERS[name](remaining, ctx, out);
    remaining = kept;
    out.steps.push({ expander: name, kept: kept.map((o) => o.nodeGroup), detail });
  }
  if (remaining.length > 1) {
    const pick = remaining[Math.min(remaining.length - 1, Math.floor(ctx.rng() * remaining.length))];
    out.steps.push({
      expander: 'random-fallback',
      kept: [pick.nodeGroup],
      detail: msg('engine.ca.expander.tie', { groups: remaining.map((o) => o.nodeGroup).join(', ') }),
    });
    remaining = [pick];
  }
  out.chosen = remaining[0];
  return out;
}
