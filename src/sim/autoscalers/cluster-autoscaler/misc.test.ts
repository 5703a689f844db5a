import { describe, it, expect } from 'vitest';
import { nodeUtilization } from './utilization';
import { effectivePodRequests } from './podRequests';
import { podFitsNode, toleratesTaint } from './fit';
import { isClusterHealthy } from './status';
import { renderStatusYaml, yamlV2String } from './statusYaml';
import { formatKlogLine, aggregateReasons } from './messages';
import { shouldDeleteUnneededNode } from './eligibility';
import { DEFAULT_CA_OPTIONS } from './flags';
import type { CaNode } from './types';

describe('utilization', () => {
  const alloc = { cpuMillis: 2000, memoryMiB: 2000 };
  it('is the max of cpu and memory requests over allocatable', () => {
    const u = nodeUtilization(
      alloc,
      [{ requests: { cpuMillis: 100, memoryMiB: 200 } }, { requests: { cpuMillis: 100, memoryMiB: 200 } }],
      {
        ignoreDaemonSetsUtilization: false,
        ignoreMirrorPodsUtilization: false,
      },
    );
    expect(u).toEqual({ cpuUtil: 0.1, memUtil: 0.2, utilization: 0.2, resourceName: 'memory' });
  });
  it('removes ignored DaemonSet pods from both sides and skips long-terminating pods', () => {
    const pods = [
      { requests: { cpuMillis: 200, memoryMiB: 0 } },
      { requests: { cpuMillis: 1000, memoryMiB: 0 }, isDaemonSet: true },
      {
        requests: { cpuMillis: 500, memoryMiB: 0 },
        deletionTimestampSeconds: 0,
        terminationGracePeriodSeconds: 30,
      },
    ];
    const u = nodeUtilization(alloc, pods, {
      ignoreDaemonSetsUtilization: true,
      ignoreMirrorPodsUtilization: false,
      nowSeconds: 100,
    });
    expect(u.cpuUtil).toBeCloseTo(0.2, 9);
    const early = nodeUtilization(alloc, pods, {
      ignoreDaemonSetsUtilization: true,
      ignoreMirrorPodsUtilization: false,
      nowSeconds: 50,
    });
    expect(early.cpuUtil).toBeCloseTo(0.7, 9);
  });
});

describe('effectivePodRequests', () => {
  it('accounts sidecars and init containers like the kubelet', () => {
    expect(
      effectivePodRequests(
        [{ cpuMillis: 100, memoryMiB: 10 }],
        [
          { cpuMillis: 50, memoryMiB: 5, restartPolicy: 'Always' },
          { cpuMillis: 5, memoryMiB: 100 },
        ],
      ),
    ).toEqual({
      cpuMillis: 150,
      memoryMiB: 105,
    });
  });
});

