import { describe, expect, it } from 'vitest';
import { planScaleDown, utilizationInfoText, type ScaleDownInput } from './scaleDown';
import { planScaleUp } from './scaleUp';
import { DEFAULT_CA_OPTIONS } from './flags';
import { templateForInstanceType } from './template';
import { formatGoTime, formatGoTimeFromDate, goTimeString, goTimeWithMonotonic } from './messages';
import type { CaLogLine, CaNode, CaPod } from './types';
import { caExampleWorld, t3Node } from './engineFixtures';
import { runUntil } from '../../core/step';
import { CA_LOG_SOURCE } from './output';

/**
 * The CA's klog lines as cluster-autoscaler v1.33 prints them (the image the examples run), file
 * and line included: a workshop compares them with `kubectl logs` of a real cluster.
 */
const node = (i: number): CaNode => t3Node(`ip-192-168-1-${10 + i}`);
const pod = (name: string, nodeName: string | undefined, cpuMillis: number): CaPod => ({
  name,
  namespace: 'default',
  ownerKind: 'ReplicaSet',
  requests: { cpuMillis, memoryMiB: 128 },
  nodeName,
  createdAtSeconds: nodeName ? undefined : 0,
});
const lines = (logs: readonly CaLogLine[]): string[] => logs.map((l) => `${l.source}] ${l.message}`);
const EPOCH = Date.UTC(2026, 10, 2, 1, 0, 0);

/** 25 nodes at 200m of 1930m allocatable (candidates), then 5 at 1500m (above the 0.5 threshold). */
function quietCluster(now: number): ScaleDownInput {
  const nodes = Array.from({ length: 30 }, (_, i) => node(i));
  const pods = nodes.map((n, i) => pod(`web-${i}`, n.name, i < 25 ? 200 : 1500));
  return {
    nowSeconds: now,
    nodes,
    pods,
    groups: [{ name: 'ng1', minSize: 1, targetSize: 30 }],
    options: { ...DEFAULT_CA_OPTIONS },
    unneededSince: {},
    startEpochMs: EPOCH,
    processStartSeconds: 100,
    lastScaleUpAtSeconds: 160,
  };
}

describe('scale-down klog lines (core/scaledown/eligibility/eligibility.go, release-1.33)', () => {
  const r = planScaleDown(quietCluster(1000));
  const out = lines(r.logs);

  it('prints the first 20 candidates\' utilization (klogx quota 20) and counts the rest', () => {
    // eligibility.go:167 klogx.V(4).UpTo(utilLogsQuota) "Node %s - %s requested is %.6g%% of allocatable"
    const util = out.filter((l) => l.startsWith('eligibility.go:167] '));
    expect(util).toHaveLength(20);
    // 200 / 1930 × 100 = 10.3626943… → %.6g
    expect(util[0]).toBe('eligibility.go:167] Node ip-192-168-1-10 - cpu requested is 10.3627% of allocatable');
    // eligibility.go:102 klogx.V(4).Over(utilLogsQuota)
    expect(out).toContain('eligibility.go:102] Skipped logging utilization for 5 other nodes');
  });

  it('prints every node above the threshold, with no quota', () => {
    // eligibility.go:163 klog.V(4) "Node %s unremovable: %s requested (%.6g%% of allocatable) is above …"
    const above = out.filter((l) => l.startsWith('eligibility.go:163] '));
    expect(above).toHaveLength(5);
    expect(above[0]).toBe(
      'eligibility.go:163] Node ip-192-168-1-35 unremovable: cpu requested (77.7202% of allocatable) is above the scale-down utilization threshold',
    );
    expect(out.indexOf('eligibility.go:102] Skipped logging utilization for 5 other nodes')).toBeGreaterThan(out.indexOf(above[4]));
  });

  it('says what the removal simulation did per node (simulator/cluster.go)', () => {
    expect(out).toContain('cluster.go:165] Simulating node ip-192-168-1-10 removal');
    expect(out).toContain('cluster.go:184] Node ip-192-168-1-10 may be removed');
    expect(out.indexOf('cluster.go:165] Simulating node ip-192-168-1-10 removal')).toBeLessThan(out.indexOf('cluster.go:184] Node ip-192-168-1-10 may be removed'));
  });

  it('prints the loop\'s scale-down section in static_autoscaler.go\'s order, times as Go prints time.Now()', () => {
    expect(out[0]).toBe('static_autoscaler.go:568] Calculating unneeded nodes');
    // static_autoscaler.go:611; the never-set times are NewStaticAutoscaler's initialScaleTime, an hour before the process.
    const status = out.findIndex((l) => l.startsWith('static_autoscaler.go:611] '));
    expect(out[status]).toBe(
      'static_autoscaler.go:611] Scale down status: lastScaleUpTime=2026-11-02 01:02:40 +0000 UTC m=+60.000000000 ' +
        'lastScaleDownDeleteTime=2026-11-02 00:01:40 +0000 UTC m=-3600.000000000 lastScaleDownFailTime=2026-11-02 00:01:40 +0000 UTC m=-3600.000000000 ' +
        'scaleDownForbidden=false scaleDownInCooldown=false',
    );
    expect(out[status + 1]).toBe('static_autoscaler.go:638] Starting scale down');
    // core/scaledown/unneeded/nodes.go:134, printed by RemovableAt once the scale-down runs.
    expect(out.slice(status + 2)).toContain('nodes.go:134] ip-192-168-1-10 was unneeded for 0s');
  });

  it('stops after the status line while in cooldown: no "Starting scale down", no unneeded durations', () => {
    const cool = lines(planScaleDown({ ...quietCluster(1000), lastScaleUpAtSeconds: 900 }).logs);
    expect(cool[cool.length - 1]).toMatch(/^static_autoscaler\.go:611\] Scale down status: .* scaleDownInCooldown=true$/);
    expect(cool.some((l) => l.includes('was unneeded for'))).toBe(false);
  });

  it('prints nothing of the section with --scale-down-enabled=false', () => {
    const off = planScaleDown({ ...quietCluster(1000), options: { ...DEFAULT_CA_OPTIONS, scaleDownEnabled: false } });
    expect(off.logs).toEqual([]);
    expect(off.nodes.length).toBe(30);
  });

  it('prints utilization.Info with %v for a drained node (actuator.go:268)', () => {
    expect(utilizationInfoText({ cpuUtil: 0.4625, memUtil: 0.125, utilization: 0.4625, resourceName: 'cpu' })).toBe('{0.4625 0.125 0 0 cpu 0.4625}');
  });
});

