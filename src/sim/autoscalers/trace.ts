import type { World } from '../core/types';

/** Each autoscaler contributes "Kind/name" → {state, …} entries to every trace sample. */
export type TraceContributor = (world: World) => Record<string, Record<string, unknown>>;

const contributors: TraceContributor[] = [];

export function registerTraceContributor(c: TraceContributor): void {
  if (!contributors.includes(c)) contributors.push(c);
}

export function autoscalerTraceEntries(world: World): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of contributors) Object.assign(out, c(world));
  return out;
}
