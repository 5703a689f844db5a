/**
 * What KEDA's scalers would read from the outside world, taken from the sim world: the wall clock
 * (scenario startTime + sim time) for cron, the simulated queues for SQS/RabbitMQ, and the
 * prometheus queries evaluated over the playground's own series. A query that fails becomes a
 * scaler error for its trigger.
 */
import type { World } from '../../core/types';
import { evaluatePromQl } from './promql';
import { withHistory } from './promHistory';
import { worldPromSeries } from './promSeries';
import type { TriggerFacts } from './scalers';
import { kedaState } from './state';
import type { ScaledObject } from './types';

export interface WorldFacts {
  facts: TriggerFacts;
  /** Trigger index → error, for queries that failed. */
  triggerErrors: Record<number, string>;
}

export function wallClockMs(world: World): number {
  return world.startEpochMs + world.timeMs;
}

export function worldFacts(world: World, so: ScaledObject): WorldFacts {
  const queues: NonNullable<TriggerFacts['queues']> = {};
  const state = kedaState(world);
  for (const [name, q] of Object.entries(state.queues)) queues[name] = { visible: q.visible, inFlight: q.inFlight, delayed: 0 };
  const prometheus: Record<string, number> = {};
  const triggerErrors: Record<number, string> = {};
  const promTriggers = so.spec.triggers.map((t, i) => ({ t, i })).filter(({ t }) => t.type === 'prometheus');
  if (promTriggers.length > 0) {
    const series = withHistory(worldPromSeries(world, state.queues), state.promHistory, world.timeMs);
    for (const { t, i } of promTriggers) {
      const query = t.metadata.query ?? '';
      const result = evaluatePromQl(query, series);
      if (!result.ok) triggerErrors[i] = result.error;
      else if (result.value !== undefined) prometheus[query] = result.value;
    }
  }
  return { facts: { nowMs: wallClockMs(world), queues, prometheus }, triggerErrors };
}
