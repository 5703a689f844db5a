import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { step } from '../../core/step';
import { caExampleWorld, t3Node } from './engineFixtures';
import { DEFAULT_CA_OPTIONS } from './flags';
import { planScaleDown, type ScaleDownInput } from './scaleDown';
import { categorizeCounts } from './categorize';
import { caState, type CaNodeWhy } from './state';
import { verifyStatusReuse, whyNodes } from './statusReuse';
import type { CaNode, CaPod } from './types';

/**
 * A scan takes over the last scan's status of a node that is not a candidate, and its why-panel
 * entry, while the node's eligibility verdict is the same object (statusReuse.ts). With verification
 * on, every reuse is compared with a fresh build, so a write to a status or an entry after it was
 * built makes the run throw.
 */
describe('the Cluster Autoscaler reuses a settled node status only while it is what a fresh build gives', () => {
  beforeAll(() => verifyStatusReuse(true));
  afterAll(() => verifyStatusReuse(false));

  it('through the whole scale-out and scale-in of examples/ca-nginx-scaleout.yaml, every reuse matches a fresh build', () => {
    const { world, durationMs } = caExampleWorld();
    const categories = { ...categorizeCounts };
    let reused = 0;
    let built = 0;
    let last: readonly CaNodeWhy[] = [];
    while (world.timeMs < durationMs) {
      step(world);
      const nodes = caState(world)?.why.nodes ?? [];
      if (nodes === last) continue;
      for (const w of nodes) {
        if (last.includes(w)) reused++;
        else built++;
      }
      last = nodes;
    }
    // Nodes come, are busy, go idle and are removed: statuses both change (600 built) and stand
    // still (98 reused, each checked).
    expect(built).toBeGreaterThan(300);
    expect(reused).toBeGreaterThan(50);
    // Whole categorizations too, each compared with a fresh one.
    expect(categorizeCounts.built - categories.built).toBeGreaterThan(5);
    expect(categorizeCounts.reused - categories.reused).toBeGreaterThan(5);
  });

  const busy = (node: string, i: number): CaPod => ({
    name: `web-${i}`,
    namespace: 'default',
    ownerKind: 'ReplicaSet',
    requests: { cpuMillis: 1800, memoryMiB: 512 },
    nodeName: node,
  });
  const input = (): ScaleDownInput => {
    const nodes = [0, 1, 2].map((i) => t3Node(`ip-192-168-7-${10 + i}`));
    return {
      nowSeconds: 100,
      nodes,
      pods: nodes.map((n, i) => busy(n.name, i)),
      groups: [{ name: 'ng1', minSize: 1, targetSize: 3 }],
      options: { ...DEFAULT_CA_OPTIONS },
      unneededSince: {},
    };
  };

  it('hands back the same status for an unchanged busy node, and refuses one written to since', () => {
    const same = input();
    const first = planScaleDown(same);
    expect(first.nodes.map((s) => s.reason)).toEqual(['NotUnderutilized', 'NotUnderutilized', 'NotUnderutilized']);
    const second = planScaleDown({ ...same, nowSeconds: 110 });
    expect(second.nodes[1]).toBe(first.nodes[1]);
    // A write that bypasses the verdict the reuse is keyed on is caught.
    second.nodes[1].state = 'to-delete';
    expect(() => planScaleDown({ ...same, nowSeconds: 120 })).toThrow(/differs from a fresh build/);
  });

  it('hands back the last categorization while its inputs stand, and refuses one whose node changed in place', () => {
    const same = input();
    const first = planScaleDown(same);
    const second = planScaleDown({ ...same, nowSeconds: 110 });
    expect(second.nodes).toBe(first.nodes);
    expect(second.logs.slice(0, 3)).toEqual(first.logs.slice(0, 3));
    // A new node object with other allocatable is a new key; the same object changed in place is not.
    const roomier = { cpuMillis: 8000, memoryMiB: 32000, pods: 110 };
    const third = planScaleDown({ ...same, nodes: [same.nodes[0], { ...same.nodes[1], allocatable: roomier }, same.nodes[2]], nowSeconds: 120 });
    expect(third.nodes).not.toBe(first.nodes);
    expect(third.nodes[1].reason).not.toBe('NotUnderutilized');
    const fourth = planScaleDown({ ...same, nowSeconds: 130 });
    expect(fourth.nodes).not.toBe(third.nodes);
    expect(planScaleDown({ ...same, nowSeconds: 140 }).nodes).toBe(fourth.nodes);
    (same.nodes[1] as { allocatable: CaNode['allocatable'] }).allocatable = roomier;
    expect(() => planScaleDown({ ...same, nowSeconds: 150 })).toThrow(/an input changed without changing the key/);
  });

  it('rebuilds the status of a node whose pods changed', () => {
    const before = input();
    const first = planScaleDown(before);
    const pods = before.pods.slice();
    pods[2] = { ...pods[2], requests: { cpuMillis: 1700, memoryMiB: 512 } };
    const after = planScaleDown({ ...before, pods, nowSeconds: 110 });
    expect(after.nodes[0]).toBe(first.nodes[0]);
    expect(after.nodes[2]).not.toBe(first.nodes[2]);
    expect(after.nodes[2].utilization?.utilization).toBeLessThan(first.nodes[2].utilization!.utilization);
  });

  it('keeps a why-panel entry only for the very status it was built from, and refuses one written to since', () => {
    const { nodes } = planScaleDown(input());
    const first = whyNodes([], nodes);
    const second = whyNodes(first, nodes);
    expect(second[0]).toBe(first[0]);
    const changed = nodes.slice();
    changed[0] = { ...changed[0], explanation: { key: 'engine.ca.node.candidate', params: { node: changed[0].node } } };
    const third = whyNodes(second, changed);
    expect(third[0]).not.toBe(second[0]);
    expect(third[0].explanation.key).toBe('engine.ca.node.candidate');
    expect(third[1]).toBe(second[1]);
    (third[1] as { state: string }).state = 'unneeded';
    expect(() => whyNodes(third, changed)).toThrow(/differs from a fresh build/);
  });
});
