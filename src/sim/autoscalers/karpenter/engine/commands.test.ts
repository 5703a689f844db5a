import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../bootstrap';
import { applyCommand } from '../../../commands/apply';
import { cloneWorld } from '../../../core/world';
import { deployment, nodeGroup, scenario } from '../../../testing/fixtures';
import { runTrace } from '../../../trace/runTrace';
import { karpenterState } from './machineDriver';
import { at, checkedTrace, karpenterLogs, karpenterNodes, loadExample } from './testHarness';

const view = (world: Parameters<typeof applyCommand>[0], line: string) =>
  applyCommand(world, { type: 'view', line, args: line.split(' ') });

function spotNodePool(extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name: 'default' },
    spec: {
      template: {
        spec: {
          nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'default' },
          requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }],
        },
      },
      ...extra,
    },
  };
}
const NODE_CLASS = { apiVersion: 'karpenter.k8s.aws/v1', kind: 'EC2NodeClass', metadata: { name: 'default' }, spec: {} };
/** One t3.micro managed node, full with its 4 system pods (ENI limit), so every new pod is Karpenter's. */
const SMALL = scenario({ nodeGroups: [nodeGroup({ name: 'ng', instanceTypes: ['t3.micro'], minSize: 1, maxSize: 1, desiredCapacity: 1 })] });

describe('spot interruption', () => {
  const { world } = loadExample('karpenter-inflate.yaml');
  checkedTrace(world, 180_000);
  const victim = karpenterNodes(world)[0];
  const victimOffering = `${victim.instanceType}/${victim.zone}`;
  const result = applyCommand(world, { type: 'interruptSpot', node: victim.name });

  it('cordons and drains at once and marks the offering unavailable for 3 minutes', () => {
    expect(result.ok).toBe(true);
    expect(victim.taints.some((t) => t.key === 'karpenter.sh/disrupted')).toBe(true);
    expect(victim.terminateWhenDrained).toBe(true);
    expect(karpenterState(world).unavailable).toEqual([
      { instanceType: victim.instanceType, zone: victim.zone, capacityType: 'spot', expiresAtSeconds: 180 + 180 },
    ]);
    expect(world.events.filter((e) => e.reason === 'SpotInterrupted').map((e) => e.kind)).toEqual(['Node', 'NodeClaim']);
  });

  it('provisions replacement capacity from another offering, and the pods run again', () => {
    checkedTrace(world, 420_000);
    expect(world.nodes.has(victim.name)).toBe(false);
    const replacement = karpenterNodes(world);
    expect(replacement).toHaveLength(1);
    expect(`${replacement[0].instanceType}/${replacement[0].zone}`).not.toBe(victimOffering);
    const inflate = [...world.pods.values()].filter((p) => p.deployment === 'inflate');
    expect(inflate.filter((p) => p.state === 'Ready')).toHaveLength(5);
    expect(karpenterLogs(world).some((l) => l.message.includes('initiating delete from interruption message'))).toBe(true);
  });

  it('refuses on-demand nodes, and EC2 alone reclaims spot nodes Karpenter does not own at the deadline', () => {
    const managed = [...world.nodes.values()].find((n) => n.poolKind === 'nodeGroup');
    expect(applyCommand(world, { type: 'interruptSpot', node: managed?.name ?? '' }).output).toContain('is not a spot instance');
    const w = createWorld(scenario({ nodeGroups: [nodeGroup({ name: 'spotty', instanceTypes: ['m5.large'], capacityType: 'spot', desiredCapacity: 1, minSize: 0, maxSize: 1 })] }), [spotNodePool(), NODE_CLASS]);
    const node = [...w.nodes.values()][0];
    expect(applyCommand(w, { type: 'interruptSpot', node: node.name }).output).toContain('no Karpenter NodeClaim owns it');
    runTrace(w, 119_000);
    expect(node.state).toBe('Ready');
    runTrace(w, 121_000);
    expect(node.state).toBe('Terminating');
  });
});

