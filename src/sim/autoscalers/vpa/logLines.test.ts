import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario/loadScenario';
import { createWorld } from '../../bootstrap';
import type { ManifestDoc } from '../../core/commands';
import { runUntil } from '../../core/step';
import type { World } from '../../core/types';
import { faultsOf } from '../../faults/state';
import { runView } from '../../commands/views';
import { applyCommand } from '../../commands/apply';
import { errorS, goJson, infoS, kref } from './klogS';

/**
 * The vpa-recommender's and vpa-updater's logs as VPA 1.4.2 prints them: the image upstream's
 * deploy manifests run on vpa-release-1.4, with no --v, so common/flags.go's default --v=4. Files
 * and lines are tag vertical-pod-autoscaler/v1.4.2's (kubernetes/autoscaler); "Event occurred" is
 * client-go v0.33.0 tools/record/event.go:389. The sim starts at 2026-11-02T00:00:00Z.
 */
function example(file: string, extra: ManifestDoc[] = [], patch?: (doc: ManifestDoc) => void): World {
  const loaded = loadScenario(readFileSync(`examples/${file}`, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const docs = loaded.manifests.map((m) => m.doc);
  if (patch) docs.forEach(patch);
  return createWorld(loaded.spec, [...docs, ...extra]);
}

/** The lines one controller printed at one sim second. */
function linesAt(world: World, controller: string, t: number): string[] {
  return world.logs.filter((l) => l.controller === controller && l.t === t).map((l) => l.message);
}

/** What a pod of the example is called: names come from the seeded RNG. */
function podNames(world: World, deployment: string): string[] {
  return [...world.pods.values()].filter((p) => p.deployment === deployment).map((p) => p.name);
}

describe('vpa-recommender, examples/vpa-hamster.yaml', () => {
  const world = example('vpa-hamster.yaml');
  runUntil(world, 130_000);

  it('prints RunOnce at --v=4, in order (routines/recommender.go, input/cluster_feeder.go, checkpoint/checkpoint_writer.go)', () => {
    expect(linesAt(world, 'vpa-recommender', 60)).toEqual([
      // recommender.go:148 klog.V(3).InfoS("Recommender Run")
      'I1102 00:01:00.000000       1 recommender.go:148] "Recommender Run"',
      // cluster_feeder.go:381 (filterVPAs), :422 (LoadVPAs), :432 klog.V(4) "Using selector"
      'I1102 00:01:00.000000       1 cluster_feeder.go:381] "Start selecting the vpaCRDs."',
      'I1102 00:01:00.000000       1 cluster_feeder.go:422] "Fetching VPAs" count=1',
      'I1102 00:01:00.000000       1 cluster_feeder.go:432] "Using selector" selector="app=hamster" vpa="default/hamster-vpa"',
      // metrics/metrics_client.go:76, then cluster_feeder.go:523: a CPU and a memory sample per container
      'I1102 00:01:00.000000       1 metrics_client.go:76] "podMetrics retrieved for all namespaces" podMetrics=10',
      'I1102 00:01:00.000000       1 cluster_feeder.go:523] "ClusterSpec fed with ContainerUsageSamples" sampleCount=20 containerCount=10 droppedSampleCount=0',
      'I1102 00:01:00.000000       1 recommender.go:158] "ClusterState is tracking" pods=10 vpas=1',
      // checkpoint_writer.go:114: one VerticalPodAutoscalerCheckpoint per VPA and container
      'I1102 00:01:00.000000       1 checkpoint_writer.go:114] "Saved checkpoint for VPA" vpa="default/hamster-vpa" container="hamster"',
      // model/cluster.go:405 klog.V(1): the last collection starts at the Unix epoch, so the first run collects
      'I1102 00:01:00.000000       1 cluster.go:405] "Garbage collection of AggregateCollectionStates triggered"',
      'I1102 00:01:00.000000       1 recommender.go:170] "ClusterState is tracking" aggregateContainerStates=4',
    ]);
  });

  it('forgets the evicted pod at its next run (cluster_feeder.go:471 LoadPods), and prints no recommendation', () => {
    const evicted = world.events.find((e) => e.reason === 'EvictedByVPA')!.name;
    const at120 = linesAt(world, 'vpa-recommender', 120);
    expect(at120[4]).toBe(`I1102 00:02:00.000000       1 cluster_feeder.go:471] "Deleting Pod" pod="default/${evicted}"`);
    // Upstream logs no target: the recommendation is in the VPA's status (kubectl describe vpa).
    expect(world.logs.some((l) => l.controller === 'vpa-recommender' && /587m|target/.test(l.message))).toBe(false);
  });

  it('collects orphaned checkpoints every --checkpoints-gc-interval (10m) and forgets a deleted VPA (cluster_feeder.go:295, :450, :360)', () => {
    const w = example('vpa-hamster.yaml');
    runUntil(w, 590_000);
    applyCommand(w, { type: 'delete', kind: 'vpa', name: 'hamster-vpa', namespace: 'default' });
    runUntil(w, 600_000);
    const lines = linesAt(w, 'vpa-recommender', 600);
    expect(lines).toContain('I1102 00:10:00.000000       1 cluster_feeder.go:450] "Deleting VPA" vpa="default/hamster-vpa"');
    expect(lines.slice(-3)).toEqual([
      'I1102 00:10:00.000000       1 cluster_feeder.go:295] "Starting garbage collection of checkpoints"',
      'I1102 00:10:00.000000       1 cluster_feeder.go:360] "Orphaned VPA checkpoint cleanup - deleting" checkpoint="default/hamster-vpa-hamster"',
      'I1102 00:10:00.000000       1 recommender.go:170] "ClusterState is tracking" aggregateContainerStates=4',
    ]);
    // With no VPA left the updater still runs: updater.go:184 klog.V(0).
    runUntil(w, 630_000);
    expect(linesAt(w, 'vpa-updater', 630)).toEqual(['I1102 00:10:30.000000       1 updater.go:184] "No VPA objects to process"']);
  });

  it('while metrics-server is down: the metrics client\'s error (cluster_feeder.go:496) and no samples', () => {
    const w = example('vpa-hamster.yaml');
    Object.assign(faultsOf(w), { metricsServerDownFromMs: 170_000, metricsServerDownUntilMs: 200_000 });
    runUntil(w, 180_000);
    const lines = linesAt(w, 'vpa-recommender', 180);
    expect(lines).toContain('E1102 00:03:00.000000       1 cluster_feeder.go:496] "Cannot get ContainerMetricsSnapshot from MetricsClient" err="the server is currently unable to handle the request (get pods.metrics.k8s.io)"');
    expect(lines).toContain('I1102 00:03:00.000000       1 cluster_feeder.go:523] "ClusterSpec fed with ContainerUsageSamples" sampleCount=0 containerCount=0 droppedSampleCount=0');
    expect(lines.some((l) => l.includes('metrics_client.go:76'))).toBe(false);
  });
});

describe('vpa-updater, examples/vpa-hamster.yaml (updateMode Auto)', () => {
  const world = example('vpa-hamster.yaml');
  runUntil(world, 160_000);
  const evictions = world.events.filter((e) => e.reason === 'EvictedByVPA').map((e) => e.name);

  it('ranks both pods, evicts one within the tolerance and logs the two events it records (updater.go, update_priority_calculator.go)', () => {
    const [first, second] = evictions;
    const accepted = (pod: string) =>
      // update_priority_calculator.go:145 klog.V(2): ResourceDiff |100−587|/100 + |52428800−262144000|/52428800; targets in kB and millicores
      `I1102 00:01:30.000000       1 update_priority_calculator.go:145] "Pod accepted for update" pod="default/${pod}" updatePriority=8.870000000000001 processedRecommendations="hamster: target: 262144k 587m; uncappedTarget: 262144k 587m;"`;
    const lines = linesAt(world, 'vpa-updater', 90);
    expect(lines).toHaveLength(5);
    expect(lines.slice(0, 2).sort()).toEqual([accepted(first), accepted(second)].sort());
    expect(lines.slice(2)).toEqual([
      // updater.go:305 klog.V(2); the second pod fails CanEvict (tolerance 1 of 2) without a line
      `I1102 00:01:30.000000       1 updater.go:305] "Evicting pod" pod="default/${first}"`,
      // pods_eviction_restriction.go:96-100 record both events; the broadcaster logs them at V(4)
      `I1102 00:01:30.000000       1 event.go:389] "Event occurred" object="default/${first}" fieldPath="" kind="Pod" apiVersion="v1" type="Normal" reason="EvictedByVPA" message="Pod was evicted by VPA Updater to apply resource recommendation."`,
      `I1102 00:01:30.000000       1 event.go:389] "Event occurred" object="default/hamster-vpa" fieldPath="" kind="VerticalPodAutoscaler" apiVersion="autoscaling.k8s.io/v1" type="Normal" reason="EvictedPod" message="VPA Updater evicted Pod ${first} to apply resource recommendation."`,
    ]);
  });

  it('a replacement within the recommended range is short-lived: update_priority_calculator.go:131 klog.V(4)', () => {
    const replacement = podNames(world, 'hamster').find((n) => !evictions.includes(n))!;
    expect(linesAt(world, 'vpa-updater', 150)).toContain(
      `I1102 00:02:30.000000       1 update_priority_calculator.go:131] "Not updating a short-lived pod, request within recommended range" pod="default/${replacement}"`,
    );
  });

  it('is what kubectl logs prints for deploy/vpa-updater, line for line', () => {
    const out = runView(world, ['kubectl', 'logs', '-n', 'kube-system', 'deploy/vpa-updater']).output.split('\n');
    expect(out).toEqual(world.logs.filter((l) => l.controller === 'vpa-updater').map((l) => l.message));
  });

  it('is deterministic: the same run prints the same lines', () => {
    const again = example('vpa-hamster.yaml');
    runUntil(again, 160_000);
    expect(again.logs.filter((l) => l.controller.startsWith('vpa-'))).toEqual(world.logs.filter((l) => l.controller.startsWith('vpa-')));
  });
});

describe('vpa-updater refused by a PodDisruptionBudget (pods_eviction_restriction.go:93, updater.go:308)', () => {
  const pdb: ManifestDoc = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'hamster' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'hamster' } } } };
  const world = example('vpa-hamster.yaml', [pdb]);
  runUntil(world, 95_000);

  it('logs the Eviction API\'s 429 as Evict\'s error and RunOnce\'s "Eviction failed", then tries the next pod', () => {
    const lines = linesAt(world, 'vpa-updater', 90).slice(2);
    const refused = "Cannot evict pod as it would violate the pod's disruption budget.";
    const pods = lines.filter((l) => l.includes('"Evicting pod"')).map((l) => /pod="default\/([^"]+)"/.exec(l)![1]);
    expect(pods).toHaveLength(2);
    expect(lines).toEqual(
      pods.flatMap((pod) => [
        `I1102 00:01:30.000000       1 updater.go:305] "Evicting pod" pod="default/${pod}"`,
        `E1102 00:01:30.000000       1 pods_eviction_restriction.go:93] "Failed to evict pod" err="${refused}" pod="default/${pod}"`,
        `I1102 00:01:30.000000       1 updater.go:308] "Eviction failed" error="${refused}" pod="default/${pod}"`,
      ]),
    );
    expect(world.events.some((e) => e.reason === 'EvictedByVPA')).toBe(false);
  });
});

