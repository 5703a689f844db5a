import { describe, expect, it } from 'vitest';
import { catalogInstanceTypeOptions } from '../instanceTypes';
import { chooseLaunch } from '../offeringSelection';
import { requirementsFrom } from '../requirements';
import { fits } from '../scheduling';
import { checkedTrace, karpenterLogs, karpenterNodes, loadExample } from './testHarness';
import { karpenterState } from './machineDriver';

/** The seed's Karpenter runs, through createWorld → step, with invariants checked every tick. */

describe('examples/karpenter-inflate.yaml (v1 NodePool)', () => {
  const { world, durationMs } = loadExample('karpenter-inflate.yaml');
  const claimsSeen = new Map<string, { instanceType: string; capacityType: string; price: number; createdMs: number }>();
  let maxKarpenterNodes = 0;
  let goneAt = -1;
  const trace = checkedTrace(world, durationMs, (w) => {
    for (const c of Object.values(karpenterState(w).nodeClaims)) claimsSeen.set(c.name, c);
    const n = karpenterNodes(w).length;
    maxKarpenterNodes = Math.max(maxKarpenterNodes, n);
    if (w.timeMs > 480_000 && n === 0 && goneAt < 0) goneAt = w.timeMs;
  });
  const logs = karpenterLogs(world);

  it('launches exactly one NodeClaim for the 5 pods, two seconds after the scale-up', () => {
    expect(claimsSeen.size).toBe(1);
    expect(maxKarpenterNodes).toBe(1);
    const claim = [...claimsSeen.values()][0];
    expect(claim.createdMs).toBe(62_000);
    expect(claim.capacityType).toBe('spot');
  });

  it('logs the batch as the seed did: 5 pods, 5125m and 8 pods with the DaemonSets', () => {
    const created = logs.find((l) => l.message.includes('"message":"created nodeclaim"'));
    expect(created?.message).toContain('"requests":{"cpu":"5125m","pods":"8"}');
    // v1.8 logs the batch's pods by name ("Pods", five shown) and the count in the next line.
    expect(logs.find((l) => l.message.includes('found provisionable pod(s)'))?.message).toMatch(/"Pods":"(default\/inflate-[a-z0-9-]+(, )?){5}"/);
    expect(logs.find((l) => l.message.includes('computed new nodeclaim(s) to fit pod(s)'))?.message).toContain('"nodeclaims":1,"pods":5}');
    expect(logs.filter((l) => l.message.includes('"message":"launched nodeclaim"'))).toHaveLength(1);
  });

  it('chooses the cheapest compatible spot offering that fits 5125m / 8 pods', () => {
    const claim = [...claimsSeen.values()][0];
    const reqs = requirementsFrom([
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] },
      { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
      { key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
      { key: 'karpenter.k8s.aws/instance-generation', operator: 'Gt', values: ['2'] },
    ]);
    const options = catalogInstanceTypeOptions({ region: 'ap-northeast-2', seed: 1 }).filter(
      (o) =>
        ['c', 'm', 'r'].includes(o.labels['karpenter.k8s.aws/instance-category']) &&
        Number(o.labels['karpenter.k8s.aws/instance-generation']) > 2 &&
        o.labels['kubernetes.io/arch'] === 'amd64' &&
        fits({ cpuMillis: 5125, memoryMiB: 0, pods: 8 }, o.allocatable),
    );
    const best = chooseLaunch(options, reqs);
    expect(claim.price).toBe(best?.price);
    expect(claim.instanceType).toBe(best?.instanceType);
  });

  it('runs all 5 pods on the new node within two minutes', () => {
    const at3m = trace.samples.find((s) => s.t === 180);
    expect(at3m?.workloads.inflate).toMatchObject({ desired: 5, ready: 5, pending: 0 });
    const node = at3m?.nodeDetails?.find((n) => n.pool === 'default');
    expect(node?.pods.filter((p) => p.startsWith('inflate-'))).toHaveLength(5);
  });

  it('removes the empty node after scale to 0 (30s consolidateAfter + 15s validation), leaving no Karpenter node', () => {
    expect(logs.some((l) => l.message.includes('"reason":"empty","decision":"delete"'))).toBe(true);
    expect(goneAt).toBeGreaterThan(480_000 + 45_000);
    expect(goneAt).toBeLessThan(480_000 + 150_000);
    expect(karpenterNodes(world)).toHaveLength(0);
    expect(Object.keys(karpenterState(world).nodeClaims)).toHaveLength(0);
  });

  it('shows the NodeClaim in the trace before its node registers', () => {
    const s = trace.samples.find((x) => x.t === 75);
    expect(s?.autoscalers['NodePool/default']).toMatchObject({ nodeClaims: 1, nodes: 0, launching: 1 });
    expect(s?.nodes.launching).toBe(1);
  });

  it('is deterministic: the same seed gives a byte-identical trace', () => {
    const again = loadExample('karpenter-inflate.yaml');
    const second = checkedTrace(again.world, again.durationMs);
    expect(JSON.stringify(second)).toBe(JSON.stringify(trace));
  });
});

