import type { Command } from '../core/commands';
import type { World } from '../core/types';
import { log } from '../core/world';
import type { CommandResult } from './apply';

type UpdateAsg = Extract<Command, { type: 'updateAsg' }>;

/** `aws autoscaling update-auto-scaling-group`, with the validation errors the API returns. */
export function updateAutoScalingGroup(world: World, cmd: UpdateAsg): CommandResult {
  const group = world.nodeGroups.get(cmd.name) ?? world.nodeGroups.get(cmd.name.replace(/^eks-/, ''));
  if (!group) {
    return {
      ok: false,
      output: `An error occurred (ValidationError) when calling the UpdateAutoScalingGroup operation: AutoScalingGroup name not found - null`,
    };
  }
  const min = cmd.minSize ?? group.minSize;
  const max = cmd.maxSize ?? group.maxSize;
  const desired = cmd.desiredCapacity ?? Math.min(max, Math.max(min, group.desiredCapacity));
  const fail = (msg: string): CommandResult => ({
    ok: false,
    output: `An error occurred (ValidationError) when calling the UpdateAutoScalingGroup operation: ${msg}`,
  });
  if (min > max) return fail(`Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`);
  if (desired < min || desired > max) {
    return fail(`Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`);
  }
  group.minSize = min;
  group.maxSize = max;
  group.desiredCapacity = desired;
  log(world, 'aws-autoscaling', `UpdateAutoScalingGroup ${group.name}: min=${min} max=${max} desired=${desired}`);
  return { ok: true, output: '' };
}
