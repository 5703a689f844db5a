import type { ControllerLog, World } from '../core/types';
import { autoscalerExplanations } from '../autoscalers/explain';
import type { Explanation } from '../autoscalers/module';

/**
 * What the Why panel shows of a run: each autoscaler's latest decision in its own words (message
 * keys), then the latest lines of every controller's log. Computed where the run lives, so compare
 * mode's run B (in the engine worker) sends this instead of its world.
 */
export interface WhyView {
  explained: Explanation[];
  groups: { controller: string; lines: ControllerLog[] }[];
}

/** The last `perController` lines of each controller, the controller with the newest line first. */
export function latestByController(logs: readonly ControllerLog[], perController = 4): WhyView['groups'] {
  const by = new Map<string, ControllerLog[]>();
  for (let i = logs.length - 1; i >= 0; i--) {
    const l = logs[i];
    const list = by.get(l.controller) ?? [];
    if (list.length < perController) list.push(l);
    by.set(l.controller, list);
  }
  return [...by.entries()]
    .map(([controller, lines]) => ({ controller, lines: lines.reverse() }))
    .sort((a, b) => b.lines[b.lines.length - 1].t - a.lines[a.lines.length - 1].t);
}

export function whyView(world: World): WhyView {
  return { explained: autoscalerExplanations(world), groups: latestByController(world.logs) };
}
