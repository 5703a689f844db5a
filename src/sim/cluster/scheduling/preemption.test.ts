import { describe, expect, it } from 'vitest';
import type { SchedNode } from './filter';
import { pickOneNodeForPreemption, selectVictimsOnNode, type Candidate, type PreemptionPod } from './preemption';

/**
 * Cases after kubernetes/kubernetes pkg/scheduler/framework/plugins/defaultpreemption/
 * default_preemption_test.go (TestSelectNodesForPreemption, TestPickOneNodeForPreemption) and
 * pkg/scheduler/framework/preemption/preemption_test.go: written anew over the playground's
 * filter, with the node sizes and priorities those tests use.
 */

const node = (name: string, cpu: number, pods: PreemptionPod[]): SchedNode => ({
  name,
  allocatable: { cpuMillis: cpu, memoryMiB: 10_000, pods: 110 },
  requested: { cpuMillis: pods.reduce((s, p) => s + p.sched.requests.cpuMillis, 0), memoryMiB: 0, pods: pods.length },
  pods: pods.map((p) => p.sched),
});
const pod = (key: string, cpu: number, priority: number, startMs = 0, labels: Record<string, string> = {}): PreemptionPod => ({
  key,
  priority,
  startMs,
  sched: { namespace: 'default', labels, requests: { cpuMillis: cpu, memoryMiB: 0 }, priority },
});
const preemptor = (cpu: number, priority = 1000) => ({ namespace: 'default', requests: { cpuMillis: cpu, memoryMiB: 0 }, priority });

describe('SelectVictimsOnNode', () => {
  it('"a pod that fits with low priority pods removed": only as many victims as it needs, the least important first', () => {
    const on = [pod('p1', 200, 100, 0), pod('p2', 200, 50, 0), pod('p3', 200, 50, 10)];
    const r = selectVictimsOnNode(preemptor(300), node('n1', 600, on), on, []);
    // Reprieve p1 (highest priority), then p2 (started first): 400 + 300 > 600, so p2 goes too; p3 goes.
    expect(r?.victims.map((v) => v.key)).toEqual(['p2', 'p3']);
    const small = selectVictimsOnNode(preemptor(150), node('n1', 600, on), on, []);
    expect(small?.victims.map((v) => v.key)).toEqual(['p3']);
  });

  it('no lower-priority pods, or not enough room even without them: not a candidate', () => {
    const high = [pod('h', 500, 2000)];
    expect(selectVictimsOnNode(preemptor(200), node('n1', 600, high), high, [])).toBeUndefined();
    const mixed = [pod('h', 500, 2000), pod('l', 100, 0)];
    expect(selectVictimsOnNode(preemptor(200), node('n1', 600, mixed), mixed, [])).toBeUndefined();
  });

  it('"pdb violation": a victim its budget protects is reprieved first and counted when it still has to go', () => {
    const on = [pod('a', 300, 10, 0, { app: 'a' }), pod('b', 300, 10, 5, { app: 'b' })];
    const pdb = [{ namespace: 'default', selector: { matchLabels: { app: 'a' } }, disruptionsAllowed: 0 }];
    const r = selectVictimsOnNode(preemptor(300), node('n1', 600, on), on, pdb);
    expect(r).toEqual({ victims: [on[1]], numPdbViolations: 0 });
    const both = selectVictimsOnNode(preemptor(600), node('n1', 600, on), on, pdb);
    expect(both?.numPdbViolations).toBe(1);
  });
});

describe('pickOneNodeForPreemption', () => {
  const c = (index: number, victims: PreemptionPod[], numPdbViolations = 0): Candidate => ({ index, victims, numPdbViolations });

  it('"a pod that fits on both nodes when lower priority pods are preempted": the node with fewer PDB violations', () => {
    expect(pickOneNodeForPreemption([c(0, [pod('x', 1, 0)], 1), c(1, [pod('y', 1, 0), pod('z', 1, 0)], 0)])?.index).toBe(1);
  });

  it('"a pod that fits on a machine with low priority pods": the lowest highest-priority victim', () => {
    expect(pickOneNodeForPreemption([c(0, [pod('x', 1, 100)]), c(1, [pod('y', 1, 50), pod('z', 1, 50)]), c(2, [pod('w', 1, 80)])])?.index).toBe(1);
  });

  it('"mixed priority pods": equal highest priority, then the smallest sum of priorities', () => {
    expect(pickOneNodeForPreemption([c(0, [pod('x', 1, 100), pod('y', 1, 90)]), c(1, [pod('z', 1, 100), pod('w', 1, 10)])])?.index).toBe(1);
  });

  it('the shifted sum makes one victim cheaper than two; then the latest start of the highest-priority victims, then the first', () => {
    expect(pickOneNodeForPreemption([c(0, [pod('x', 1, 0), pod('y', 1, 0)]), c(1, [pod('z', 1, 0)])])?.index).toBe(1);
    expect(pickOneNodeForPreemption([c(0, [pod('x', 1, 5, 100)]), c(1, [pod('z', 1, 5, 900)])])?.index).toBe(1);
    expect(pickOneNodeForPreemption([c(3, [pod('x', 1, 5, 100)]), c(1, [pod('z', 1, 5, 100)])])?.index).toBe(3);
  });
});
