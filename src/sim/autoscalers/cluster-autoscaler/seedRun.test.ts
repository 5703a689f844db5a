import { describe, it, expect } from 'vitest';
import { t3Node } from './engineFixtures';
import { deleteNodes, increaseSize, type AutoScalingGroup } from '../../cloud/asg';
import { addPodToNode, podFitsNode, type FitNode } from './fit';
import { parseCaFlags } from './flags';
import { planScaleDown } from './scaleDown';
import { planScaleUp } from './scaleUp';
import { templateForInstanceType } from './template';
import type { CaNode, CaPod, DaemonSetSpec } from './types';

/**
 * The seed's ca-nginx-scaleout run driven through the pure functions with a toy scheduler and
 * a 2-minute node boot: 3 → 5 nodes, never above 6, all 15 pods placed, and after the delete
 * no node removed sooner than 10 minutes, back to 3.
 */
describe('seed run: ca-nginx-scaleout through the pure CA functions', () => {
  it('grows 3 → 5 and shrinks back to 3 no sooner than 10 minutes after the delete', () => {
    const { options } = parseCaFlags([
      '--expander=least-waste',
      '--skip-nodes-with-local-storage=false',
      '--nodes=3:6:ng1',
    ]);
    const t3 = templateForInstanceType('t3.medium')!;
    const daemonSets: DaemonSetSpec[] = [
      { name: 'aws-node', namespace: 'kube-system', requests: { cpuMillis: 25, memoryMiB: 0 } },
      { name: 'kube-proxy', namespace: 'kube-system', requests: { cpuMillis: 100, memoryMiB: 0 } },
    ];
    let asg: AutoScalingGroup = {
      name: 'ng1',
      minSize: 3,
      maxSize: 6,
      desiredCapacity: 3,
      instanceTypes: ['t3.medium'],
      tags: {},
    };
    let nodes: CaNode[] = [];
    let pods: CaPod[] = [];
    let seq = 0;
    const addNode = (t: number): void => {
      const name = `ip-192-168-1-${10 + seq++}`;
      nodes.push(t3Node(name, { createdAtSeconds: t }));
      for (const ds of daemonSets)
        pods.push({
          name: `${ds.name}-${name}`,
          namespace: 'kube-system',
          ownerKind: 'DaemonSet',
          isDaemonSet: true,
          requests: ds.requests,
          nodeName: name,
        });
    };
    for (let i = 0; i < 3; i++) addNode(0);
    pods.push({
      name: 'coredns-a',
      namespace: 'kube-system',
      ownerKind: 'ReplicaSet',
      pdbName: 'coredns',
      requests: { cpuMillis: 100, memoryMiB: 70 },
      nodeName: nodes[0].name,
    });
    pods.push({
      name: 'coredns-b',
      namespace: 'kube-system',
      ownerKind: 'ReplicaSet',
      pdbName: 'coredns',
      requests: { cpuMillis: 100, memoryMiB: 70 },
      nodeName: nodes[1].name,
    });
    const schedule = (t: number): void => {
      const fit = new Map<string, FitNode>();
      for (const n of nodes) {
        let f: FitNode = {
          name: n.name,
          allocatable: n.allocatable,
          requested: { cpuMillis: 0, memoryMiB: 0, pods: 0 },
          labels: n.labels,
          unschedulable: n.unschedulable,
        };
        for (const p of pods) if (p.nodeName === n.name) f = addPodToNode(f, p);
        fit.set(n.name, f);
      }
      for (const p of pods) {
        if (p.nodeName) continue;
        const target = [...fit.values()].find((f) => podFitsNode(p, f).fits);
        if (target) {
          p.nodeName = target.name;
          fit.set(target.name, addPodToNode(target, p));
        } else p.createdAtSeconds ??= t;
      }
    };
    const booting: number[] = [];
    let unneededSince: Record<string, number> = {};
    let lastScaleUp: number | undefined;
    let maxNodes = 0;
    const removedAt: number[] = [];
    const DELETE_AT = 300;
    for (let t = 0; t <= 1800; t += 10) {
      if (t === 60)
        for (let i = 0; i < 15; i++)
          pods.push({
            name: `nginx-${i}`,
            namespace: 'default',
            ownerKind: 'ReplicaSet',
            requests: { cpuMillis: 500, memoryMiB: 512 },
          });
      if (t === DELETE_AT) pods = pods.filter((p) => !p.name.startsWith('nginx-'));
      while (booting.length > 0 && booting[0] <= t) {
        booting.shift();
        addNode(t);
      }
      schedule(t);
      if (t === 250) expect(pods.filter((p) => p.name.startsWith('nginx-') && !p.nodeName)).toEqual([]);
      const up = planScaleUp({
        nowSeconds: t,
        pendingPods: pods.filter((p) => !p.nodeName),
        nodes,
        boundPods: pods.filter((p) => p.nodeName),
        groups: [
          {
            name: 'ng1',
            minSize: 3,
            maxSize: 6,
            targetSize: asg.desiredCapacity,
            registeredNodes: nodes.length,
            instanceType: 't3.medium',
            template: t3,
          },
        ],
        daemonSets,
        options,
        backoff: {},
        rng: () => 0,
      });
      for (const inc of up.increases) {
        const r = increaseSize(asg, inc.newSize - inc.currentSize);
        expect(r.error).toBeUndefined();
        for (let i = asg.desiredCapacity; i < r.asg.desiredCapacity; i++) booting.push(t + 120);
        asg = r.asg;
        lastScaleUp = t;
      }
      const down = planScaleDown({
        nowSeconds: t,
        nodes,
        pods: pods.filter((p) => p.nodeName),
        groups: [{ name: 'ng1', minSize: 3, targetSize: asg.desiredCapacity }],
        pdbs: [{ name: 'coredns', namespace: 'kube-system', disruptionsAllowed: 1 }],
        options,
        unneededSince,
        lastScaleUpAtSeconds: lastScaleUp,
      });
      unneededSince = down.unneededSince;
      for (const d of down.deletions) {
        const r = deleteNodes(asg, 1);
        expect(r.error).toBeUndefined();
        asg = r.asg;
        nodes = nodes.filter((n) => n.name !== d.node);
        // The node's DaemonSet pods go with it; evicted pods return to Pending.
        pods = pods
          .filter((p) => p.nodeName !== d.node || !p.isDaemonSet)
          .map((p) => (p.nodeName === d.node ? { ...p, nodeName: undefined } : p));
        removedAt.push(t);
      }
      maxNodes = Math.max(maxNodes, asg.desiredCapacity);
    }
    expect(maxNodes).toBe(5);
    expect(asg.desiredCapacity).toBe(3);
    expect(nodes).toHaveLength(3);
    expect(removedAt.length).toBe(2);
    expect(Math.min(...removedAt) - DELETE_AT).toBeGreaterThanOrEqual(600);
  });
});
