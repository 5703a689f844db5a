import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { step } from '../../core/step';
import { caExampleWorld } from './engineFixtures';
import type { FitNode, FitPod } from './fit';
import { RoomBounds, verifyRoomBounds } from './roomBounds';

/**
 * First fit in the removal simulation starts after the nodes known to have no room for the pod's
 * request (roomBounds.ts). With verification on, every skipped node is checked to have no room, so a
 * destination that gains room during a simulation (which the bounds rule out) makes the run throw.
 */
describe('the removal simulation skips only nodes that have no room', () => {
  beforeAll(() => verifyRoomBounds(true));
  afterAll(() => verifyRoomBounds(false));

  it('through the whole scale-out and scale-in of examples/ca-nginx-scaleout.yaml, no skipped node had room', () => {
    const { world, durationMs } = caExampleWorld();
    while (world.timeMs < durationMs) step(world);
    expect(world.timeMs).toBeGreaterThanOrEqual(durationMs);
  });

  const requests = { cpuMillis: 500, memoryMiB: 256 };
  const pod: FitPod = { requests };
  const fitNode = (name: string, usedCpu: number): FitNode => ({
    name,
    allocatable: { cpuMillis: 1000, memoryMiB: 4000, pods: 10 },
    requested: { cpuMillis: usedCpu, memoryMiB: 0, pods: 1 },
  });

  it('starts after the full nodes, keeps that for the request, shifts it when a node leaves, and forgets a failed trial', () => {
    const nodes = [fitNode('a', 900), fitNode('b', 800), fitNode('c', 700), fitNode('d', 100), fitNode('e', 0)];
    const bounds = new RoomBounds();
    bounds.startTrial(-1);
    expect(bounds.startFor(pod, nodes, 0)).toBe(3);
    // A hint further on than the bound is kept.
    expect(bounds.startFor(pod, nodes, 4)).toBe(4);
    bounds.commit();
    // Node b (index 1) leaves: d is now at 2, and the bound follows it.
    const without = [nodes[0], nodes[2], nodes[3], nodes[4]];
    bounds.startTrial(1);
    expect(bounds.startFor(pod, without, 0)).toBe(2);
    // The trial fills d; a failed trial is not committed, so the next trial starts from d again.
    const filled = [nodes[0], nodes[2], fitNode('d', 600), nodes[4]];
    expect(bounds.startFor(pod, filled, 0)).toBe(3);
    bounds.startTrial(1);
    expect(bounds.startFor(pod, without, 0)).toBe(2);
  });

  it('shares a bound between pods that request the same, whatever their request objects', () => {
    const nodes = [fitNode('a', 900), fitNode('b', 800), fitNode('c', 100)];
    const bounds = new RoomBounds();
    bounds.startTrial(-1);
    expect(bounds.startFor(pod, nodes, 0)).toBe(2);
    bounds.commit();
    bounds.startTrial(-1);
    // Another Deployment's pod: its own request object, the same figures. Verification is on, so a
    // skipped node with room would throw.
    expect(bounds.startFor({ requests: { cpuMillis: 500, memoryMiB: 256 } }, nodes, 0)).toBe(2);
    // Other figures have their own bound: a smaller pod fits on the first node.
    expect(bounds.startFor({ requests: { cpuMillis: 50, memoryMiB: 256 } }, nodes, 0)).toBe(0);
    expect(bounds.startFor({ requests: { cpuMillis: 500, memoryMiB: 128 } }, nodes, 0)).toBe(2);
    // Shared, not found again: with verification off, a list whose first node has room (which a
    // simulation never makes) shows the skip.
    verifyRoomBounds(false);
    try {
      const roomy = [fitNode('a', 0), fitNode('b', 0), fitNode('c', 0)];
      expect(bounds.startFor({ requests: { cpuMillis: 500, memoryMiB: 256 } }, roomy, 0)).toBe(2);
      expect(bounds.startFor({ requests: { cpuMillis: 400, memoryMiB: 256 } }, roomy, 0)).toBe(0);
    } finally {
      verifyRoomBounds(true);
    }
  });

  it('refuses a skipped node that has room after all', () => {
    const nodes = [fitNode('a', 900), fitNode('b', 100)];
    const bounds = new RoomBounds();
    bounds.startTrial(-1);
    expect(bounds.startFor(pod, nodes, 0)).toBe(1);
    bounds.commit();
    bounds.startTrial(-1);
    // Room freed on a destination mid-simulation: what the bounds rule out.
    nodes[0] = fitNode('a', 0);
    expect(() => bounds.startFor(pod, nodes, 0)).toThrow(/which has room/);
  });
});