describe('kubectl', () => {
  const { world } = loadExample('karpenter-inflate.yaml');
  checkedTrace(world, 75_000);

  it('lists the NodeClaim before its node registers, then with its node', () => {
    const early = view(world, 'kubectl get nodeclaims');
    expect(early.output).toMatch(/^NAME\s+TYPE\s+CAPACITY\s+ZONE\s+NODE\s+READY\s+AGE\ndefault-[a-z0-9]{5}\s+\S+\s+spot\s+ap-northeast-2\w\s+Unknown\s+13s$/);
    checkedTrace(world, 180_000);
    const later = view(world, 'kubectl get nodeclaims').output.split('\n')[1];
    expect(later).toContain(karpenterNodes(world)[0].name);
    expect(later).toMatch(/\sTrue\s/);
    expect(view(world, 'kubectl get nodepools').output).toMatch(/default\s+default\s+1\s+True\s+3m/);
    expect(view(world, 'kubectl get ec2nodeclasses').output).toMatch(/default\s+True/);
  });

  it('describes the NodePool with its budgets, limits and resources', () => {
    const d = view(world, 'kubectl describe nodepool default').output;
    expect(d).toContain('Consolidation Policy:  WhenEmpty');
    expect(d).toContain('Nodes:  10%');
    expect(d).toContain('Cpu:     1000');
    expect(d).toMatch(/Nodes:\s+1/);
  });

  it('kubectl delete nodeclaim drains and removes its node; provisioning replaces the capacity', () => {
    const claim = Object.values(karpenterState(world).nodeClaims)[0];
    const r = applyCommand(world, { type: 'delete', kind: 'nodeclaim', name: claim.name, namespace: 'default' });
    expect(r.ok).toBe(true);
    const node = world.nodes.get(claim.nodeName);
    expect(node?.unschedulable).toBe(true);
    checkedTrace(world, 360_000);
    expect(world.nodes.has(claim.nodeName)).toBe(false);
    const claims = Object.values(karpenterState(world).nodeClaims);
    expect(claims).toHaveLength(1);
    expect(claims[0].name).not.toBe(claim.name);
  });
});

describe('provisioning edge cases', () => {
  it('respects NodePool limits: no type with more CPU than is left, and the rest stay pending', () => {
    const world = createWorld(SMALL, [spotNodePool({ limits: { cpu: '4' } }), NODE_CLASS, deployment('inflate', 6, '1', '64Mi')]);
    checkedTrace(world, 120_000);
    const nodes = karpenterNodes(world);
    expect(nodes.reduce((s, n) => s + n.capacity.cpuMillis, 0)).toBeLessThanOrEqual(4000);
    expect(nodes.length).toBeGreaterThan(0);
    const pending = [...world.pods.values()].filter((p) => p.deployment === 'inflate' && p.state === 'Pending');
    expect(pending.length).toBeGreaterThan(0);
    expect(world.events.some((e) => e.reason === 'FailedScheduling' && e.source === 'karpenter' && e.message.includes('exceed limits'))).toBe(true);
  });

  it('does not launch while the NodePool’s EC2NodeClass is missing (NodeClassReady=False)', () => {
    const world = createWorld(SMALL, [spotNodePool(), deployment('inflate', 2, '1', '64Mi')]);
    checkedTrace(world, 60_000);
    expect(karpenterNodes(world)).toHaveLength(0);
    expect(view(world, 'kubectl get nodepools').output).toMatch(/default\s+default\s+0\s+False/);
    applyCommand(world, { type: 'apply', manifests: [NODE_CLASS] });
    checkedTrace(world, 120_000);
    expect(karpenterNodes(world).length).toBeGreaterThan(0);
  });

  it('counts in-flight NodeClaims as capacity: pods arriving while a node boots go to it, not to a new one', () => {
    const world = createWorld(SMALL, [spotNodePool(), NODE_CLASS, deployment('inflate', 0, '1', '64Mi')]);
    at(world, 10, { type: 'scale', kind: 'deployment', name: 'inflate', namespace: 'default', replicas: 1 });
    checkedTrace(world, 60_000);
    const first = Object.values(karpenterState(world).nodeClaims);
    expect(first).toHaveLength(1);
    const node = world.nodes.get(first[0].nodeName);
    expect(node?.state === 'Launching' || node?.state === 'Registered').toBe(true);
    // Room left on the booting node for a small pod (beside its DaemonSet pods): it is nominated there.
    expect((node?.allocatable.cpuMillis ?? 0) - 1000 - 125).toBeGreaterThanOrEqual(100);
    expect((node?.allocatable.pods ?? 0) - 3).toBeGreaterThanOrEqual(1);
    expect((node?.allocatable.memoryMiB ?? 0) - 64).toBeGreaterThanOrEqual(4);
    applyCommand(world, { type: 'apply', manifests: [deployment('filler', 1, '100m', '4Mi')] });
    checkedTrace(world, 150_000);
    expect(Object.keys(karpenterState(world).nodeClaims)).toHaveLength(1);
    const filler = [...world.pods.values()].find((p) => p.deployment === 'filler');
    expect(filler?.state).toBe('Ready');
    expect(filler?.nodeName).toBe(first[0].nodeName);
  });

  it('replays identically from a checkpoint (state is plain data)', () => {
    const { world } = loadExample('karpenter-consolidation.yaml');
    checkedTrace(world, 100_000);
    const copy = cloneWorld(world);
    const a = runTrace(world, 900_000);
    const b = runTrace(copy, 900_000);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(karpenterState(copy))).toBe(JSON.stringify(karpenterState(world)));
  });
});
