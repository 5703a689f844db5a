/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any -- the test walks generated YAML as plain data */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../loadScenario';
import { createWorld } from '../../sim/bootstrap';
import { runTrace } from '../../sim/trace/runTrace';
import { computeScorecard, scorecardFigure } from '../../sim/scorecard';
import { applyPreset, presetsFor, type PresetResult } from './index';
import { findInstanceType, onDemandPrice } from '../../sim/cloud/catalog';
import { spotPrice } from '../../sim/cloud/spotPrices';

const example = (name: string) => readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8');

function ok(r: PresetResult) {
  if (!r.ok) throw new Error(r.reason.text);
  return r;
}

function loaded(text: string) {
  const l = loadScenario(text, 'b.yaml');
  if (!l.ok) throw new Error(l.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  return l;
}

const docsOf = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Record<string, any>);

describe('preset "Karpenter instead of the Cluster Autoscaler" on ca-nginx-scaleout', () => {
  const r = ok(applyPreset('karpenter', example('ca-nginx-scaleout')));
  const a = loaded(example('ca-nginx-scaleout'));
  const b = loaded(r.text);

  it('keeps seed, duration, region, timeline and workloads; pins the node group; adds a NodePool with the headroom as limits', () => {
    expect([b.spec.seed, b.spec.durationMs, b.spec.region]).toEqual([a.spec.seed, a.spec.durationMs, a.spec.region]);
    expect(b.spec.timeline.map((c) => [c.atMs, c.input])).toEqual(a.spec.timeline.map((c) => [c.atMs, c.input]));
    const docs = docsOf(r.text);
    expect(docs[0].metadata.name).toBe('ca-nginx-scaleout-karpenter');
    expect(docs[0].spec.nodeGroups[0]).toMatchObject({ name: 'ng1', minSize: 3, maxSize: 3, desiredCapacity: 3 });
    expect(docs.some((d) => d.kind === 'Deployment' && d.metadata.name === 'cluster-autoscaler')).toBe(false);
    const pool = docs.find((d) => d.kind === 'NodePool')!;
    // maxSize 6 − 3 starting nodes = 3 × t3.medium (2 vCPU, 4 GiB).
    expect(pool.spec.limits).toEqual({ cpu: 6, memory: '12Gi' });
    expect(pool.spec.template.spec.requirements).toEqual([
      { key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['t3.medium'] },
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] },
    ]);
    expect(docs.find((d) => d.kind === 'EC2NodeClass')!.spec.role).toBe('KarpenterNodeRole-eks-workshop');
    expect(r.notes.map((n) => n.key)).toEqual(['removedClusterAutoscaler', 'nodePoolFromGroup', 'controllerNotModelled']);
  });

  it('runs: Karpenter launches two t3.medium for the 6 pending pods and removes them soon after the delete at 5m', () => {
    const trace = runTrace(createWorld(b.spec, b.manifests.map((m) => m.doc)), b.spec.durationMs);
    const card = computeScorecard(trace);
    expect(scorecardFigure(card, 'nodesLaunched')!.value).toBe(2);
    expect(trace.samples.find((s) => s.t === 180)!.nodes.byInstanceType).toEqual({ 't3.medium': 5 });
    // The CA waits scale-down-unneeded-time (10m) after 5m; Karpenter consolidates empty nodes at once.
    expect(scorecardFigure(card, 'nodesTerminated')!.atSeconds!).toBeLessThan(6 * 60 + 30);
    expect(trace.samples.at(-1)!.nodes.total).toBe(3);
  });

  it('does not fit scenarios without a Cluster Autoscaler and says why', () => {
    const n = applyPreset('karpenter', example('karpenter-inflate'));
    expect(n).toMatchObject({ ok: false, reason: { key: 'noClusterAutoscaler' } });
  });
});

describe('preset "Cluster Autoscaler instead of Karpenter"', () => {
  it('turns karpenter-inflate\'s spot NodePool into a tagged spot node group and adds the CA', () => {
    const r = ok(applyPreset('cluster-autoscaler', example('karpenter-inflate')));
    const docs = docsOf(r.text);
    expect(docs.some((d) => d.kind === 'NodePool' || d.kind === 'EC2NodeClass')).toBe(false);
    const group = docs[0].spec.nodeGroups.find((g: { name: string }) => g.name === 'default-ca');
    // c/m/r, generation > 2, amd64: the cheapest such type in ap-northeast-2 that fits a 1-CPU pod;
    // limits.cpu 1000 / 2 vCPU = 500 nodes at most.
    expect(group).toMatchObject({ capacityType: 'spot', minSize: 0, maxSize: 500, desiredCapacity: 0, tags: { 'k8s.io/cluster-autoscaler/enabled': 'true', 'k8s.io/cluster-autoscaler/playground': 'owned' } });
    expect(group.instanceType).toMatch(/^(c|m|r)[3-9]/);
    const ca = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === 'cluster-autoscaler')!;
    expect(ca.spec.template.spec.containers[0].command).toContain('--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/playground');
    const b = loaded(r.text);
    const trace = runTrace(createWorld(b.spec, b.manifests.map((m) => m.doc)), 6 * 60_000);
    // The 5 inflate pods end up Running on node-group nodes the CA added.
    expect(trace.samples.at(-1)!.workloads.inflate).toMatchObject({ desired: 5, ready: 5, pending: 0 });
    expect(trace.samples.at(-1)!.nodes.byPool['default-ca']).toBeGreaterThan(0);
  });

  it('uses the instance types a v1alpha5 Provisioner names', () => {
    const r = ok(applyPreset('cluster-autoscaler', example('karpenter-consolidation')));
    const group = docsOf(r.text)[0].spec.nodeGroups.at(-1);
    expect(['c5.large', 'm5.large', 'm5.xlarge']).toContain(group.instanceType);
    loaded(r.text);
  });
});

