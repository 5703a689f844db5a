import { describe, it, expect } from 'vitest';
import {
  deleteNodes,
  increaseSize,
  renderAwsCliTable,
  renderDescribeAsgTable,
  updateAutoScalingGroup,
  type AutoScalingGroup,
} from './asg';

const ng1: AutoScalingGroup = {
  name: 'eks-ng1-44c41109-daa3-134b-8f2d-6a2d8c2b7a10',
  minSize: 3,
  maxSize: 6,
  desiredCapacity: 3,
  instanceTypes: ['t3.medium'],
  tags: { 'eks:cluster-name': 'eksworkshop', 'k8s.io/cluster-autoscaler/enabled': 'true' },
};

describe('increaseSize', () => {
  it('raises desired within max', () => {
    expect(increaseSize(ng1, 2).asg.desiredCapacity).toBe(5);
    expect(increaseSize(ng1, 3).asg.desiredCapacity).toBe(6);
  });
  it('rejects current + delta > max without a partial increase (vector ca-asg-increase-over-max)', () => {
    const r = increaseSize({ ...ng1, minSize: 1, maxSize: 5, desiredCapacity: 3 }, 3);
    expect(r.error?.code).toBe('size increase too large');
    expect(r.error?.message).toBe('size increase too large - desired:6 max:5');
    expect(r.asg.desiredCapacity).toBe(3);
  });
  it('rejects a non-positive delta', () => {
    expect(increaseSize(ng1, 0).error?.code).toBe('size increase must be positive');
  });
});

describe('deleteNodes', () => {
  it('refuses at min size (vector ca-asg-delete-at-min)', () => {
    const r = deleteNodes({ ...ng1, minSize: 2, maxSize: 5, desiredCapacity: 2 }, 1);
    expect(r.error?.code).toBe('min size reached');
    expect(r.asg.desiredCapacity).toBe(2);
    expect(r.deleted).toBe(0);
  });
  it('decrements desired, stopping at min', () => {
    const g = { ...ng1, desiredCapacity: 5 };
    expect(deleteNodes(g, 1).asg.desiredCapacity).toBe(4);
    const r = deleteNodes(g, 4);
    expect(r.deleted).toBe(2);
    expect(r.asg.desiredCapacity).toBe(3);
  });
});

describe('updateAutoScalingGroup', () => {
  it('applies the seed command 3 -> 5', () => {
    const r = updateAutoScalingGroup(ng1, { minSize: 5, desiredCapacity: 5, maxSize: 6 });
    expect(r.error).toBeUndefined();
    expect(r.asg).toMatchObject({ minSize: 5, maxSize: 6, desiredCapacity: 5 });
  });
  it('rejects desired outside [min,max] with the AWS text', () => {
    const r = updateAutoScalingGroup(ng1, { desiredCapacity: 7 });
    expect(r.error?.message).toBe(
      'An error occurred (ValidationError) when calling the UpdateAutoScalingGroup operation: ' +
        'Desired capacity:7 must be between the specified min size:3 and max size:6',
    );
    expect(r.asg).toBe(ng1);
  });
  it('rejects min > max', () => {
    const r = updateAutoScalingGroup(ng1, { minSize: 5, maxSize: 3, desiredCapacity: 4 });
    expect(r.error?.message).toContain('Max bound, 3, must be greater than or equal to min bound, 5');
  });
  it('raises desired to a new min and lowers it to a new max when desired is not given', () => {
    expect(updateAutoScalingGroup(ng1, { minSize: 4 }).asg.desiredCapacity).toBe(4);
    const big = { ...ng1, desiredCapacity: 6 };
    expect(updateAutoScalingGroup(big, { maxSize: 4 }).asg.desiredCapacity).toBe(4);
  });
  it('rejects negative and fractional sizes', () => {
    expect(updateAutoScalingGroup(ng1, { minSize: -1 }).error?.code).toBe('ValidationError');
    expect(updateAutoScalingGroup(ng1, { desiredCapacity: 2.5 }).error?.code).toBe('ValidationError');
  });
});

describe('AWS CLI table', () => {
  it('renders the describe-auto-scaling-groups layout', () => {
    const other = { ...ng1, name: 'other', tags: { 'eks:cluster-name': 'someone-else' } };
    const out = renderDescribeAsgTable([ng1, other], 'eksworkshop');
    expect(out).toBe(
      [
        '-----------------------------------------------------------------',
        '|                   DescribeAutoScalingGroups                   |',
        '+------------------------------------------------+----+----+----+',
        '|  eks-ng1-44c41109-daa3-134b-8f2d-6a2d8c2b7a10  |  3 |  6 |  3 |',
        '+------------------------------------------------+----+----+----+',
        '',
      ].join('\n'),
    );
    const lines = out.trimEnd().split('\n');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
  it('widens to the title when the rows are narrow and keeps every line the same width', () => {
    const out = renderAwsCliTable('DescribeAutoScalingGroups', [
      ['a', '1', '2', '1'],
      ['bb', '10', '20', '10'],
    ]);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('-'.repeat(27));
    expect(new Set(lines.map((l) => l.length))).toEqual(new Set([27]));
    expect(lines[1]).toBe('|DescribeAutoScalingGroups|');
  });
  it('matches awscli/table.py column scaling for two groups', () => {
    const out = renderDescribeAsgTable(
      [ng1, { ...ng1, name: 'eks-ng2-x', minSize: 1, maxSize: 10, desiredCapacity: 2 }],
      'eksworkshop',
    );
    expect(out.split('\n').slice(2, 6)).toEqual([
      '+------------------------------------------------+----+-----+----+',
      '|  eks-ng1-44c41109-daa3-134b-8f2d-6a2d8c2b7a10  |  3 |  6  |  3 |',
      '|  eks-ng2-x                                     |  1 |  10 |  2 |',
      '+------------------------------------------------+----+-----+----+',
    ]);
  });
  it('prints nothing for an empty result', () => {
    expect(renderDescribeAsgTable([ng1], 'nope')).toBe('');
  });
});