describe('fit', () => {
  const node = {
    name: 'n',
    allocatable: { cpuMillis: 1000, memoryMiB: 1000, pods: 2 },
    requested: { cpuMillis: 0, memoryMiB: 0, pods: 1 },
  };
  it('checks taints, selectors, pod count, cpu and memory in the scheduler order', () => {
    const pod = { requests: { cpuMillis: 100, memoryMiB: 100 } };
    expect(podFitsNode(pod, node).fits).toBe(true);
    expect(podFitsNode(pod, { ...node, requested: { ...node.requested, pods: 2 } })).toEqual({
      fits: false,
      reason: 'Too many pods',
    });
    expect(podFitsNode({ requests: { cpuMillis: 100, memoryMiB: 2000 } }, node)).toEqual({
      fits: false,
      reason: 'Insufficient memory',
    });
    expect(
      podFitsNode(pod, { ...node, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
    ).toEqual({
      fits: false,
      reason: 'node(s) had untolerated taint {dedicated: gpu}',
    });
    expect(podFitsNode(pod, { ...node, taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] }).fits).toBe(
      true,
    );
    expect(podFitsNode(pod, { ...node, unschedulable: true })).toEqual({
      fits: false,
      reason: 'node(s) were unschedulable',
    });
  });
  it('matches tolerations', () => {
    const taint = { key: 'k', value: 'v', effect: 'NoSchedule' as const };
    expect(toleratesTaint([{ operator: 'Exists' }], taint)).toBe(true);
    expect(toleratesTaint([{ key: 'k', value: 'v' }], taint)).toBe(true);
    expect(toleratesTaint([{ key: 'k', value: 'w' }], taint)).toBe(false);
    expect(toleratesTaint([{ key: 'k', operator: 'Exists', effect: 'NoExecute' }], taint)).toBe(false);
  });
});

describe('cluster health and status', () => {
  const n = (ready: boolean, i: number): CaNode => ({
    name: `n${i}`,
    allocatable: { cpuMillis: 1, memoryMiB: 1, pods: 1 },
    capacity: { cpuMillis: 1, memoryMiB: 1, pods: 1 },
    ready,
    unschedulable: false,
    createdAtSeconds: 0,
  });
  it('halts only when unready exceeds both 3 and 45%', () => {
    expect(
      isClusterHealthy([n(false, 0), n(false, 1), n(false, 2), n(true, 3)], DEFAULT_CA_OPTIONS).healthy,
    ).toBe(true);
    expect(
      isClusterHealthy([0, 1, 2, 3].map((i) => n(false, i)).concat([n(true, 4)]), DEFAULT_CA_OPTIONS).healthy,
    ).toBe(false);
    const big = Array.from({ length: 20 }, (_, i) => n(i >= 4, i));
    expect(isClusterHealthy(big, DEFAULT_CA_OPTIONS).healthy).toBe(true);
  });
  it('renders the status ConfigMap body as yaml.v2 marshals api.ClusterAutoscalerStatus (clusterstate/utils/status.go, 1.30+)', () => {
    const t0 = Date.UTC(2026, 10, 2, 0, 0, 7);
    const counts = { total: 3, ready: 3, notStarted: 0, beingDeleted: 0, unready: 0, longUnregistered: 0, unregistered: 2 };
    const text = renderStatusYaml({
      time: '2026-11-02 00:01:17 +0000 UTC',
      probeEpochMs: Date.UTC(2026, 10, 2, 0, 1, 17),
      health: { status: 'Healthy', sinceEpochMs: t0 },
      counts,
      scaleUp: { status: 'InProgress', sinceEpochMs: Date.UTC(2026, 10, 2, 0, 1, 7, 500) },
      scaleDown: { status: 'NoCandidates', sinceEpochMs: t0, candidates: 0 },
      groups: [
        {
          name: 'eks-ng1-1',
          health: { status: 'Healthy', sinceEpochMs: t0 },
          counts,
          cloudProviderTarget: 5,
          minSize: 3,
          maxSize: 6,
          scaleUp: { status: 'Backoff', sinceEpochMs: t0, backoff: { errorCode: 'timeout', errorMessage: 'Scale-up timed out for node group eks-ng1-1 after 15m0s' } },
          scaleDown: { status: 'CandidatesPresent', sinceEpochMs: t0, candidates: 2 },
        },
      ],
    });
    expect(text.split('\n').slice(0, 18)).toEqual([
      'time: 2026-11-02 00:01:17 +0000 UTC',
      'autoscalerStatus: Running',
      'clusterWide:',
      '  health:',
      '    status: Healthy',
      '    nodeCounts:',
      '      registered:',
      '        total: 3',
      '        ready: 3',
      '        notStarted: 0',
      '      longUnregistered: 0',
      '      unregistered: 2',
      '    lastProbeTime: "2026-11-02T00:01:17Z"',
      '    lastTransitionTime: "2026-11-02T00:00:07Z"',
      '  scaleUp:',
      '    status: InProgress',
      '    lastProbeTime: "2026-11-02T00:01:17Z"',
      '    lastTransitionTime: "2026-11-02T00:01:07.5Z"',
    ]);
    // A sequence sits flush with its key; omitempty drops a zero candidates count but keeps 2.
    expect(text).toContain('nodeGroups:\n- name: eks-ng1-1\n  health:\n    status: Healthy\n');
    expect(text).toContain('    cloudProviderTarget: 5\n    minSize: 3\n    maxSize: 6\n');
    expect(text).toContain('    status: Backoff\n    backoffInfo:\n      errorCode: timeout\n      errorMessage: Scale-up timed out for node group eks-ng1-1 after 15m0s\n');
    expect(text).toContain('    status: CandidatesPresent\n    candidates: 2\n');
    expect(text).not.toContain('candidates: 0');
  });

  it('quotes a status string only where yaml.v2 would', () => {
    expect(yamlV2String('Healthy')).toBe('Healthy');
    // Not one of yaml.v2's timestamp formats (the zone text follows), so plain; a bare date would resolve.
    expect(yamlV2String('2026-11-02 00:01:17 +0000 UTC')).toBe('2026-11-02 00:01:17 +0000 UTC');
    expect(yamlV2String('2026-11-02')).toBe('"2026-11-02"');
    expect(yamlV2String('2026-11-02T00:01:17Z')).toBe('"2026-11-02T00:01:17Z"');
    expect(yamlV2String('error: quota')).toBe("'error: quota'");
    expect(yamlV2String('12')).toBe('"12"');
  });
});

describe('messages', () => {
  it('formats klog lines from sim time', () => {
    expect(
      formatKlogLine(
        { v: 0, severity: 'I', source: 'executor.go:147', message: 'Scale-up: setting group ng1 size to 5' },
        61.5,
        Date.UTC(2024, 4, 15, 19, 40, 0),
      ),
    ).toBe('I0515 19:41:01.500000       1 executor.go:147] Scale-up: setting group ng1 size to 5');
  });
  it('aggregates NotTriggerScaleUp reasons by node group count, sorted', () => {
    expect(
      aggregateReasons({
        a: ['max node group size reached'],
        b: ['Insufficient cpu'],
        c: ['max node group size reached'],
      }),
    ).toBe('1 Insufficient cpu, 2 max node group size reached');
  });
});

describe('removal timer (vector ca-scale-down-timer)', () => {
  it('deletes at exactly the unneeded time and waits longer for unready nodes and after a scale-up', () => {
    const t = (unneeded: number, ready = true, sinceUp = 3600) =>
      shouldDeleteUnneededNode(
        { unneededForSeconds: unneeded, ready, secondsSinceLastScaleUp: sinceUp },
        DEFAULT_CA_OPTIONS,
      );
    expect([t(540), t(600)]).toEqual([false, true]);
    expect([t(600, false), t(1200, false)]).toEqual([false, true]);
    expect(t(3000, true, 599)).toBe(false);
  });
});
