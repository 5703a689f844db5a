import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario/loadScenario';
import { createWorld } from '../../bootstrap';
import type { ManifestDoc } from '../../core/commands';
import { runUntil } from '../../core/step';
import type { Pod, World } from '../../core/types';
import { applyCommand } from '../../commands/apply';
import type { CaLogLine } from '../cluster-autoscaler/types';
import { deploymentPods } from '../../resources/workloadKinds';
import { canEvict, creatorMaps } from './restriction';
import { DEFAULT_EVICTION_BUDGET } from './updater';
import { vpaObjects } from './worldState';

/**
 * Which pods the vpa-updater sees and the unit of its eviction budget, against tag
 * vertical-pod-autoscaler/v1.4.2 (kubernetes/autoscaler, vertical-pod-autoscaler/pkg/updater/).
 */
function hamster(patch: (spec: Record<string, unknown>) => void = () => {}): World {
  const loaded = loadScenario(readFileSync('examples/vpa-hamster.yaml', 'utf8'), 'vpa-hamster.yaml');
  if (!loaded.ok) throw new Error('vpa-hamster.yaml does not load');
  const docs: ManifestDoc[] = loaded.manifests.map((m) => m.doc);
  for (const d of docs) if (d.kind === 'Deployment') patch(d.spec as Record<string, unknown>);
  return createWorld(loaded.spec, docs);
}

const setCpu = (w: World, cpuMillis: number) =>
  applyCommand(w, { type: 'setResources', kind: 'deployment', name: 'hamster', namespace: 'default', container: '*', requests: { cpuMillis }, limits: {} });

const updaterLines = (w: World, t: number) => w.logs.filter((l) => l.controller === 'vpa-updater' && l.t === t).map((l) => l.message);
const evictedAt = (w: World, t: number) => w.events.filter((e) => e.reason === 'EvictedByVPA' && e.t === t).map((e) => e.name);

/**
 * Six replicas, maxSurge 0 / maxUnavailable 2, and at 10 s (before any recommendation) a template
 * asking 64 CPUs: the rollout stops with the old ReplicaSet at 4 running pods and the new one at 2
 * pods no node can take. Their 100m/50Mi→64-CPU requests are outside the recommended range.
 */
function stuckRollout(): { w: World; oldRs: string; newRs: string } {
  const w = hamster((s) => {
    s.replicas = 6;
    s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 2 } };
  });
  runUntil(w, 10_000);
  const oldRs = deploymentPods(w, w.deployments.get('hamster')!)[0].ownerName;
  setCpu(w, 64_000);
  runUntil(w, 89_000);
  const newRs = [...w.replicaSets.values()].find((r) => r.deployment === 'hamster' && r.name !== oldRs)!.name;
  return { w, oldRs, newRs };
}

describe('the updater sees only pods bound to a node (logic/updater.go:385-390 newPodLister, :197 filterDeletedPods)', () => {
  const { w, oldRs, newRs } = stuckRollout();
  const unscheduled = () => deploymentPods(w, w.deployments.get('hamster')!).filter((p) => p.ownerName === newRs);

  it('the scenario holds: two unscheduled pods outside the recommended range at the 90 s pass', () => {
    expect(unscheduled().map((p) => [p.state, p.nodeName, p.request.cpuMillis])).toEqual([
      ['Pending', '', 64_000],
      ['Pending', '', 64_000],
    ]);
    expect(w.replicaSets.get(oldRs)!.replicas).toBe(4);
  });

  it('never ranks, logs or evicts them: spec.nodeName!="" keeps them out of the lister', () => {
    const names = unscheduled().map((p) => p.name);
    runUntil(w, 91_000);
    // The engine used to evict them for free (CanEvict's Pending branch), every pass.
    expect(evictedAt(w, 90).filter((n) => names.includes(n))).toEqual([]);
    expect(updaterLines(w, 90).filter((l) => names.some((n) => l.includes(n)))).toEqual([]);
    const decisions = vpaObjects(w)[0].lastUpdate.decisions.filter((d) => names.includes(d.pod));
    expect(decisions.map((d) => [d.action, d.reason.key])).toEqual([
      ['skipped', 'engine.vpa.unscheduled'],
      ['skipped', 'engine.vpa.unscheduled'],
    ]);
  });
});