describe('vpa-updater, examples/vpa-hamster-inplace.yaml (InPlaceOrRecreate, feature gate on)', () => {
  const world = example('vpa-hamster-inplace.yaml');
  runUntil(world, 95_000);

  it('resizes one pod through /resize and defers the other (pods_inplace_restriction.go, recommendation_provider.go:121, updater.go:273)', () => {
    // No event names it (1.4.2 comments InPlaceResizedByVPA out): the annotation patch does.
    const resized = podNames(world, 'hamster').find((n) => world.pods.get(n)!.spec.annotations.vpaInPlaceUpdated === 'true')!;
    const other = podNames(world, 'hamster').find((n) => n !== resized)!;
    const at = 'I1102 00:01:30.000000       1 ';
    const lines = linesAt(world, 'vpa-updater', 90);
    expect(lines.slice(2)).toEqual([
      `${at}recommendation_provider.go:121] "Updating requirements for pod" pod="default/${resized}"`,
      `${at}pods_inplace_restriction.go:128] "Calculated patches for pod" pod="default/${resized}" patches=[{"op":"add","path":"/spec/containers/0/resources/requests/cpu","value":"587m"},{"op":"add","path":"/spec/containers/0/resources/requests/memory","value":"262144k"}]`,
      `${at}pods_inplace_restriction.go:128] "Calculated patches for pod" pod="default/${resized}" patches=[{"op":"add","path":"/metadata/annotations/vpaInPlaceUpdated","value":"true"}]`,
      `${at}pods_inplace_restriction.go:145] "In-place patched pod /resize subresource using patches" pod="default/${resized}" patches="[{\\"op\\":\\"add\\",\\"path\\":\\"/spec/containers/0/resources/requests/cpu\\",\\"value\\":\\"587m\\"},{\\"op\\":\\"add\\",\\"path\\":\\"/spec/containers/0/resources/requests/memory\\",\\"value\\":\\"262144k\\"}]"`,
      // The admission controller gave the pod vpaObservedContainers, so no empty-annotations patch leads.
      `${at}pods_inplace_restriction.go:156] "Patched pod annotations" pod="default/${resized}" patches="[{\\"op\\":\\"add\\",\\"path\\":\\"/metadata/annotations/vpaInPlaceUpdated\\",\\"value\\":\\"true\\"}]"`,
      `${at}pods_inplace_restriction.go:101] "Can't in-place update pod, but not falling back to eviction. Waiting for next loop" pod="default/${other}"`,
      `${at}updater.go:273] "In-place update deferred" pod="default/${other}"`,
    ]);
    expect(world.pods.get(resized)!.spec.annotations.vpaInPlaceUpdated).toBe('true');
  });
});

