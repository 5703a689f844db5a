import { describe, expect, it } from 'vitest';
import { step } from '../../sim/core/step';
import { applyCommand } from '../../sim/commands/apply';
import { createWorld } from '../../sim/bootstrap';
import { nodeGroup, scenario } from '../../sim/testing/fixtures';
import { COLLAPSE_NODES, summarizeCost } from './costModel';
import { HOURS_PER_MONTH } from './format';
import { nginxWorld } from './testing/worlds';
import { summarizeWorld } from '../../app/worldSummary';
import { sampleWorld } from '../../sim/trace/trace';

describe('summarizeCost', () => {
  it('counts nodes, running and pending pods, and prices the cluster per hour and month', () => {
    const world = nginxWorld(30);
    const s = summarizeCost(world);
    expect(s.nodes).toBe(3);
    expect(s.readyNodes).toBe(3);
    expect(s.podsPending).toBe(6);
    const running = [...world.pods.values()].filter((p) => p.state === 'Ready' || p.state === 'Running').length;
    expect(s.podsRunning).toBe(running);
    const perHour = [...world.nodes.values()].reduce((sum, n) => sum + n.pricePerHour, 0);
    expect(s.perHour).toBeCloseTo(perHour, 9);
    expect(s.perMonth).toBeCloseTo(perHour * HOURS_PER_MONTH, 9);
    expect(HOURS_PER_MONTH).toBe(730);
  });

  it('gives one row per node with requests over allocatable', () => {
    const world = nginxWorld(30);
    const s = summarizeCost(world);
    for (const r of s.rows) {
      const n = world.nodes.get(r.name)!;
      expect(r.cpu).toEqual({ requested: n.requested.cpuMillis, allocatable: n.allocatable.cpuMillis });
      expect(r.memory).toEqual({ requested: n.requested.memoryMiB, allocatable: n.allocatable.memoryMiB });
      expect(r.capacityType).toBe('on-demand');
    }
    expect(s.cpu.allocatable).toBe(s.rows.reduce((a, r) => a + r.cpu.allocatable, 0));
  });

  it('bills launching nodes and gives each row the grid box state (cordoned, launching)', () => {
    const world = nginxWorld(5);
    const first = [...world.nodes.keys()][0];
    applyCommand(world, { type: 'cordon', node: first });
    applyCommand(world, { type: 'updateAsg', name: 'ng1', desiredCapacity: 4 });
    step(world);
    const s = summarizeCost(world);
    // Billed from launch, but not a node until the kubelet registers it: 3 nodes, 1 launching.
    expect(s.nodes).toBe(3);
    expect(s.launchingNodes).toBe(1);
    expect(s.rows).toHaveLength(4);
    expect(s.rows.find((r) => r.name === first)?.state).toBe('cordoned');
    expect(s.rows.filter((r) => r.state === 'launching')).toHaveLength(1);
    expect(s.perHour).toBeCloseTo(4 * s.rows[0].pricePerHour, 9);
  });

  it('says the same node counts as the status line and the trace (issue 15: "3 nodes (2 launching)" vs "5 nodes")', () => {
    const world = nginxWorld(5);
    applyCommand(world, { type: 'updateAsg', name: 'ng1', desiredCapacity: 5 });
    step(world);
    const cost = summarizeCost(world);
    const status = summarizeWorld(world);
    const sample = sampleWorld(world, false);
    expect(cost.launchingNodes).toBe(2);
    expect([cost.nodes, cost.readyNodes, cost.launchingNodes]).toEqual([status.nodes, status.readyNodes, status.launching]);
    expect([cost.nodes, cost.readyNodes, cost.launchingNodes]).toEqual([sample.nodes.total, sample.nodes.ready, sample.nodes.launching]);
  });

  it('groups by instance and capacity type for the collapsed view of big clusters', () => {
    const world = createWorld(
      scenario({
        nodeGroups: [
          nodeGroup({ name: 'a', instanceTypes: ['m5.large'], minSize: 30, maxSize: 30, desiredCapacity: 30 }),
          nodeGroup({ name: 'b', instanceTypes: ['c5.large'], capacityType: 'spot', minSize: 15, maxSize: 15, desiredCapacity: 15 }),
        ],
      }),
      [],
    );
    const s = summarizeCost(world);
    expect(s.nodes).toBeGreaterThan(COLLAPSE_NODES);
    expect(s.byType.map((t) => [t.instanceType, t.capacityType, t.count])).toEqual([
      ['m5.large', 'on-demand', 30],
      ['c5.large', 'spot', 15],
    ]);
    expect(s.byType[0].pricePerHour + s.byType[1].pricePerHour).toBeCloseTo(s.perHour, 9);
  });
});
