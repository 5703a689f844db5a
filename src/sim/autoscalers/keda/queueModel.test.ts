import { podCpuUsedMilliMs } from '../../cluster/pods';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { QueueSpec } from '../../core/scenario';
import { createWorld } from '../../bootstrap';
import { step } from '../../core/step';
import { deployment, scenario } from '../../testing/fixtures';
import { newQueueState, podThroughput, producerRate, queueDepth, stepQueue } from './queueModel';

function spec(over: Partial<QueueSpec> = {}, consumer: Partial<QueueSpec['consumer']> = {}): QueueSpec {
  return {
    name: 'q',
    type: 'sqs',
    producer: [{ atMs: 0, ratePerSecond: 2.5, rampMs: 0 }],
    consumer: { deployment: 'worker', messagesPerSecondPerPod: 4, concurrencyPerPod: 2, cpuPerMessageMillis: 0, ...consumer },
    initialMessages: 0,
    ...over,
  };
}

describe('producerRate', () => {
  it('holds each step and ramps linearly from the previous rate', () => {
    const profile = [
      { atMs: 0, ratePerSecond: 0, rampMs: 0 },
      { atMs: 60_000, ratePerSecond: 30, rampMs: 30_000 },
      { atMs: 300_000, ratePerSecond: 0, rampMs: 0 },
    ];
    expect(producerRate(profile, 59_000)).toBe(0);
    expect(producerRate(profile, 75_000)).toBe(15);
    expect(producerRate(profile, 90_000)).toBe(30);
    expect(producerRate(profile, 299_000)).toBe(30);
    expect(producerRate(profile, 300_000)).toBe(0);
    expect(producerRate([], 1000)).toBe(0);
  });
});

describe('podThroughput', () => {
  it('is the configured rate unless the CPU per message does not fit the pod', () => {
    expect(podThroughput({ deployment: 'w', messagesPerSecondPerPod: 10, concurrencyPerPod: 1, cpuPerMessageMillis: 0 }, 500)).toBe(10);
    expect(podThroughput({ deployment: 'w', messagesPerSecondPerPod: 10, concurrencyPerPod: 1, cpuPerMessageMillis: 100 }, 500)).toBe(5);
  });
});

describe('stepQueue', () => {
  it('piles messages up with no consumer, whole messages only, ageing the oldest', () => {
    const world = createWorld(scenario({ nodeGroups: [] }), [deployment('worker', 0, '100m', '64Mi')]);
    const q = newQueueState(spec(), 0);
    for (let i = 0; i < 10; i++) {
      world.timeMs += 1000;
      stepQueue(world, q, 1000);
    }
    expect(queueDepth(q)).toBe(25);
    expect(q.visible).toBe(25);
    expect(q.inFlight).toBe(0);
    expect(Number.isInteger(q.visible)).toBe(true);
    expect(q.oldestAgeSeconds).toBe(9);
    expect(q.producedTotal).toBe(25);
  });

  it('drains on Ready pods, with rate × time per message in flight, and burns their CPU', () => {
    const world = createWorld(scenario(), [deployment('worker', 2, '100m', '64Mi')]);
    for (let i = 0; i < 60; i++) step(world);
    const q = newQueueState(spec({ initialMessages: 100 }, { cpuPerMessageMillis: 20 }), world.timeMs);
    const pods = [...world.pods.values()].filter((p) => p.deployment === 'worker');
    expect(pods.every((p) => p.state === 'Ready')).toBe(true);
    const cpuBefore = pods.reduce((a, p) => a + podCpuUsedMilliMs(world, p), 0);
    world.timeMs += 1000;
    stepQueue(world, q, 1000);
    // 2 pods × 4 msg/s: 8 of the 102 gone, every slot busy while a backlog waits.
    expect(q.consumedTotal).toBe(8);
    expect(q.inFlight).toBe(4);
    expect(queueDepth(q)).toBe(102 - 8 + 4);
    expect(pods.reduce((a, p) => a + podCpuUsedMilliMs(world, p), 0) - cpuBefore).toBeCloseTo(8 * 20 * 1000);
    for (let i = 0; i < 40; i++) {
      world.timeMs += 1000;
      stepQueue(world, q, 1000);
    }
    // Below capacity: nothing waits; in flight = 2.5 msg/s × 0.5 s per message ≈ 1 (of 4 slots).
    expect(q.visible).toBe(0);
    expect(q.inFlight).toBeGreaterThanOrEqual(1);
    expect(q.inFlight).toBeLessThanOrEqual(2);
  });

  it('conserves messages: produced = consumed + waiting, for any profile', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.double({ min: 0, max: 50, noNaN: true })), { minLength: 1, maxLength: 5 }), (steps) => {
        const world = createWorld(scenario({ nodeGroups: [], eksDefaults: false }), []);
        const profile = steps.map(([at, rate]) => ({ atMs: at * 1000, ratePerSecond: rate, rampMs: 0 })).sort((a, b) => a.atMs - b.atMs);
        const q = newQueueState(spec({ producer: profile }), 0);
        for (let i = 0; i < 150; i++) {
          world.timeMs += 1000;
          stepQueue(world, q, 1000);
          const waiting = q.batches.reduce((a, b) => a + b.count, 0);
          if (waiting !== q.visible || q.producedTotal !== q.consumedTotal + q.visible) return false;
        }
        return true;
      }),
      { numRuns: 30 },
    );
  });
});
