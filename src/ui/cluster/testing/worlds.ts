import { createWorld } from '../../../sim/bootstrap';
import { applyCommand } from '../../../sim/commands/apply';
import { step } from '../../../sim/core/step';
import type { World } from '../../../sim/core/types';
import { deployment, scenario } from '../../../sim/testing/fixtures';

/**
 * The seed's nginx scale-out without an autoscaler: 3 × t3.medium, 15 pods of 500m / 512Mi.
 * After `seconds` of sim time nine run and six stay Pending with "Insufficient cpu".
 */
export function nginxWorld(seconds = 30): World {
  const world = createWorld(scenario(), [deployment('nginx', 15, '500m', '512Mi'), deployment('api', 1, '100m', '64Mi')]);
  for (let i = 0; i < seconds; i++) step(world);
  return world;
}

/** nginxWorld plus one node of each interesting state: cordoned, draining, launching. */
export function mixedStateWorld(): World {
  const world = nginxWorld(30);
  const names = [...world.nodes.keys()];
  applyCommand(world, { type: 'cordon', node: names[0] });
  applyCommand(world, { type: 'updateAsg', name: 'ng1', desiredCapacity: 4 });
  step(world);
  return world;
}

/** A fixed identity translation that keeps interpolation values visible in golden files. */
export function keyT(key: string, options?: Record<string, unknown>): string {
  return options ? `${key}${JSON.stringify(options)}` : key;
}
