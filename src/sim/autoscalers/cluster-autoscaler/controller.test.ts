import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import { enqueueCommand } from '../../commands/apply';
import type { World } from '../../core/types';
import { nodeGroup, scenario } from '../../testing/fixtures';
import { AUTO_DISCOVERY_TAGS, SEED_CA_FLAGS, caDeployment, liveGroupNodes, nginxToScaleout, runChecked, runningPodsOf } from './engineFixtures';
import { caMachineStateName, caState } from './state';
import { caTraceEntries } from './module';
import type { ManifestDoc } from '../../core/commands';
import { en, enText } from '../../../testing/messages';

function world(opts: { ca?: ManifestDoc | null; maxSize?: number; tags?: Record<string, string>; replicas?: number } = {}): World {
  const manifests = [nginxToScaleout(opts.replicas ?? 15)];
  if (opts.ca !== null) manifests.unshift(opts.ca ?? caDeployment());
  return createWorld(
    scenario({ nodeGroups: [nodeGroup({ maxSize: opts.maxSize ?? 6, tags: opts.tags ?? AUTO_DISCOVERY_TAGS })] }),
    manifests,
  );
}

const caEvents = (w: World, reason: string) => w.events.filter((e) => e.source === 'cluster-autoscaler' && e.reason === reason);

