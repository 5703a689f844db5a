import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { computeAllocatable } from '../../cloud/allocatable';
import { findInstanceType, type InstanceType } from '../../cloud/catalog';
import { catalogInstanceTypeOptions } from './instanceTypes';
import { computeDisruption } from './disruption/controller';
import type { DisruptionNode } from './disruption/candidates';
import { disruptionLogLine, provisioningLogLines, renderLogLine } from './logs';
import { parseKarpenterManifest } from './manifests';
import { chooseLaunch } from './offeringSelection';
import { solveScheduling } from './scheduling';
import type { NodePool, PodToSchedule } from './types';

/** The seed's inflate run: a managed node group of 2 × m5.large, DaemonSets aws-node + kube-proxy + one more. */
const DAEMONSETS = [
  { name: 'aws-node', cpuMillis: 25, memoryMiB: 0 },
  { name: 'kube-proxy', cpuMillis: 100, memoryMiB: 0 },
  { name: 'ebs-csi-node', cpuMillis: 0, memoryMiB: 0 },
];
const REGION = 'ap-northeast-2';
const types = catalogInstanceTypeOptions({ region: REGION, seed: 1 });

function nodePool(yaml: string): NodePool {
  const r = parseKarpenterManifest(parse(yaml));
  if (r?.kind !== 'NodePool') throw new Error('expected a NodePool');
  return r.nodePool;
}

const DEFAULT_NODEPOOL = nodePool(`
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: default}
spec:
  template:
    spec:
      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      requirements:
        - {key: kubernetes.io/arch, operator: In, values: [amd64]}
        - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand, spot]}
        - {key: karpenter.k8s.aws/instance-category, operator: In, values: [c, m, r]}
        - {key: karpenter.k8s.aws/instance-generation, operator: Gt, values: ["2"]}
  limits: {cpu: 1000}
`);

const m5large = findInstanceType('m5.large') as InstanceType;
const managedNodes: DisruptionNode[] = ['ip-192-168-23-255', 'ip-192-168-63-157'].map((name) => ({
  name,
  nodeClaimName: '',
  instanceType: 'm5.large',
  capacityType: 'on-demand',
  zone: 'ap-northeast-2b',
  price: 0.118,
  labels: { 'node.kubernetes.io/instance-type': 'm5.large', 'eks.amazonaws.com/nodegroup': 'myeks2-ng' },
  taints: [],
  allocatable: computeAllocatable(m5large).allocatable,
  // Kube-system pods (coredns etc.) leave no room for a 1-CPU pod beside 1.7 CPU used.
  pods: [
    ...DAEMONSETS.map((d) => ({ ...d, name: `${d.name}-${name}`, daemonSet: true })),
    { name: `system-${name}`, cpuMillis: 1200, memoryMiB: 200 },
  ],
  initialized: true,
  ready: true,
  markedForDeletion: false,
  createdAtSeconds: 0,
}));

const inflate = (n: number): PodToSchedule[] =>
  Array.from({ length: n }, (_, i) => ({ name: `inflate-${i}`, cpuMillis: 1000, memoryMiB: 0, createdAtSeconds: 60 }));

