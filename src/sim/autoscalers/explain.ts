import type { World } from '../core/types';
import { autoscalerModules } from './index';
import type { Explanation } from './module';

/** Every autoscaler's latest decisions, newest first: what the "why" panel shows. */
export function autoscalerExplanations(world: World): Explanation[] {
  return autoscalerModules.flatMap((m) => m.explain?.(world) ?? []).sort((a, b) => b.at - a.at || a.object.localeCompare(b.object));
}