/** Group ng1 with one t3.medium node (1930m allocatable: none of the tests' 4-CPU pods fits it), at second 100. */
function scaleUpAt100(pending: CaPod[]) {
  const t3 = templateForInstanceType('t3.medium')!;
  return planScaleUp({
    nowSeconds: 100,
    pendingPods: pending,
    nodes: [node(0)],
    boundPods: [],
    groups: [{ name: 'ng1', minSize: 1, maxSize: 5, targetSize: 1, registeredNodes: 1, instanceType: 't3.medium', template: t3 }],
    daemonSets: [],
    options: { ...DEFAULT_CA_OPTIONS },
    backoff: {},
    rng: () => 0,
  });
}

describe('scale-up klog lines (core/scaleup/orchestrator/orchestrator.go, release-1.33)', () => {
  it('names at most 20 unschedulable pods (klogx.PodsLoggingQuota) and counts the rest', () => {
    const up = scaleUpAt100(Array.from({ length: 25 }, (_, i) => pod(`web-${String(i).padStart(2, '0')}`, undefined, 4000)));
    const out = lines(up.logs);
    expect(out.filter((l) => l.startsWith('orchestrator.go:98] Pod default/web-'))).toHaveLength(20);
    expect(out).toContain('orchestrator.go:100] 5 other pods are also unschedulable');
    expect(out).toContain('orchestrator.go:110] Upcoming 0 nodes');
  });
});

describe('filterOutYoungPods (static_autoscaler.go, release-1.33)', () => {
  it('lets only pods strictly older than --new-pod-scale-up-delay trigger, by creation time', () => {
    const young = { ...pod('web-young', undefined, 4000), createdAtSeconds: 100 };
    // 97: past the 2 s in which allPodsAreNew would hold the whole loop back (see below).
    const old = { ...pod('web-old', undefined, 4000), createdAtSeconds: 97 };
    const up = scaleUpAt100([young, old]);
    // The default delay is 0s and the check is podAge > delay: a pod created this second waits.
    expect(up.tooNewPods).toEqual(['default/web-young']);
    expect(lines(up.logs)).toContain('static_autoscaler.go:971] Pod web-young is 0.000 seconds old, too new to consider unschedulable');
    expect(lines(up.logs)).toContain('orchestrator.go:98] Pod default/web-old is unschedulable');
  });
});

