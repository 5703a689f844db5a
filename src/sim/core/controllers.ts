import { schedule } from './eventQueue';
import type { World } from './types';

/**
 * A control loop that runs on its own real period (HPA 15 s, CA 10 s, …). Controllers are code,
 * not data: the world stores only their state (under world.autoscalers) and their next run time
 * on the event queue.
 */
export interface Controller {
  name: string;
  periodMs: number;
  /** First run, relative to t=0 (staggers loops that share a period, as real processes do). */
  phaseMs: number;
  run(world: World): void;
}

export function scheduleControllers(world: World, controllers: readonly Controller[]): void {
  for (const c of controllers) {
    schedule(world.queue, { atMs: c.phaseMs, kind: 'controller', key: c.name, epoch: 0, event: 'run' });
  }
}

export function runController(world: World, controllers: ReadonlyMap<string, Controller>, name: string, atMs: number): void {
  const c = controllers.get(name);
  if (!c) return;
  c.run(world);
  schedule(world.queue, { atMs: atMs + c.periodMs, kind: 'controller', key: name, epoch: 0, event: 'run' });
}