describe('examples/vpa-oom.yaml: OOM kills', () => {
  const world = example('vpa-oom.yaml');
  runUntil(world, 485_000);

  it('the updater sees a quick OOM (update_priority_calculator.go:116) and accepts the pod', () => {
    const lines = linesAt(world, 'vpa-updater', 450);
    const pod = /pod="default\/([^"]+)"/.exec(lines[0])![1];
    expect(lines[0]).toBe(`I1102 00:07:30.000000       1 update_priority_calculator.go:116] "Quick OOM detected in pod" pod="default/${pod}" containerName="app"`);
    expect(lines[1]).toMatch(new RegExp(`^I1102 00:07:30.000000       1 update_priority_calculator.go:145\\] "Pod accepted for update" pod="default/${pod}" updatePriority=[0-9.]+ processedRecommendations="app: target: \\d+k \\d+m; uncappedTarget: \\d+k \\d+m;"$`));
  });

  it('the recommender logs each OOM its observer queued at its next run (cluster_feeder.go:528, OomInfo as JSON)', () => {
    const ooms = linesAt(world, 'vpa-recommender', 480).filter((l) => l.includes('"OOM detected"'));
    expect(ooms).toHaveLength(2);
    const pods = ooms.map((l) => /"PodName":"([^"]+)"/.exec(l)![1]);
    // Killed at the 00:07:00 scrape, after that minute's run; Memory is the container's request (256Mi).
    expect(ooms).toEqual(
      pods.map(
        (p) =>
          `I1102 00:08:00.000000       1 cluster_feeder.go:528] "OOM detected" oomInfo={"Timestamp":"2026-11-02T00:07:00Z","Memory":268435456,"ContainerID":{"Namespace":"default","PodName":"${p}","ContainerName":"app"}}`,
      ),
    );
  });
});

