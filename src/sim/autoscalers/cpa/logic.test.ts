import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { clusterStatus, ladderLookup, ladderReplicas, linearReplicas, type ClusterStatus } from './logic';
import { parseLadderParams, parseLinearParams, type LadderParams, type LinearParams } from './params';
import { en } from '../../../testing/messages';

function linear(json: Record<string, unknown>): LinearParams {
  const r = parseLinearParams(json);
  if (!r.ok) throw new Error(r.error);
  return r.params;
}
function ladder(json: Record<string, unknown>): LadderParams {
  const r = parseLadderParams(json);
  if (!r.ok) throw new Error(r.error);
  return r.params;
}
const sameCounts = (nodes: number, cores: number): ClusterStatus => ({
  totalNodes: nodes,
  schedulableNodes: nodes,
  totalCores: cores,
  schedulableCores: cores,
});

describe('linear mode (upstream TestScaleFromSingleParam / MultipleParams / Unschedulable)', () => {
  const single = linear({ coresPerReplica: 2, min: 2, max: 100 });
  it.each([
    [3, 2],
    [11, 6],
    [21, 11],
    [0, 2],
    [1000, 100],
  ])('cores %i -> %i replicas', (cores, want) => {
    expect(linearReplicas(single, sameCounts(0, cores)).replicas).toBe(want);
  });

  const multi = linear({
    coresPerReplica: 2,
    nodesPerReplica: 2.5,
    min: 1,
    max: 100,
    preventSinglePointFailure: true,
  });
  it.each([
    [1, 2, 2],
    [8, 16, 7],
    [23, 20, 12],
    [1, 1, 1],
  ])('cores %i nodes %i -> %i', (cores, nodes, want) => {
    expect(linearReplicas(multi, sameCounts(nodes, cores)).replicas).toBe(want);
  });

  it('preventSinglePointFailure may exceed max', () => {
    const p = linear({ nodesPerReplica: 10, min: 1, max: 1, preventSinglePointFailure: true });
    expect(linearReplicas(p, sameCounts(3, 3)).replicas).toBe(2);
  });

  it('includeUnschedulableNodes switches to totals', () => {
    const p = linear({
      coresPerReplica: 2,
      nodesPerReplica: 2,
      min: 1,
      max: 100,
      includeUnschedulableNodes: true,
    });
    const status = { totalNodes: 210, totalCores: 210, schedulableNodes: 21, schedulableCores: 21 };
    expect(linearReplicas(p, status).replicas).toBe(100);
    const q = linear({ coresPerReplica: 2, nodesPerReplica: 2, min: 1, max: 100 });
    expect(linearReplicas(q, status).replicas).toBe(11);
  });

  it('explains itself like the brief', () => {
    const p = linear({ coresPerReplica: 256, nodesPerReplica: 1 });
    expect(en(linearReplicas(p, sameCounts(4, 8)).explanation)).toBe(
      'replicas = max(ceil(4 nodes / 1), ceil(8 cores / 256)) = 4',
    );
  });

  it('property: never below min, never above max unless single-point-failure protection', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 50 }),
        (nodes, cores, min, extra) => {
          const p = linear({ coresPerReplica: 4, nodesPerReplica: 3, min, max: min + extra });
          const r = linearReplicas(p, sameCounts(nodes, cores)).replicas;
          return r >= min && r <= min + extra;
        },
      ),
    );
  });
});

describe('ladder mode', () => {
  const entries: [number, number][] = [
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [10, 10],
    [20, 20],
  ];
  it.each([
    [0, 1],
    [1, 1],
    [6, 4],
    [11, 10],
    [20, 20],
    [1000, 20],
  ])('value %i -> %i', (value, want) => {
    expect(ladderLookup(entries, value).replicas).toBe(want);
  });
  it('empty ladder yields 0', () => {
    expect(ladderLookup([], 5).replicas).toBe(0);
  });
  it('zero steps map small clusters to 0', () => {
    expect(
      ladderLookup(
        [
          [0, 0],
          [3, 3],
        ],
        2,
      ).replicas,
    ).toBe(0);
    expect(
      ladderLookup(
        [
          [1, 0],
          [3, 3],
        ],
        1,
      ).replicas,
    ).toBe(0);
  });
  it('unsorted entries are sorted like the controller does', () => {
    const p = ladder({
      nodesToReplicas: [
        [5, 5],
        [1, 1],
        [3, 3],
      ],
    });
    expect(p.nodesToReplicas).toEqual([
      [1, 1],
      [3, 3],
      [5, 5],
    ]);
  });
  it('takes the max of cores and nodes, over total or schedulable', () => {
    const p = ladder({
      coresToReplicas: [
        [0, 0],
        [4, 1],
        [8, 2],
        [12, 3],
      ],
      nodesToReplicas: [
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
      ],
      includeUnschedulableNodes: true,
    });
    const status = { totalNodes: 3, totalCores: 12, schedulableNodes: 2, schedulableCores: 8 };
    expect(ladderReplicas(p, status).replicas).toBe(3);
    expect(ladderReplicas({ ...p, includeUnschedulableNodes: false }, status).replicas).toBe(2);
  });
  it("follows the seed's ladder 3 -> 5 -> 4 nodes with one cordoned", () => {
    const p = ladder({
      nodesToReplicas: [
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 3],
        [5, 5],
      ],
    });
    expect(ladderReplicas(p, sameCounts(3, 6)).replicas).toBe(3);
    expect(ladderReplicas(p, sameCounts(5, 10)).replicas).toBe(5);
    const d = ladderReplicas(p, { totalNodes: 5, schedulableNodes: 4, totalCores: 10, schedulableCores: 8 });
    expect(d.replicas).toBe(3);
    expect(en(d.explanation)).toBe('4 schedulable nodes → ladder step [4, 3] → 3 replicas; replicas = 3');
  });
});

describe('clusterStatus', () => {
  it('rounds summed allocatable CPU up and counts schedulable = Ready and not cordoned', () => {
    const s = clusterStatus([
      { allocatableCpuMillis: 3500, ready: true, unschedulable: false },
      { allocatableCpuMillis: 1930, ready: false, unschedulable: false },
      { allocatableCpuMillis: 1930, ready: true, unschedulable: true },
    ]);
    expect(s).toEqual({ totalNodes: 3, totalCores: 8, schedulableNodes: 1, schedulableCores: 4 });
  });
  it('filters by --nodelabels', () => {
    const s = clusterStatus(
      [
        { allocatableCpuMillis: 1930, ready: true, unschedulable: false, labels: { pool: 'a' } },
        { allocatableCpuMillis: 1930, ready: true, unschedulable: false, labels: { pool: 'b' } },
      ],
      { pool: 'a' },
    );
    expect(s.totalNodes).toBe(1);
    expect(s.totalCores).toBe(2);
  });
});
