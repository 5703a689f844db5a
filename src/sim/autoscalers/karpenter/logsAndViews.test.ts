import { describe, expect, it } from 'vitest';
import { FAKE_ZONE, fakeInstanceType, testNodePool } from './fidelityFixtures';
import { kubectlDescribeNodePool, kubectlGetNodeClaims, kubectlGetNodePools, type NodeClaimView } from './kubectlViews';
import { instanceTypeList, launchedLogLine, renderLogLine, requestsJson, terminationLogLines } from './logs';
import { chooseLaunch } from './offeringSelection';

describe('log formatting', () => {
  it('prints requests as Karpenter does, omitting zero resources', () => {
    expect(requestsJson({ cpuMillis: 5125, memoryMiB: 0, pods: 8 })).toBe('{"cpu":"5125m","pods":"8"}');
    expect(requestsJson({ cpuMillis: 655, memoryMiB: 1144, pods: 6 })).toBe('{"cpu":"655m","memory":"1144Mi","pods":"6"}');
  });
  it('lists five types then the rest as a count', () => {
    expect(instanceTypeList(['a', 'b'])).toBe('a, b');
    expect(instanceTypeList(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d, e and 2 other(s)');
  });
  it('renders launched instance in v0.27 and v1 wording', () => {
    const t = fakeInstanceType('c4.2xlarge', 8000, 15360, 58, { cpuMillis: 90, memoryMiB: 1000 }, [
      { zone: FAKE_ZONE, capacityType: 'spot', price: 0.14, available: true },
    ]);
    const launch = chooseLaunch([t], new Map());
    if (!launch) throw new Error();
    const l = { nodeClaim: 'default-abc', nodePool: 'default', instanceId: 'i-0123', hostname: 'ip-1', launch };
    expect(renderLogLine(launchedLogLine(l, 'v0.27'), 'T', 'v0.27')).toBe(
      'T\tINFO\tcontroller.provisioner.cloudprovider\tlaunched instance\t{"provisioner": "default", "id": "i-0123", "hostname": "ip-1", "instance-type": "c4.2xlarge", "zone": "test-zone-1a", "capacity-type": "spot", "capacity": {"cpu":"8","ephemeral-storage":"20Gi","memory":"15Gi","pods":"58"}}',
    );
    const v1 = JSON.parse(renderLogLine(launchedLogLine(l, 'v1'), 'T', 'v1')) as Record<string, unknown>;
    expect(v1).toMatchObject({ message: 'launched nodeclaim', 'instance-type': 'c4.2xlarge', 'capacity-type': 'spot', 'provider-id': 'aws:///test-zone-1a/i-0123' });
    expect(terminationLogLines('ip-1', 'cordon', 'v0.27').message).toBe('cordoned node');
    expect(terminationLogLines('ip-1', 'delete', 'v1').message).toBe('deleted node');
  });
});

describe('kubectl views', () => {
  const pool = { ...testNodePool({ limits: { cpuMillis: 1_000_000 } }), createdAtSeconds: 0 };
  const claims: NodeClaimView[] = [
    { name: 'default-x7k2p', nodePool: 'default', instanceType: 'c5a.2xlarge', capacityType: 'spot', zone: 'ap-northeast-2a', nodeName: 'ip-192-168-1-1.ap-northeast-2.compute.internal', ready: 'True', createdAtSeconds: 100, capacity: { cpuMillis: 8000, memoryMiB: 15155, pods: 58 } },
    { name: 'default-abcde', nodePool: 'default', ready: 'Unknown', createdAtSeconds: 290 },
  ];
  it('get nodepools', () => {
    expect(kubectlGetNodePools([pool], claims, 300)).toBe(['NAME      NODECLASS   NODES   READY   AGE', 'default   default     1       True    5m'].join('\n'));
  });
  it('get nodeclaims shows claims before their node registers', () => {
    const out = kubectlGetNodeClaims(claims, 300).split('\n');
    expect(out[0]).toMatch(/^NAME\s+TYPE\s+CAPACITY\s+ZONE\s+NODE\s+READY\s+AGE$/);
    expect(out[1]).toMatch(/^default-x7k2p\s+c5a\.2xlarge\s+spot\s+ap-northeast-2a\s+ip-192-168-1-1\S+\s+True\s+3m20s$/);
    expect(out[2]).toMatch(/^default-abcde\s+Unknown\s+10s$/);
  });
  it('describe nodepool shows disruption, limits, requirements and resources', () => {
    const out = kubectlDescribeNodePool(pool, claims);
    expect(out).toContain('Consolidation Policy:  WhenEmptyOrUnderutilized');
    expect(out).toContain('Nodes:  10%');
    expect(out).toContain('Cpu:     1000');
    expect(out).toContain('Expire After:  720h');
    expect(out).toContain('Nodes:   1');
  });
});
