import type { TraceSample } from '../../sim/trace/trace';
import type { ControllerLog } from '../../sim/core/types';
import type { Explanation } from '../../sim/autoscalers/module';
import { cardFigures, type Figure } from './figures';
import { splitKey, str } from './traceEntries';

/** What one card shows. Built from the newest trace sample plus the engine's explanations. */
export interface AutoscalerCardModel {
  /** "Kind/name", as in the trace. */
  key: string;
  kind: string;
  name: string;
  state: string;
  figures: Figure[];
  /** The controller's own explanations of its latest decisions, newest first. */
  explanations: Explanation[];
  /** When the controller has no `explain` yet: its latest log lines instead. */
  logLines: ControllerLog[];
  /** False for objects no controller decides about (a KEDA queue): the card has no "why". */
  decided: boolean;
}

/**
 * Cards are ordered by what they scale: pods, then nodes. A ScaledObject comes before the HPA KEDA
 * generates for it, since it is the object the person wrote.
 */
const KIND_ORDER = [
  'ScaledObject',
  'Queue',
  'HorizontalPodAutoscaler',
  'VerticalPodAutoscaler',
  'ClusterProportionalAutoscaler',
  'NodePool',
  'ClusterAutoscaler',
];

/** Which controllers' logs tell a kind's story when it has no `explain` of its own. */
const LOG_CONTROLLERS: Record<string, string[]> = {
  VerticalPodAutoscaler: ['vpa-recommender', 'vpa-updater'],
  ScaledObject: ['keda-operator'],
  NodePool: ['karpenter'],
  HorizontalPodAutoscaler: ['horizontal-pod-autoscaler'],
  ClusterAutoscaler: ['cluster-autoscaler'],
  ClusterProportionalAutoscaler: ['cluster-proportional-autoscaler'],
};

/** Explanations about this object: "Kind/name" itself or "Kind/name (detail)". */
export function explanationsFor(key: string, all: readonly Explanation[]): Explanation[] {
  return all.filter((e) => e.object === key || e.object.startsWith(`${key} `));
}

/** The latest `limit` log lines of the given controllers that mention the object (or all, for a cluster-wide controller). */
export function logLinesFor(
  kind: string,
  name: string,
  logs: readonly ControllerLog[],
  limit = 5,
): ControllerLog[] {
  const controllers = LOG_CONTROLLERS[kind] ?? [];
  const clusterWide = kind === 'NodePool' || kind === 'ClusterAutoscaler';
  const out: ControllerLog[] = [];
  for (let i = logs.length - 1; i >= 0 && out.length < limit; i--) {
    const l = logs[i];
    if (!controllers.includes(l.controller)) continue;
    if (!clusterWide && !l.message.includes(name)) continue;
    out.push(l);
  }
  return out.reverse();
}

export function buildCardModels(
  sample: TraceSample | undefined,
  explanations: readonly Explanation[],
  logs: readonly ControllerLog[],
  extraExplanations: (kind: string, name: string) => Explanation[] = () => [],
): AutoscalerCardModel[] {
  if (!sample) return [];
  const rank = (kind: string) => {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return Object.entries(sample.autoscalers)
    .map(([key, entry]): AutoscalerCardModel => {
      const [kind, name] = splitKey(key);
      const own = explanationsFor(key, explanations);
      const mine = own.length > 0 ? own : extraExplanations(kind, name);
      return {
        key,
        kind,
        name,
        state: str(entry.state) ?? '',
        figures: cardFigures(kind, entry),
        explanations: mine,
        logLines: mine.length > 0 ? [] : logLinesFor(kind, name, logs),
        decided: kind !== 'Queue',
      };
    })
    .sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name));
}
