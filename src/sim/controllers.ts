import type { Controller } from './core/controllers';
import { METRIC_RESOLUTION_MS, scrapeMetrics } from './metrics/metricsServer';
import { autoscalerControllers } from './autoscalers/controllers';

/** Every periodic loop in the engine, in a fixed order (ties on the queue break by this order). */
export const allControllers: readonly Controller[] = [
  { name: 'metrics-server', periodMs: METRIC_RESOLUTION_MS, phaseMs: 0, run: scrapeMetrics },
  ...autoscalerControllers,
];

export const controllersByName: ReadonlyMap<string, Controller> = new Map(allControllers.map((c) => [c.name, c]));
