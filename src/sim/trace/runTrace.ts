import type { World } from '../core/types';
import { eventsSince } from '../core/world';
import { step } from '../core/step';
import { sampleWorld, type Trace } from './trace';
import { pushAll } from '../core/arrays';

export const SAMPLE_SECONDS = 15;

/** Run a world headless for `durationMs`, sampling every 15 s: the CLI's core, also used by tests. */
export function runTrace(world: World, durationMs: number, opts: { nodes?: boolean; onTick?: (w: World) => void } = {}): Trace {
  const trace: Trace = {
    version: 1,
    scenario: world.scenarioName,
    seed: world.seed,
    durationSeconds: Math.round(durationMs / 1000),
    sampleSeconds: SAMPLE_SECONDS,
    samples: [sampleWorld(world, !!opts.nodes)],
    events: [],
  };
  let seen = world.eventCount;
  let nextSample = SAMPLE_SECONDS * 1000;
  while (world.timeMs < durationMs) {
    step(world, Math.min(world.tickMs, durationMs - world.timeMs));
    opts.onTick?.(world);
    if (world.eventCount !== seen) {
      pushAll(trace.events, eventsSince(world, seen));
      seen = world.eventCount;
    }
    if (world.timeMs >= nextSample) {
      trace.samples.push(sampleWorld(world, !!opts.nodes));
      nextSample += SAMPLE_SECONDS * 1000;
    }
  }
  return trace;
}