describe('VPAs the updater skips (updater.go:168, :173, :184)', () => {
  it('mode Off: skipped at V(3), then nothing to process at V(0)', () => {
    const world = example('vpa-hamster.yaml', [], (doc) => {
      if (doc.kind === 'VerticalPodAutoscaler') (doc.spec as { updatePolicy: { updateMode: string } }).updatePolicy.updateMode = 'Off';
    });
    runUntil(world, 90_000);
    expect(linesAt(world, 'vpa-updater', 90)).toEqual([
      'I1102 00:01:30.000000       1 updater.go:168] "Skipping VPA object because its mode is not  \\"InPlaceOrRecreate\\", \\"Recreate\\" or \\"Auto\\"" vpa="default/hamster-vpa"',
      'I1102 00:01:30.000000       1 updater.go:184] "No VPA objects to process"',
    ]);
  });

  it('a target that does not exist: the recommender\'s selector error (cluster_feeder.go:615) and the updater\'s skip', () => {
    const world = example('vpa-hamster.yaml', [], (doc) => {
      if (doc.kind === 'VerticalPodAutoscaler') (doc.spec as { targetRef: { name: string } }).targetRef.name = 'gone';
    });
    runUntil(world, 90_000);
    expect(linesAt(world, 'vpa-recommender', 60).slice(3, 5)).toEqual([
      'E1102 00:01:00.000000       1 cluster_feeder.go:615] "Cannot get target selector from VPA\'s targetRef" err="Deployment default/gone does not exist"',
      'I1102 00:01:00.000000       1 cluster_feeder.go:432] "Using selector" selector="" vpa="default/hamster-vpa"',
    ]);
    expect(linesAt(world, 'vpa-updater', 90)).toEqual([
      'I1102 00:01:30.000000       1 updater.go:173] "Skipping VPA object because we cannot fetch selector" vpa="default/hamster-vpa"',
      'I1102 00:01:30.000000       1 updater.go:184] "No VPA objects to process"',
    ]);
  });
});

describe('klog structured values (klog v2.130.1 internal/serialize)', () => {
  it('quotes strings and object references, JSON-encodes the rest as encoding/json does', () => {
    expect(infoS(2, 'x.go:1', 'msg', { s: 'a "b"', n: 0.5, ref: kref('ns', 'p'), cluster: kref('', 'n1'), v: goJson({ A: '<&>' }) }).message).toBe(
      '"msg" s="a \\"b\\"" n=0.5 ref="ns/p" cluster="n1" v={"A":"\\u003c\\u0026\\u003e"}',
    );
    expect(errorS('x.go:2', 'boom', 'failed', { pod: kref('default', 'p') })).toEqual({ v: 0, severity: 'E', source: 'x.go:2', message: '"failed" err="boom" pod="default/p"' });
  });
});
