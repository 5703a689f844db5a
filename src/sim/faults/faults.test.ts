import { podCpuUsedMilliMs } from '../cluster/pods';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/loadScenario';
import { parseCommandLine } from '../../scenario/commandLine';
import { createWorld } from '../bootstrap';
import { runUntil } from '../core/step';
import { enqueueCommand } from '../commands/apply';
import { runView } from '../commands/views';
import type { World } from '../core/types';
import { nodesOfGroup } from '../cloud/nodeGroups';
import { peekKarpenterState } from '../autoscalers/karpenter/engine/state';
import { enText } from '../../testing/messages';
import { karpenterWhy } from '../autoscalers/karpenter/controller';

function exampleWorld(name: string, extra: (text: string) => string = (t) => t): World {
  const loaded = loadScenario(extra(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8')), `${name}.yaml`);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  return createWorld(loaded.spec, loaded.manifests.map((m) => m.doc));
}

function at(world: World, atMs: number, line: string): void {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) throw new Error(parsed.error);
  enqueueCommand(world, { atMs, input: line, command: parsed.command });
}

const lastCommand = (w: World) => w.commands[w.commands.length - 1];

describe('playground fault commands (parse)', () => {
  it('reads zone, metrics-server and capacity faults with their default durations, and says what is wrong', () => {
    expect(parseCommandLine('playground fault zone/ap-northeast-2a')).toMatchObject({ ok: true, command: { type: 'zoneOutage', zone: 'ap-northeast-2a', durationMs: 1_800_000 } });
    expect(parseCommandLine('playground fault metrics-server --for=2m30s')).toMatchObject({ ok: true, command: { type: 'metricsServerOutage', durationMs: 150_000 } });
    expect(parseCommandLine('playground fault capacity/t3.medium --zone ap-northeast-2b --for 10m')).toMatchObject({
      ok: true,
      command: { type: 'capacityShortage', instanceType: 't3.medium', zone: 'ap-northeast-2b', durationMs: 600_000 },
    });
    expect(parseCommandLine('playground fault node/ip-1')).toMatchObject({ ok: true, command: { type: 'killNode', node: 'ip-1' } });
    expect(parseCommandLine('playground fault zone/a --for=0s')).toMatchObject({ ok: false, error: 'error: --for must be a positive duration (got 0s)' });
    const errorOf = (line: string) => {
      const r = parseCommandLine(line);
      return r.ok ? '' : r.error;
    };
    expect(errorOf('playground fault zone/a --for=5x')).toContain('unknown unit "x"');
    expect(errorOf('playground fault disk/a')).toContain('unknown target "disk"');
  });
});

describe('losing an availability zone (Cluster Autoscaler, ca-nginx-scaleout)', () => {
  it('makes the zone\'s nodes NotReady, evicts their pods after the toleration, launches elsewhere, and recovers', () => {
    const w = exampleWorld('ca-nginx-scaleout');
    runUntil(w, 10_000);
    const zone = [...w.nodes.values()][0].zone;
    const inZone = [...w.nodes.values()].filter((n) => n.zone === zone).map((n) => n.name);
    at(w, 20_000, `playground fault zone/${zone} --for=12m`);
    runUntil(w, 30_000);
    expect(lastCommand(w).ok).toBe(true);
    expect(lastCommand(w).output).toContain(`zone/${zone} lost for 12m: ${inZone.length} node(s) stopped responding`);
    for (const n of inZone) expect(w.nodes.get(n)!.state).toBe('NotReady');
    // 15 pods at 1m: six go Pending; the CA raises the group and the ASG launches outside the lost zone.
    runUntil(w, 9 * 60_000);
    const group = w.nodeGroups.get('ng1')!;
    const launched = nodesOfGroup(w, group).filter((n) => !inZone.includes(n.name));
    expect(launched.length).toBeGreaterThan(2);
    expect(launched.every((n) => n.zone !== zone)).toBe(true);
    // The taint manager evicted the lost nodes' pods (40 s grace + 300 s toleration).
    expect(inZone.every((n) => w.nodes.get(n)!.podNames.every((p) => w.pods.get(p)?.ownerKind === 'DaemonSet' || w.pods.get(p)?.state === 'Terminating'))).toBe(true);
    runUntil(w, 13 * 60_000);
    for (const n of inZone) expect(w.nodes.get(n)!.state).toBe('Ready');
  });

  it('fails the ASG\'s launches when every zone of the group refuses, and the CA backs the group off and gives the capacity back', () => {
    const w = exampleWorld('ca-nginx-scaleout');
    at(w, 30_000, 'playground fault capacity/t3.medium --for=20m');
    runUntil(w, 3 * 60_000);
    expect(w.faults!.asgFailures.ng1.message).toMatch(/^We currently do not have sufficient t3.medium capacity in the Availability Zone you requested \(ap-northeast-2[a-c]\)\..* Launching EC2 instance failed\.$/);
    expect(w.logs.some((l) => l.controller === 'aws-autoscaling' && l.message.startsWith('Launching a new EC2 instance. Status Reason: We currently do not have sufficient t3.medium'))).toBe(true);
    const ca = w.logs.filter((l) => l.controller === 'cluster-autoscaler').map((l) => l.message);
    expect(ca.some((m) => m.includes('Failed adding 2 nodes (2 unseen previously) to group eks-ng1') && m.includes('OutOfResource.placeholder-cannot-be-fulfilled'))).toBe(true);
    expect(ca.some((m) => m.includes('Disabling scale-up for node group eks-ng1') && m.includes('errorCode=placeholder-cannot-be-fulfilled'))).toBe(true);
    // The placeholders were deleted: desired is back to the 3 running instances, and the status shows the backoff.
    expect(w.nodeGroups.get('ng1')!.desiredCapacity).toBe(3);
    const status = runView(w, ['kubectl', 'describe', 'configmap', 'cluster-autoscaler-status', '-n', 'kube-system']);
    expect(status.output).toMatch(/Backoff/);
    expect([...w.pods.values()].filter((p) => p.state === 'Pending').length).toBe(6);
  });
});

describe('MarkPodsNotReady: a lost node\'s pods are not Ready while it is gone', () => {
  // kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go (MarkPodsNotReady): Ready=False
  // on every pod of a node that stopped reporting; the kubelet reports them again when it is back.
  it('the pods run on but count as not Ready (deployment READY, kubectl get pods 0/1), and are Ready again after a short outage', () => {
    // The example's own timeline (scale to 15 at 1m, delete at 5m) removed: nine pods, three a node.
    const w = exampleWorld('ca-nginx-scaleout', (t) => t.replace(/ {2}timeline:\n(?: {4}- .*\n)+/, ''));
    at(w, 1000, 'kubectl scale --replicas=9 deployment/nginx-to-scaleout');
    runUntil(w, 60_000);
    const ready = () => [...w.pods.values()].filter((p) => p.deployment === 'nginx-to-scaleout' && p.state === 'Ready');
    expect(ready()).toHaveLength(9);
    const lost = w.nodes.get(ready()[0].nodeName)!;
    const onLost = ready().filter((p) => p.nodeName === lost.name).map((p) => p.name);
    expect(onLost.length).toBeGreaterThan(0);
    at(w, 61_000, `playground fault zone/${lost.zone} --for=2m`);
    runUntil(w, 62_000);
    expect(ready()).toHaveLength(9 - onLost.length);
    for (const name of onLost) {
      const pod = w.pods.get(name)!;
      expect(pod.state).toBe('Running');
      expect(pod.readyConditionStatus).toBe('False');
    }
    const row = runView(w, ['kubectl', 'get', 'pods']).output.split('\n').find((l) => l.startsWith(onLost[0]))!;
    expect(row).toMatch(/0\/1\s+Running/);
    const deploy = runView(w, ['kubectl', 'get', 'deploy', 'nginx-to-scaleout']).output;
    expect(deploy).toContain(`${9 - onLost.length}/9`);
    // Still not Ready a minute later: no probe reports from a node that is gone.
    runUntil(w, 2 * 60_000);
    expect(onLost.every((n) => w.pods.get(n)!.state === 'Running')).toBe(true);
    // Back before the 340 s eviction: the same pods turn Ready again, nothing was evicted.
    runUntil(w, 4 * 60_000);
    expect(lost.state).toBe('Ready');
    expect(onLost.every((n) => w.pods.get(n)!.state === 'Ready')).toBe(true);
    expect(ready()).toHaveLength(9);
    expect(w.events.filter((e) => e.reason === 'TaintManagerEviction')).toEqual([]);
    // Coming back does not restart the containers: no second Created/Started for them.
    for (const name of onLost) expect(w.events.filter((e) => e.name === name && e.reason === 'Started')).toHaveLength(1);
  });
});

describe('losing a zone under load (hpa-php-apache)', () => {
  it('the Service stops sending traffic to pods on the lost nodes (their pods are marked not Ready)', () => {
    const w = exampleWorld('hpa-php-apache');
    runUntil(w, 6 * 60_000);
    const pods = [...w.pods.values()].filter((p) => p.deployment === 'php-apache' && p.state === 'Ready');
    const zones = new Set(pods.map((p) => w.nodes.get(p.nodeName)!.zone));
    expect(zones.size).toBeGreaterThan(1);
    const lostZone = w.nodes.get(pods[0].nodeName)!.zone;
    at(w, 6 * 60_000 + 1000, `playground fault zone/${lostZone} --for=10m`);
    runUntil(w, 6 * 60_000 + 2000);
    const before = new Map(pods.map((p) => [p.name, podCpuUsedMilliMs(w, p)]));
    runUntil(w, 6 * 60_000 + 32_000);
    const used = (inLost: boolean) =>
      pods.filter((p) => (w.nodes.get(p.nodeName)!.zone === lostZone) === inLost).map((p) => podCpuUsedMilliMs(w, p) - before.get(p.name)!);
    const lost = used(true);
    const healthy = used(false);
    expect(lost.length).toBeGreaterThan(0);
    expect(healthy.length).toBeGreaterThan(0);
    for (const d of lost) expect(d).toBeLessThan(0.05 * Math.min(...healthy));
    expect(w.loadStates.get('php-apache')!.servedRps).toBeGreaterThan(0);
  });
});

describe('metrics-server down (HPA, hpa-php-apache)', () => {
  it('ScalingActive False / FailedGetResourceMetric with the real error, replicas kept; kubectl top fails; back after the outage', () => {
    const w = exampleWorld('hpa-php-apache');
    runUntil(w, 5 * 60_000);
    const before = w.deployments.get('php-apache')!.replicas;
    expect(before).toBeGreaterThan(1);
    at(w, 5 * 60_000 + 1000, 'playground fault metrics-server --for=3m');
    runUntil(w, 7 * 60_000);
    const describe = runView(w, ['kubectl', 'describe', 'hpa', 'php-apache']).output;
    expect(describe).toMatch(/ScalingActive\s+False\s+FailedGetResourceMetric\s+the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server is currently unable to handle the request \(get pods\.metrics\.k8s\.io\)/);
    expect(w.events.some((e) => e.reason === 'FailedGetResourceMetric' && e.type === 'Warning')).toBe(true);
    expect(w.deployments.get('php-apache')!.replicas).toBe(before);
    expect(runView(w, ['kubectl', 'top', 'pods']).output).toBe('error: Metrics API not available');
    runUntil(w, 10 * 60_000);
    expect(runView(w, ['kubectl', 'describe', 'hpa', 'php-apache']).output).toMatch(/ScalingActive\s+True\s+ValidMetricFound/);
    expect(runView(w, ['kubectl', 'top', 'pods']).ok).toBe(true);
  });
});

describe('Karpenter falls back to another offering (karpenter-inflate)', () => {
  it('an instance type out of capacity everywhere: removed from offerings, another type launches', () => {
    const free = exampleWorld('karpenter-inflate');
    runUntil(free, 4 * 60_000);
    const usual = [...free.nodes.values()].find((n) => n.poolKind === 'nodePool')!;
    expect(usual).toBeDefined();

    const w = exampleWorld('karpenter-inflate');
    at(w, 1000, `playground fault capacity/${usual.instanceType} --for=30m`);
    runUntil(w, 4 * 60_000);
    const launched = [...w.nodes.values()].filter((n) => n.poolKind === 'nodePool');
    expect(launched.length).toBeGreaterThan(0);
    expect(launched.every((n) => n.instanceType !== usual.instanceType)).toBe(true);
    expect(w.logs.some((l) => l.controller === 'karpenter' && l.message.includes('removing offering from offerings') && l.message.includes(usual.instanceType) && l.message.includes('InsufficientInstanceCapacity'))).toBe(true);
    expect(peekKarpenterState(w)!.unavailable.some((u) => u.instanceType === usual.instanceType)).toBe(true);
    expect(enText(karpenterWhy(w))).toContain(`EC2 had no capacity for ${usual.instanceType}`);
  });

  it('a lost zone: Karpenter launches the same cheapest type in another zone', () => {
    const free = exampleWorld('karpenter-inflate');
    runUntil(free, 4 * 60_000);
    const usual = [...free.nodes.values()].find((n) => n.poolKind === 'nodePool')!;

    const w = exampleWorld('karpenter-inflate');
    at(w, 1000, `playground fault zone/${usual.zone} --for=30m`);
    runUntil(w, 4 * 60_000);
    const launched = [...w.nodes.values()].filter((n) => n.poolKind === 'nodePool');
    expect(launched.length).toBeGreaterThan(0);
    expect(launched.every((n) => n.zone !== usual.zone)).toBe(true);
  });
});