describe('Cluster Autoscaler controller in the engine', () => {
  it('does nothing without its Deployment: six pods stay Pending on three nodes', () => {
    const w = world({ ca: null });
    runChecked(w, 300);
    expect(liveGroupNodes(w)).toBe(3);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(3);
    expect(runningPodsOf(w, 'nginx-to-scaleout')).toBe(9);
    expect(caState(w)).toBeUndefined();
  });

  it('does not scan while its own pod is not running (replicas: 0)', () => {
    const w = world({ ca: caDeployment(SEED_CA_FLAGS, 0) });
    runChecked(w, 120);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(3);
    expect(caTraceEntries(w)['ClusterAutoscaler/cluster-autoscaler'].state).toBe('podNotRunning');
  });

  it('scales up on the scan after the pods turn unschedulable and schedules them all', () => {
    const w = world();
    let raisedAt = -1;
    runChecked(w, 240, (x) => {
      if (raisedAt < 0 && x.nodeGroups.get('ng1')!.desiredCapacity > 3) raisedAt = x.timeMs / 1000;
    });
    expect(raisedAt).toBeGreaterThan(0);
    expect(raisedAt).toBeLessThanOrEqual(20);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(5);
    expect(runningPodsOf(w, 'nginx-to-scaleout')).toBe(15);
    // executor.go (release-1.33) records the group's resize twice: before and after IncreaseSize.
    expect(caEvents(w, 'ScaledUpGroup').map((e) => e.message.replace(/eks-ng1-\S+/, 'ASG'))).toEqual([
      'Scale-up: setting group ASG size to 5 instead of 3 (max: 6)',
      'Scale-up: group ASG size set to 5 instead of 3 (max: 6)',
    ]);
  });

  it('stops at the group max and says so on the pods that still cannot run', () => {
    const w = world({ maxSize: 4 });
    let maxNodes = 0;
    runChecked(w, 300, (x) => (maxNodes = Math.max(maxNodes, liveGroupNodes(x))));
    expect(maxNodes).toBe(4);
    expect(runningPodsOf(w, 'nginx-to-scaleout')).toBe(12);
    const notTriggered = caEvents(w, 'NotTriggerScaleUp');
    expect(notTriggered.length).toBe(3);
    for (const e of notTriggered) expect(e.message).toBe("pod didn't trigger scale-up: 1 max node group size reached");
  });

  it('manages a group named by --nodes=MIN:MAX:ASG with the flag limits, without over-committing a node', () => {
    const flags = ['--v=2', '--expander=least-waste', '--nodes=3:4:ng1'];
    const w = world({ ca: caDeployment(flags), tags: {} });
    runChecked(w, 300);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(4);
    expect(caEvents(w, 'NotTriggerScaleUp').length).toBe(3);
  });

  it('warns when auto-discovery finds no tagged group, and scales nothing', () => {
    const w = world({ tags: {} });
    runChecked(w, 120);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(3);
    expect(w.notices.some((n) => n.includes('no Auto Scaling group carries these tags'))).toBe(true);
    expect(w.logs.some((l) => l.controller === 'cluster-autoscaler' && l.level === 'WARN')).toBe(true);
  });

  it('reports an unknown flag as a warning and keeps running', () => {
    const w = world({ ca: caDeployment([...SEED_CA_FLAGS, '--scale-down-sooner=true']) });
    runChecked(w, 120);
    expect(w.notices.some((n) => n.includes('unknown flag: --scale-down-sooner'))).toBe(true);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(5);
  });

  it('refuses to run with an invalid flag value, as the real binary would', () => {
    const w = world({ ca: caDeployment([...SEED_CA_FLAGS, '--scale-down-unneeded-time=soon']) });
    runChecked(w, 120);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(3);
    expect(caTraceEntries(w)['ClusterAutoscaler/cluster-autoscaler'].state).toBe('flagError');
    expect(w.logs.some((l) => l.level === 'ERROR' && l.message.includes('--scale-down-unneeded-time'))).toBe(true);
  });

  it('backs a group off when its nodes do not register within --max-node-provision-time', () => {
    const w = world({ ca: caDeployment([...SEED_CA_FLAGS, '--max-node-provision-time=20s']) });
    const states = new Set<string>();
    runChecked(w, 120, (x) => states.add(caMachineStateName(caState(x)!)));
    expect(caEvents(w, 'ScaleUpTimedOut').length).toBeGreaterThanOrEqual(1);
    expect(caEvents(w, 'ScaleUpTimedOut')[0].message).toMatch(/^Nodes added to group eks-ng1-\S+ failed to register within 2\ds$/);
    expect(states.has('backoff')).toBe(true);
    expect(Object.keys(caState(w)!.backoff)).toHaveLength(1);
  });

  it('honours the scale-down flags: unneeded-time and delay-after-add', () => {
    const flags = [...SEED_CA_FLAGS, '--scale-down-unneeded-time=1m', '--scale-down-delay-after-add=3m'];
    const w = world({ ca: caDeployment(flags) });
    enqueueCommand(w, { atMs: 60_000, input: 'kubectl delete deployment nginx-to-scaleout', command: { type: 'delete', kind: 'deployment', name: 'nginx-to-scaleout', namespace: 'default' } });
    let shrunkAt = -1;
    runChecked(w, 400, (x) => {
      if (shrunkAt < 0 && x.timeMs > 60_000 && x.nodeGroups.get('ng1')!.desiredCapacity < 5) shrunkAt = x.timeMs / 1000;
    });
    const scaleUpAt = caState(w)!.lastScaleUpAtSeconds!;
    // Unneeded from ~70 s for 1 m would allow ~130 s, but delay-after-add holds it until scale-up + 3 m.
    expect(shrunkAt).toBeGreaterThanOrEqual(scaleUpAt + 180);
    expect(shrunkAt).toBeLessThanOrEqual(scaleUpAt + 190);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(3);
  });

  it('drains an underutilized node that is not empty: taint, evict, reschedule, terminate, desired − 1', () => {
    const groups = [nodeGroup({ desiredCapacity: 5, tags: AUTO_DISCOVERY_TAGS })];
    const w = createWorld(scenario({ nodeGroups: groups }), [caDeployment([...SEED_CA_FLAGS, '--scale-down-unneeded-time=1m']), nginxToScaleout(5)]);
    let minRunning = 5;
    runChecked(w, 200, (x) => {
      if (x.timeMs > 60_000) minRunning = Math.min(minRunning, runningPodsOf(x, 'nginx-to-scaleout'));
    });
    const scaleDown = caEvents(w, 'ScaleDown').find((e) => e.kind === 'ConfigMap')!;
    // actuator.go:269 prints utilization.Info with %v: {CpuUtil MemUtil GpuUtil DynamicResourceUtil ResourceName Utilization}.
    expect(scaleDown.message).toMatch(/^Scale-down: removing node (\S+), utilization: \{0\.3\d+ 0\.\d+ 0 0 cpu 0\.3\d+\}, pods to reschedule: nginx-to-scaleout-\S+$/);
    const evicted = caEvents(w, 'ScaleDown').filter((e) => e.kind === 'Pod');
    expect(evicted.length).toBe(1);
    expect(evicted[0].message).toBe('deleting pod for node scale down');
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(4);
    expect(liveGroupNodes(w)).toBe(4);
    expect(runningPodsOf(w, 'nginx-to-scaleout')).toBe(5);
    // The evicted pod was Pending only until the scheduler placed it on another node.
    expect(minRunning).toBeGreaterThanOrEqual(4);
    expect(caState(w)!.scaleDowns).toBe(1);
  });

  it('lets least-waste pick between two groups and explains the choice', () => {
    const groups = [
      nodeGroup({ tags: AUTO_DISCOVERY_TAGS }),
      nodeGroup({ name: 'ng2', instanceTypes: ['m5.large'], minSize: 0, desiredCapacity: 0, tags: AUTO_DISCOVERY_TAGS }),
    ];
    const w = createWorld(scenario({ nodeGroups: groups }), [caDeployment(), nginxToScaleout(15)]);
    runChecked(w, 200);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(5);
    expect(w.nodeGroups.get('ng2')!.desiredCapacity).toBe(0);
    const lines = enText(caState(w)!.why.lastScaleUp!.lines);
    expect(lines).toMatch(/expander least-waste: .* → eks-ng1-/);
    expect(runningPodsOf(w, 'nginx-to-scaleout')).toBe(15);
  });

  it('reads the priority expander ConfigMap from kube-system', () => {
    const groups = [
      nodeGroup({ tags: AUTO_DISCOVERY_TAGS }),
      nodeGroup({ name: 'ng2', instanceTypes: ['m5.large'], minSize: 0, desiredCapacity: 0, tags: AUTO_DISCOVERY_TAGS }),
    ];
    const priorities: ManifestDoc = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cluster-autoscaler-priority-expander', namespace: 'kube-system' },
      data: { priorities: '10:\n  - .*-ng2-.*\n1:\n  - .*\n' },
    };
    const flags = SEED_CA_FLAGS.map((f) => (f.startsWith('--expander=') ? '--expander=priority,least-waste' : f));
    const w = createWorld(scenario({ nodeGroups: groups }), [priorities, caDeployment(flags), nginxToScaleout(15)]);
    runChecked(w, 200);
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(3);
    expect(w.nodeGroups.get('ng2')!.desiredCapacity).toBeGreaterThanOrEqual(1);
    expect(runningPodsOf(w, 'nginx-to-scaleout')).toBe(15);
    expect(enText(caState(w)!.why.lastScaleUp!.lines)).toMatch(/expander priority: highest priority 10/);
  });

  it('keeps the why-panel explanations: the scale-up plan and each node against the threshold', () => {
    const w = world();
    runChecked(w, 60);
    const why = caState(w)!.why;
    expect(enText(why.lastScaleUp?.lines ?? [])).toMatch(/6 unschedulable pod\(s\) → \[\{eks-ng1-\S+ 3->5 \(max: 6\)\}\]/);
    expect(enText(why.lastScaleUp?.lines ?? [])).toContain('2 node(s) of t3.medium would fit 6 pod(s)');
    expect(why.nodes.length).toBeGreaterThanOrEqual(3);
    expect(why.nodes.some((n) => /cpu utilization 0\.\d\d/.test(en(n.explanation)))).toBe(true);
  });
});
