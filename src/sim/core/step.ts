import { popDue } from './eventQueue';
import type { World } from './types';
import { runController } from './controllers';
import { controllersByName } from '../controllers';
import { fireLifecycleTimer } from '../lifecycle/apply';
import { taintEviction, drainStep } from '../lifecycle/apply';
import { anyNodeDraining } from '../lifecycle/nodeChanges';
import { syncWorkloads } from '../cluster/workloads';
import { schedulePendingPods } from '../cluster/scheduling/scheduler';
import { reconcileNodeGroups } from '../cloud/nodeGroups';
import { stepLoad } from '../load/loadModel';
import { applyDueCommands } from '../commands/apply';
import { stepFaults } from '../faults/apply';

/**
 * Advance the world by one tick. Order within a tick: the person's commands, then every timer and
 * control loop due by the end of the tick (in time order), then the workload controllers, the
 * node groups and the scheduler react, and finally traffic flows for the tick.
 */
export function step(world: World, dtMs: number = world.tickMs): void {
  const end = world.timeMs + dtMs;
  world.timeMs = end;
  applyDueCommands(world);
  stepFaults(world);
  for (let entry = popDue(world.queue, end); entry; entry = popDue(world.queue, end)) {
    switch (entry.kind) {
      case 'pod':
      case 'node':
        fireLifecycleTimer(world, entry);
        break;
      case 'controller':
        runController(world, controllersByName, entry.key, entry.atMs);
        break;
      case 'taintEviction':
        taintEviction(world, entry.key, entry.epoch);
        break;
    }
  }
  syncWorkloads(world);
  reconcileNodeGroups(world);
  if (anyNodeDraining(world)) for (const node of world.nodes.values()) if (node.state === 'Draining') drainStep(world, node);
  schedulePendingPods(world);
  stepLoad(world, dtMs);
}

export function runUntil(world: World, endMs: number, onTick?: (w: World) => void): void {
  while (world.timeMs < endMs) {
    step(world, Math.min(world.tickMs, endMs - world.timeMs));
    onTick?.(world);
  }
}
