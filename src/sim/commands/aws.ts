import type { Command } from '../core/commands';
import type { World } from '../core/types';
import { log } from '../core/world';
import { renderAwsCliTable, updateAutoScalingGroup as validateAsgUpdate } from '../cloud/asg';
import { allAsgs, applyAsgToNodeGroup, asgOfNodeGroup, nodeGroupByAsgName } from '../cloud/asgWorld';
import type { CommandResult } from '../core/commands';
import { pushAll } from '../core/arrays';

type UpdateAsg = Extract<Command, { type: 'updateAsg' }>;

const UPDATE_PREFIX = 'An error occurred (ValidationError) when calling the UpdateAutoScalingGroup operation: ';

/**
 * `aws autoscaling update-auto-scaling-group` (and `set-desired-capacity`): the node group is read
 * as its ASG, checked with the AutoScaling API's rules (asg.ts), and written back. The AWS CLI
 * prints nothing on success.
 */
export function updateAutoScalingGroup(world: World, cmd: UpdateAsg): CommandResult {
  const group = nodeGroupByAsgName(world, cmd.name);
  if (!group) {
    return { ok: false, output: `${UPDATE_PREFIX}AutoScalingGroup name not found - AutoScalingGroup '${cmd.name}' not found` };
  }
  const before = asgOfNodeGroup(world, group);
  const change = validateAsgUpdate(before, {
    minSize: cmd.minSize,
    maxSize: cmd.maxSize,
    desiredCapacity: cmd.desiredCapacity,
  });
  if (change.error) return { ok: false, output: change.error.message };
  applyAsgToNodeGroup(group, change.asg);
  const a = change.asg;
  log(
    world,
    'aws-autoscaling',
    `UpdateAutoScalingGroup ${a.name}: MinSize ${before.minSize}→${a.minSize}, MaxSize ${before.maxSize}→${a.maxSize}, DesiredCapacity ${before.desiredCapacity}→${a.desiredCapacity}`,
  );
  return { ok: true, output: '' };
}

/**
 * `aws autoscaling describe-auto-scaling-groups [--auto-scaling-group-names N …] --query … --output table`.
 * The command parser drops the global `--query`/`--output` options, so this always prints the
 * seed's projection: the cluster's groups as name, min, max, desired.
 */
export function describeAutoScalingGroupsView(world: World, args: readonly string[]): CommandResult {
  if (args[0] !== 'autoscaling' || args[1] !== 'describe-auto-scaling-groups') {
    return { ok: false, output: `aws: error: argument operation: Invalid choice: '${args.slice(0, 2).join(' ')}'` };
  }
  const names: string[] = [];
  for (let i = 2; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--auto-scaling-group-names=')) pushAll(names, a.split('=')[1].split(/[ ,]+/));
    else if (a === '--auto-scaling-group-names') {
      while (i + 1 < args.length && !args[i + 1].startsWith('--')) names.push(args[++i]);
    }
  }
  const wanted = names.filter((n) => n !== '');
  const asgs = allAsgs(world).filter(
    (g) => wanted.length === 0 || wanted.some((n) => nodeGroupByAsgName(world, n)?.name === g.tags['eks:nodegroup-name']),
  );
  const rows = asgs
    .filter((g) => g.tags['eks:cluster-name'] === world.clusterName)
    .map((g) => [g.name, String(g.minSize), String(g.maxSize), String(g.desiredCapacity)]);
  return { ok: true, output: renderAwsCliTable('DescribeAutoScalingGroups', rows).replace(/\n$/, '') };
}