describe('examples/karpenter-v1alpha5.yaml (the seed Provisioner)', () => {
  const { world, durationMs } = loadExample('karpenter-v1alpha5.yaml');
  checkedTrace(world, durationMs);
  const logs = karpenterLogs(world).map((l) => l.message);

  it('prints the migration hint when the Provisioner is applied', () => {
    const apply = world.commands[0].output;
    expect(apply).toContain('Warning: karpenter.sh/v1alpha5 Provisioner is deprecated');
    expect(apply).toContain('ttlSecondsAfterEmpty: 30 → consolidationPolicy: WhenEmpty, consolidateAfter: 30s');
    expect(apply).toContain('provisioner.karpenter.sh/default created');
  });

  it('logs in the seed’s v0.27 wording', () => {
    expect(logs).toContainEqual(expect.stringMatching(/\tINFO\tcontroller\.provisioner\tfound provisionable pod\(s\)\t\{"pods": 5\}$/));
    expect(logs).toContainEqual(expect.stringMatching(/\tcomputed new machine\(s\) to fit pod\(s\)\t\{"machines": 1, "pods": 5\}$/));
    expect(logs).toContainEqual(
      expect.stringMatching(/\tlaunching machine with 5 pods requesting \{"cpu":"5125m","pods":"8"\} from types [a-z0-9.]+(, [a-z0-9.]+){4} and \d+ other\(s\)\t\{"provisioner": "default"\}$/),
    );
    expect(logs).toContainEqual(expect.stringMatching(/\tcontroller\.provisioner\.cloudprovider\tlaunched instance\t.*"capacity-type": "spot"/));
    expect(logs).toContainEqual(expect.stringMatching(/\tcontroller\.deprovisioning\tdeprovisioning via emptiness delete, terminating 1 machines ip-[\d-]+\.ap-northeast-2\.compute\.internal\/[a-z0-9.]+\/spot$/));
    expect(logs).toContainEqual(expect.stringMatching(/\tcontroller\.termination\tcordoned node\t/));
    expect(logs).toContainEqual(expect.stringMatching(/\tcontroller\.termination\tdeleted node\t/));
  });
});

describe('examples/karpenter-consolidation.yaml (12 → 5 → 1)', () => {
  const { world, durationMs } = loadExample('karpenter-consolidation.yaml');
  let maxDeleting = 0;
  checkedTrace(world, durationMs, (w) => {
    const deleting = Object.values(karpenterState(w).nodeClaims).filter((c) => c.deletingMs >= 0 && w.nodes.get(c.nodeName)?.state !== 'Terminating').length;
    maxDeleting = Math.max(maxDeleting, deleting);
  });
  const logs = karpenterLogs(world).map((l) => l.message);

  it('launches 4 machines of 3 pods each, all m5.xlarge', () => {
    const launching = logs.filter((l) => l.includes('launching machine with'));
    expect(launching).toHaveLength(4);
    for (const l of launching) expect(l).toContain('launching machine with 3 pods requesting {"cpu":"3125m","pods":"6"} from types m5.xlarge');
  });

  it('consolidates one node at a time (10% budget of 4 nodes rounds up to 1)', () => {
    const deprov = logs.filter((l) => l.includes('deprovisioning via'));
    expect(deprov.length).toBeGreaterThanOrEqual(3);
    for (const l of deprov) expect(l).toContain('terminating 1 machines');
    expect(maxDeleting).toBeLessThanOrEqual(1);
  });

  it('ends by replacing the last m5.xlarge with a cheaper c5.large', () => {
    expect(logs).toContainEqual(expect.stringContaining('deprovisioning via consolidation replace, terminating 1 machines'));
    expect(logs.find((l) => l.includes('consolidation replace'))).toContain('and replacing with on-demand machine from types c5.large');
    const left = karpenterNodes(world);
    expect(left.map((n) => n.instanceType)).toEqual(['c5.large']);
    const inflate = [...world.pods.values()].filter((p) => p.deployment === 'inflate');
    expect(inflate.map((p) => p.state)).toEqual(['Ready']);
  });
});