describe('seed: inflate 5 × 1 CPU on an empty NodePool', () => {
  const result = solveScheduling({
    pods: inflate(5),
    existingNodes: managedNodes.map((n) => ({
      name: n.name,
      labels: n.labels,
      taints: n.taints,
      allocatable: n.allocatable,
      requested: { cpuMillis: 1325, memoryMiB: 200, pods: 4 },
      initialized: true,
    })),
    templates: [{ nodePool: DEFAULT_NODEPOOL, instanceTypes: types }],
    daemonSets: DAEMONSETS,
  });

  it('computes exactly ONE new NodeClaim for all 5 pods', () => {
    expect(result.existingPlacements).toEqual([]);
    expect(result.newNodeClaims).toHaveLength(1);
    expect(result.newNodeClaims[0].pods).toHaveLength(5);
  });

  it('launches the cheapest compatible offering, large enough for 5 CPUs plus DaemonSets', () => {
    const claim = result.newNodeClaims[0];
    const launch = chooseLaunch(claim.instanceTypeOptions, claim.requirements);
    expect(launch?.capacityType).toBe('spot');
    expect(launch?.option.allocatable.cpuMillis).toBeGreaterThanOrEqual(5125);
    const cheapestSpot = Math.min(
      ...claim.instanceTypeOptions.flatMap((o) => o.offerings.filter((of) => of.capacityType === 'spot' && of.available).map((of) => of.price)),
    );
    expect(launch?.price).toBe(cheapestSpot);
    const t = findInstanceType(launch?.instanceType ?? '') as InstanceType;
    expect(['c', 'm', 'r']).toContain(t.category);
    expect(t.generation).toBeGreaterThan(2);
    expect(claim.instanceTypeOptions.length).toBeGreaterThan(100);
  });

  it('logs in the seed’s wording', () => {
    const lines = provisioningLogLines(5, result.newNodeClaims, 'v0.27').map((l) => renderLogLine(l, 'T', 'v0.27'));
    expect(lines[0]).toBe('T\tINFO\tcontroller.provisioner\tfound provisionable pod(s)\t{"pods": 5}');
    expect(lines[1]).toBe('T\tINFO\tcontroller.provisioner\tcomputed new machine(s) to fit pod(s)\t{"machines": 1, "pods": 5}');
    expect(lines[2]).toMatch(/^T\tINFO\tcontroller\.provisioner\tlaunching machine with 5 pods requesting \{"cpu":"5125m","pods":"8"\} from types [a-z0-9.]+(, [a-z0-9.]+){4} and \d+ other\(s\)\t\{"provisioner": "default"\}$/);
  });

  it('scaling back to 0 empties the node and consolidation deletes it', () => {
    const claim = result.newNodeClaims[0];
    const launch = chooseLaunch(claim.instanceTypeOptions, claim.requirements);
    if (!launch) throw new Error('no launch');
    const karpNode: DisruptionNode = {
      name: 'ip-192-168-77-1',
      nodeClaimName: 'default-abcde',
      nodePool: 'default',
      instanceType: launch.instanceType,
      capacityType: launch.capacityType,
      zone: launch.zone,
      price: launch.price,
      labels: { ...launch.option.labels, 'karpenter.sh/nodepool': 'default', 'karpenter.sh/capacity-type': 'spot', 'topology.kubernetes.io/zone': launch.zone },
      taints: [],
      allocatable: launch.option.allocatable,
      pods: DAEMONSETS.map((d) => ({ ...d, name: `${d.name}-karp`, daemonSet: true })),
      initialized: true,
      ready: true,
      markedForDeletion: false,
      createdAtSeconds: 100,
      initializedAtSeconds: 160,
      lastPodEventAtSeconds: 400,
    };
    const input = {
      nodes: [...managedNodes, karpNode],
      templates: [{ nodePool: DEFAULT_NODEPOOL, instanceTypes: types }],
      daemonSets: DAEMONSETS,
      nowSeconds: 400,
      nowEpochMs: Date.UTC(2023, 4, 28, 8, 0, 0),
    };
    const cmd = computeDisruption(input).command;
    expect(cmd).toMatchObject({ method: 'emptiness', decision: 'delete' });
    expect(cmd?.candidates.map((c) => c.name)).toEqual(['ip-192-168-77-1']);
    expect(renderLogLine(disruptionLogLine(cmd!, 'v1'), 'T', 'v1')).toMatch(/"message":"disrupting node\(s\)","command-id":"[0-9a-f-]{36}","reason":"empty","decision":"delete"/);
  });

  it('the seed Provisioner (spot, ttlSecondsAfterEmpty 30) waits 30s before deleting an empty node', () => {
    const seedPool = nodePool(`
apiVersion: karpenter.sh/v1alpha5
kind: Provisioner
metadata: {name: default}
spec:
  requirements: [{key: karpenter.sh/capacity-type, operator: In, values: ["spot"]}]
  limits: {resources: {cpu: 1000}}
  providerRef: {name: default}
  ttlSecondsAfterEmpty: 30
`);
    const empty: DisruptionNode = {
      ...managedNodes[0],
      name: 'ip-192-168-88-8',
      nodeClaimName: 'default-x',
      nodePool: 'default',
      capacityType: 'spot',
      pods: [],
      lastPodEventAtSeconds: 1000,
    };
    const at = (now: number) =>
      computeDisruption({ nodes: [empty], templates: [{ nodePool: seedPool, instanceTypes: types }], nowSeconds: now, nowEpochMs: 0 }).command;
    expect(at(1029)).toBeUndefined();
    const cmd = at(1030);
    expect(cmd?.decision).toBe('delete');
    expect(renderLogLine(disruptionLogLine(cmd!, 'v0.27'), 'T', 'v0.27')).toBe(
      'T\tINFO\tcontroller.deprovisioning\tdeprovisioning via emptiness delete, terminating 1 machines ip-192-168-88-8/m5.large/spot',
    );
  });
});
