import { describe, expect, it } from 'vitest';
import { binpackingEstimate } from './binpacking';
import { maxOf, minOf, pushAll } from '../../core/arrays';

/** Issue #12 item 3: 200,000 pending pods once overflowed the stack (`limited.push(...pods)`). */
describe('binpacking with 200,000 pending pods', () => {
  it('stops at the limiter without overflowing the stack', () => {
    const pods = Array.from({ length: 200_000 }, (_, i) => ({ name: `p${i}`, requests: { cpuMillis: 500, memoryMiB: 64 } }));
    const template = { allocatable: { cpuMillis: 1000, memoryMiB: 4096, pods: 20 }, capacity: { cpuMillis: 1000, memoryMiB: 4096, pods: 20 } };
    const r = binpackingEstimate(pods, template, [], 10);
    expect(r.nodeCount).toBe(10);
    expect(r.scheduledPods).toHaveLength(20);
    expect(r.limited).toHaveLength(199_980);
  });
});

describe('arrays helpers', () => {
  it('agree with Math.max/min and push on small lists and survive large ones', () => {
    expect(maxOf([])).toBe(Math.max());
    expect(minOf([])).toBe(Math.min());
    expect(maxOf([3, -1, 7])).toBe(7);
    expect(minOf([3, -1, 7])).toBe(-1);
    expect(maxOf([1, NaN])).toBeNaN();
    const big = Array.from({ length: 500_000 }, (_, i) => i);
    expect(maxOf(big)).toBe(499_999);
    expect(pushAll([], big, [1])).toHaveLength(500_001);
  });
});