describe('presets spot, HPA behaviour and VPA off', () => {
  it('spot: node groups and NodePools buy spot; already-spot scenarios are left alone', () => {
    const r = ok(applyPreset('spot', example('karpenter-consolidation')));
    const docs = docsOf(r.text);
    expect(docs[0].spec.nodeGroups[0].capacityType).toBe('spot');
    loaded(r.text);
    expect(applyPreset('spot', r.text)).toMatchObject({ ok: false, reason: { key: 'alreadySpot' } });
  });

  it('spot: a spot node group is billed at the spot price (the engine used to bill it on-demand, a $0 difference)', () => {
    const a = loaded(example('ca-nginx-scaleout'));
    const b = loaded(ok(applyPreset('spot', example('ca-nginx-scaleout'))).text);
    const wa = createWorld(a.spec, a.manifests.map((m) => m.doc));
    const wb = createWorld(b.spec, b.manifests.map((m) => m.doc));
    const type = findInstanceType('t3.medium')!;
    for (const n of wb.nodes.values()) {
      expect(n.capacityType).toBe('spot');
      // src/sim/cloud/spotPrices.ts: on-demand × a seeded fraction in [0.25, 0.45] per family and zone.
      expect(n.pricePerHour).toBe(spotPrice(type, b.spec.region, n.zone, b.spec.seed));
      expect(n.pricePerHour).toBeLessThan(onDemandPrice(type, b.spec.region) * 0.46);
    }
    for (const n of wa.nodes.values()) expect(n.pricePerHour).toBe(onDemandPrice(type, a.spec.region));
    const cost = (w: typeof wa, spec: typeof a.spec) => scorecardFigure(computeScorecard(runTrace(w, spec.durationMs)), 'totalCost')!.value;
    const costA = cost(wa, a.spec) ?? 0;
    const costB = cost(wb, b.spec) ?? 0;
    expect(costB).toBeGreaterThan(0);
    expect(costB).toBeLessThan(costA * 0.46);
  });

  it('HPA fast/conservative: "kubectl autoscale" becomes an apply of the same v2 HPA with the behavior, at the same time', () => {
    for (const id of ['hpa-fast', 'hpa-conservative'] as const) {
      const r = ok(applyPreset(id, example('hpa-php-apache')));
      const entry = docsOf(r.text)[0].spec.timeline[0];
      expect(entry.at).toBe('30s');
      expect(entry.apply).toMatchObject({
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        spec: { scaleTargetRef: { name: 'php-apache' }, minReplicas: 1, maxReplicas: 10, metrics: [{ resource: { target: { averageUtilization: 50 } } }] },
      });
      expect(entry.apply.spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(id === 'hpa-fast' ? 0 : 600);
      loaded(r.text);
    }
  });

  it('HPA conservative scales php-apache up later than fast does', () => {
    const firstScaleUp = (id: 'hpa-fast' | 'hpa-conservative') => {
      const b = loaded(ok(applyPreset(id, example('hpa-php-apache'))).text);
      const trace = runTrace(createWorld(b.spec, b.manifests.map((m) => m.doc)), 8 * 60_000);
      return trace.samples.find((s) => s.workloads['php-apache'].desired >= 3)?.t ?? Infinity;
    };
    expect(firstScaleUp('hpa-conservative')).toBeGreaterThan(firstScaleUp('hpa-fast'));
  });

  it('VPA off: updateMode Off, and the run evicts nothing', () => {
    const r = ok(applyPreset('vpa-off', example('vpa-hamster')));
    expect(docsOf(r.text).find((d) => d.kind === 'VerticalPodAutoscaler')!.spec.updatePolicy.updateMode).toBe('Off');
    const b = loaded(r.text);
    const card = computeScorecard(runTrace(createWorld(b.spec, b.manifests.map((m) => m.doc)), b.spec.durationMs));
    expect(scorecardFigure(card, 'evictions')!.value).toBe(0);
  });

  it('lists which presets fit a scenario', () => {
    expect(presetsFor(example('ca-nginx-scaleout')).filter((p) => p.ok).map((p) => p.id)).toEqual(['karpenter', 'spot']);
    expect(presetsFor('kind: [').every((p) => !p.ok && p.reason.key === 'unreadable')).toBe(true);
  });
});
