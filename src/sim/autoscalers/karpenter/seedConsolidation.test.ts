import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogInstanceTypeOptions } from './instanceTypes';
import type { DisruptionNode } from './disruption/candidates';
import { computeDisruption } from './disruption/controller';
import { disruptionLogLine, provisioningLogLines, renderLogLine } from './logs';
import { parseKarpenterManifest } from './manifests';
import { chooseLaunch } from './offeringSelection';
import { solveScheduling } from './scheduling';
import type { NodePool } from './types';

/** The seed's second part: consolidation.enabled, on-demand c5.large/m5.large/m5.xlarge. */
const parsed = parseKarpenterManifest(
  parse(`
apiVersion: karpenter.sh/v1alpha5
kind: Provisioner
metadata: {name: default}
spec:
  consolidation: {enabled: true}
  labels: {type: karpenter}
  limits: {resources: {cpu: 1000, memory: 1000Gi}}
  providerRef: {name: default}
  requirements:
    - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}
    - {key: node.kubernetes.io/instance-type, operator: In, values: [c5.large, m5.large, m5.xlarge]}
`),
);
const pool = (parsed as { nodePool: NodePool }).nodePool;
const types = catalogInstanceTypeOptions({ region: 'ap-northeast-2', seed: 1 });
const templates = [{ nodePool: pool, instanceTypes: types }];
const DS = [
  { name: 'aws-node', cpuMillis: 25, memoryMiB: 0 },
  { name: 'kube-proxy', cpuMillis: 100, memoryMiB: 0 },
  { name: 'ebs-csi-node', cpuMillis: 0, memoryMiB: 0 },
];
const inflate = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `inflate-${i}`, cpuMillis: 1000, memoryMiB: 0 }));

describe('seed: consolidation with c5.large / m5.large / m5.xlarge', () => {
  const scaleUp = solveScheduling({ pods: inflate(12), templates, daemonSets: DS });

  it('12 pods → 4 machines of 3 pods, each m5.xlarge', () => {
    expect(scaleUp.newNodeClaims.map((c) => c.pods.length)).toEqual([3, 3, 3, 3]);
    expect(scaleUp.newNodeClaims.map((c) => chooseLaunch(c.instanceTypeOptions, c.requirements)?.instanceType)).toEqual(Array(4).fill('m5.xlarge'));
    const line = provisioningLogLines(12, scaleUp.newNodeClaims, 'v0.27')[2];
    expect(line.message).toBe('launching machine with 3 pods requesting {"cpu":"3125m","pods":"6"} from types m5.xlarge');
  });

  function nodes(podsPerNode: number[]): DisruptionNode[] {
    const launch = chooseLaunch(scaleUp.newNodeClaims[0].instanceTypeOptions, scaleUp.newNodeClaims[0].requirements);
    if (!launch) throw new Error();
    let k = 0;
    return podsPerNode.map((n, i) => ({
      name: `ip-192-168-${i}-1`,
      nodeClaimName: `default-${i}`,
      nodePool: 'default',
      instanceType: launch.instanceType,
      capacityType: 'on-demand',
      zone: launch.zone,
      price: launch.price,
      labels: { ...launch.option.labels, type: 'karpenter', 'karpenter.sh/nodepool': 'default', 'karpenter.sh/capacity-type': 'on-demand', 'topology.kubernetes.io/zone': launch.zone },
      taints: [],
      allocatable: launch.option.allocatable,
      pods: [
        ...DS.map((d) => ({ ...d, name: `${d.name}-${i}`, daemonSet: true })),
        ...Array.from({ length: n }, () => ({ name: `inflate-${k++}`, cpuMillis: 1000, memoryMiB: 0 })),
      ],
      initialized: true,
      ready: true,
      markedForDeletion: false,
      createdAtSeconds: 0,
      initializedAtSeconds: 60,
    }));
  }

  it('scale back to 5 → consolidation deletes a machine no longer needed', () => {
    const r = computeDisruption({ nodes: nodes([2, 1, 1, 1]), templates, daemonSets: DS, nowSeconds: 300, nowEpochMs: 0 });
    expect(r.command?.decision).toBe('delete');
    expect(renderLogLine(disruptionLogLine(r.command!, 'v0.27'), 'T', 'v0.27')).toMatch(
      /^T\tINFO\tcontroller\.deprovisioning\tdeprovisioning via consolidation delete, terminating 1 machines ip-192-168-\d-1\/m5\.xlarge\/on-demand$/,
    );
  });

  it('scale to 1 → the last m5.xlarge is replaced by a cheaper c5.large', () => {
    const r = computeDisruption({ nodes: nodes([1]), templates, daemonSets: DS, nowSeconds: 300, nowEpochMs: 0 });
    expect(r.command).toMatchObject({ decision: 'replace' });
    expect(r.command?.replacement?.launch.instanceType).toBe('c5.large');
    expect(disruptionLogLine(r.command!, 'v0.27').message).toContain('and replacing with on-demand machine from types c5.large');
  });
});
