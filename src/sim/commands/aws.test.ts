import { describe, expect, it } from 'vitest';
import { createWorld } from '../bootstrap';
import { asgNameOf } from '../cloud/asgWorld';
import { nodeGroup, scenario } from '../testing/fixtures';
import { applyCommand } from './apply';
import { runView } from './views';

const world = () => createWorld(scenario({ clusterName: 'eks-workshop', nodeGroups: [nodeGroup()] }), []);

describe('aws autoscaling commands on the node groups', () => {
  it('names each group as EKS names its ASG, stably', () => {
    const w = world();
    const name = asgNameOf(w, w.nodeGroups.get('ng1')!);
    expect(name).toMatch(/^eks-ng1-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(asgNameOf(world(), world().nodeGroups.get('ng1')!)).toBe(name);
    expect(asgNameOf({ clusterName: 'other' }, { name: 'ng1' })).not.toBe(name);
  });

  it('describe-auto-scaling-groups prints the seed table: name, min, max, desired', () => {
    const w = world();
    const out = runView(w, ['aws', 'autoscaling', 'describe-auto-scaling-groups']).output.split('\n');
    expect(out[1]).toMatch(/^\|\s+DescribeAutoScalingGroups\s+\|$/);
    expect(out[3]).toMatch(/^\| {2}eks-ng1-\S+ {2}\| {2}3 \| {2}6 \| {2}3 \|$/);
    expect(out[0].length).toBe(out[3].length);
  });

  it('update-auto-scaling-group changes the group through the AutoScaling API checks', () => {
    const w = world();
    const name = asgNameOf(w, w.nodeGroups.get('ng1')!);
    expect(applyCommand(w, { type: 'updateAsg', name, minSize: 3, desiredCapacity: 5, maxSize: 5 })).toEqual({ ok: true, output: '' });
    expect(w.nodeGroups.get('ng1')).toMatchObject({ minSize: 3, maxSize: 5, desiredCapacity: 5 });
    const tooBig = applyCommand(w, { type: 'updateAsg', name, desiredCapacity: 7 });
    expect(tooBig.output).toBe('An error occurred (ValidationError) when calling the UpdateAutoScalingGroup operation: Desired capacity:7 must be between the specified min size:3 and max size:5');
    const crossed = applyCommand(w, { type: 'updateAsg', name, minSize: 6, maxSize: 4 });
    expect(crossed.output).toContain('Max bound, 4, must be greater than or equal to min bound, 6');
    // A lower max without a desired capacity pulls desired down to it (AWS's documented behaviour).
    expect(applyCommand(w, { type: 'updateAsg', name: 'ng1', maxSize: 4 }).ok).toBe(true);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(4);
    expect(applyCommand(w, { type: 'updateAsg', name: 'eks-nope' }).output).toContain("AutoScalingGroup name not found - AutoScalingGroup 'eks-nope' not found");
  });
});