describe('the eviction tolerance is per controlling owner, a ReplicaSet (restriction/pods_restriction_factory.go:183-246)', () => {
  it("sizes the old ReplicaSet's budget by its own spec.replicas (4), not the Deployment's (6)", () => {
    const { w, oldRs } = stuckRollout();
    runUntil(w, 91_000);
    // :231 evictionTolerance = int(4 × 0.5) = 2; :342-345 shouldBeAlive = 4 − 2, so 4 → 3 → 2 running.
    // Per Deployment it was int(6 × 0.5) = 3, shouldBeAlive 3: one pod only.
    const evicted = evictedAt(w, 90);
    expect(evicted).toHaveLength(2);
    expect(evicted.every((n) => w.pods.get(n)?.ownerName === oldRs)).toBe(true);
    const waiting = vpaObjects(w)[0].lastUpdate.decisions.filter((d) => d.action === 'waiting');
    expect(waiting.map((d) => d.reason)).toEqual([
      { key: 'engine.vpa.tolerance', params: { owner: `ReplicaSet/${oldRs}`, running: 2, configured: 4, floor: 2 } },
      { key: 'engine.vpa.tolerance', params: { owner: `ReplicaSet/${oldRs}`, running: 2, configured: 4, floor: 2 } },
    ]);
  });

  it('checks --min-replicas per ReplicaSet: a new ReplicaSet with one bound pod is "Too few replicas" (:210-213)', () => {
    const w = hamster();
    runUntil(w, 88_000);
    setCpu(w, 200);
    runUntil(w, 91_000);
    const rs = [...w.replicaSets.values()].filter((r) => r.deployment === 'hamster').sort((a, b) => a.createdMs - b.createdMs);
    const lines = updaterLines(w, 90);
    // The Deployment's three live pods were once counted together and passed minReplicas 2.
    expect(lines[0]).toBe(
      `I1102 00:01:30.000000       1 pods_restriction_factory.go:212] "Too few replicas" kind="ReplicaSet" object="default/${rs[1].name}" livePods=1 requiredPods=2 globalMinReplicas=2`,
    );
    // The old ReplicaSet (2 replicas, tolerance 1) still loses one pod.
    expect(evictedAt(w, 90).map((n) => w.pods.get(n)?.ownerName)).toEqual([rs[0].name]);
  });
});

describe('creatorMaps (GetCreatorMaps) on hand-made groups', () => {
  const w = hamster();
  runUntil(w, 30_000);
  const [a, b] = deploymentPods(w, w.deployments.get('hamster')!);
  const rs = a.ownerName;
  const like = (p: Pod, name: string, over: Partial<Pod>): Pod => ({ ...p, name, ...over });
  const vpa = vpaObjects(w)[0].vpa;

  it('groups by owner; leaves out a group under minReplicas and one whose ReplicaSet has no replicas (:141-143, :222-225)', () => {
    w.replicaSets.set('hamster-zero', { ...w.replicaSets.get(rs)!, name: 'hamster-zero', replicas: 0 });
    const pods = [a, b, like(a, 'lone-1', { ownerName: 'hamster-lone' }), like(a, 'zero-1', { ownerName: 'hamster-zero' }), like(b, 'zero-2', { ownerName: 'hamster-zero' })];
    const lines: CaLogLine[] = [];
    const maps = creatorMaps(w, vpa, pods, DEFAULT_EVICTION_BUDGET, lines);
    expect(lines.map((l) => [l.severity, l.source, l.message])).toEqual([
      ['I', 'pods_restriction_factory.go:212', '"Too few replicas" kind="ReplicaSet" object="default/hamster-lone" livePods=1 requiredPods=2 globalMinReplicas=2'],
      ['E', 'pods_restriction_factory.go:224', '"Failed to obtain replication info" err="replica set default/hamster-zero has no replicas config" kind="ReplicaSet" object="default/hamster-zero"'],
    ]);
    expect([...maps.byPod.keys()]).toEqual([a.name, b.name]);
    expect(maps.byPod.get(a.name)!.stats).toEqual({ configured: 2, livePods: 2, running: 2 });
    // A pod of a group left out cannot go, even Pending (pods_eviction_restriction.go:57-70).
    expect(canEvict(maps, like(a, 'lone-1', { ownerName: 'hamster-lone', state: 'ContainerCreating' }), DEFAULT_EVICTION_BUDGET)).toBe(false);
    expect(maps.excluded.get('zero-2')!.key).toBe('engine.vpa.noReplicaCount');
  });

  it('counts a bound pod not yet started as pending, not running (:232-241), and lets it go for free (:60-62)', () => {
    const starting = like(b, b.name, { state: 'ContainerCreating' });
    const maps = creatorMaps(w, vpa, [a, starting], DEFAULT_EVICTION_BUDGET, []);
    expect(maps.byPod.get(a.name)!.stats).toEqual({ configured: 2, livePods: 2, running: 1 });
    expect(canEvict(maps, starting, DEFAULT_EVICTION_BUDGET)).toBe(true);
    // running 1 − 0 > 2 − int(2 × 0.5) = 1 is false, and not all are running: the running pod stays.
    expect(canEvict(maps, a, DEFAULT_EVICTION_BUDGET)).toBe(false);
  });
});