describe('Go time printing', () => {
  it('drops trailing zeros of the fraction, as time.Time String() does', () => {
    expect(goTimeString(Date.UTC(2026, 10, 2, 1, 4, 59))).toBe('2026-11-02 01:04:59 +0000 UTC');
    expect(goTimeString(Date.UTC(2026, 10, 2, 1, 4, 59, 500))).toBe('2026-11-02 01:04:59.5 +0000 UTC');
    // The loop's own time, worked out from the day's date: the same text as through a Date.
    const times = [0, -1, 1, 999, 1000, 86_399_999, 86_400_000, -86_400_001, Date.UTC(2026, 11, 6, 5, 38, 53, 120), -62_167_219_200_000, 253_402_300_799_999, 253_402_300_800_000];
    for (let t = Date.UTC(2026, 11, 5, 23, 59, 0); t < Date.UTC(2026, 11, 6, 0, 1, 0); t += 7) times.push(t);
    for (const t of times) expect(formatGoTime(t)).toBe(formatGoTimeFromDate(t));
    expect(goTimeWithMonotonic(Date.UTC(2026, 10, 2, 1, 4, 59, 250), 12_345_250)).toBe('2026-11-02 01:04:59.25 +0000 UTC m=+12345.250000000');
  });
});

describe('a scan of examples/ca-nginx-scaleout.yaml (static_autoscaler.go RunOnce, release-1.33)', () => {
  const { world } = caExampleWorld();
  runUntil(world, 120_000);
  const ca = world.logs.filter((l) => l.controller === CA_LOG_SOURCE).map((l) => l.message);

  it('says how many pods it found while some wait (listPods, static_autoscaler.go:1172)', () => {
    const found = ca.filter((m) => m.includes(' static_autoscaler.go:1172] '));
    expect(found.length).toBeGreaterThan(0);
    const [, total, scheduled, unschedulable, ignored] = /Found (\d+) pods in the cluster: (\d+) scheduled, (\d+) unschedulable, 0 unprocessed by scheduler, (\d+) ignored \(most likely using custom scheduler\)$/.exec(found[0])!.map(Number);
    expect(unschedulable).toBe(6);
    expect(scheduled + unschedulable + ignored).toBe(total);
    // The scan that finds them scales up, and postScaleUp ends the loop: no scale-down section follows.
    const at = ca.findIndex((m) => m.includes('executor.go:164] Scale-up: setting group '));
    const next = ca.findIndex((m, i) => i > at && m.includes('Starting main loop'));
    expect(ca.slice(at, next).some((m) => m.includes('Calculating unneeded nodes'))).toBe(false);
  });

  it('prints its version without the tag\'s v (main.go:350)', () => {
    expect(ca.some((m) => m.endsWith(' main.go:350] Cluster Autoscaler 1.33.0'))).toBe(true);
  });
});

describe('allPodsAreNew (static_autoscaler.go:544-553, release-1.33: unschedulablePodTimeBuffer = 2s)', () => {
  it('waits one loop while the oldest unschedulable pod is under 2 s old, and disables that loop\'s scale-down', () => {
    const up = scaleUpAt100([
      { ...pod('web-a', undefined, 4000), createdAtSeconds: 99 },
      { ...pod('web-b', undefined, 4000), createdAtSeconds: 99.5 },
    ]);
    expect(up.result).toBe('InCooldown');
    expect(up.increases).toEqual([]);
    expect(lines(up.logs)).toContain('static_autoscaler.go:553] Unschedulable pods are very new, waiting one iteration for more');
    // The orchestrator never ran: no pod is reported unschedulable in this loop.
    expect(lines(up.logs).some((l) => l.startsWith('orchestrator.go:98]'))).toBe(false);
    expect(up.explanation[0]).toMatchObject({ key: 'engine.ca.podsVeryNew', params: { pods: 2, age: 1, buffer: 2 } });
  });

  it('lets the loop scale up once the oldest pod is 2 s old (Go\'s After is strict), counting whole seconds', () => {
    // 98.9 reaches the CA as creationTimestamp 98 (RFC 3339 seconds): 98 + 2 is not after 100.
    const up = scaleUpAt100([{ ...pod('web-a', undefined, 4000), createdAtSeconds: 98.9 }, { ...pod('web-b', undefined, 4000), createdAtSeconds: 100 - 0.5 }]);
    expect(up.result).not.toBe('InCooldown');
    expect(lines(up.logs)).toContain('orchestrator.go:98] Pod default/web-a is unschedulable');
  });
});
