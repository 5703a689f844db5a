import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario/loadScenario';
import { createWorld } from '../../bootstrap';
import type { World } from '../../core/types';
import { checkedTrace, karpenterLogs } from './engine/testHarness';
import { deterministicUuid, formatGoSubsecond } from './v1Log';

/*
 * Karpenter 1.x lines checked against kubernetes-sigs/karpenter v1.8.1 and
 * aws/karpenter-provider-aws v1.8.1 (file:line in each expectation), and against real 1.0.x output
 * for the envelope: aws/karpenter-provider-aws#7158 ("found provisionable pod(s)" with
 * "controller":"provisioner","namespace":"","name":"","reconcileID", "Pods", "duration";
 * "launched nodeclaim" with controllerGroup/controllerKind/NodeClaim) and #7356.
 */

const INFLATE = fileURLToPath(new URL('../../../../examples/karpenter-inflate.yaml', import.meta.url));

function run(text: string): { world: World; lines: Record<string, unknown>[]; raw: string[] } {
  const loaded = loadScenario(text, INFLATE);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  const world = createWorld(loaded.spec, loaded.manifests.map((m) => m.doc));
  checkedTrace(world, loaded.spec.durationMs);
  const raw = karpenterLogs(world).map((l) => l.message);
  return { world, raw, lines: raw.map((m) => JSON.parse(m) as Record<string, unknown>) };
}

const inflateText = readFileSync(INFLATE, 'utf8');
const inflate = run(inflateText);
const NODE = inflate.lines.find((l) => l.message === 'registered nodeclaim')?.Node as { name: string };
const CLAIM = (inflate.lines.find((l) => l.message === 'created nodeclaim')?.NodeClaim as { name: string }).name;

describe('Karpenter 1.8 log lines (examples/karpenter-inflate.yaml)', () => {
  it('prints the INFO lines of a scale-up and an empty-node deletion, in the controllers\' order', () => {
    expect(inflate.lines.map((l) => `${l.level as string} ${l.message as string}`)).toEqual([
      'INFO found provisionable pod(s)',
      'INFO computed new nodeclaim(s) to fit pod(s)',
      'INFO created nodeclaim',
      'INFO launched nodeclaim',
      'INFO registered nodeclaim',
      'INFO initialized nodeclaim',
      'INFO disrupting node(s)',
      'INFO tainted node',
      'INFO deleted node',
      'INFO deleted nodeclaim',
    ]);
  });

  it('keys in zap order: level, time (ISO8601, ms), logger, message, commit, then controller-runtime fields', () => {
    for (const raw of inflate.raw) {
      expect(raw).toMatch(/^\{"level":"INFO","time":"2026-11-02T00:\d\d:\d\d\.\d{3}Z","logger":"controller","message":"[^"]+","commit":"1ad0d78","controller":"/);
    }
  });

  it('provisioner lines share one reconcile: Pods by name, duration, counts, NodeClaim requests', () => {
    const [found, computed, created] = inflate.raw;
    const reconcile = /"reconcileID":"([0-9a-f-]{36})"/.exec(found)?.[1];
    expect(reconcile).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const head = `"commit":"1ad0d78","controller":"provisioner","namespace":"","name":"","reconcileID":"${reconcile}"`;
    // provisioner.go:391-396
    expect(found).toMatch(new RegExp(`"message":"found provisionable pod\\(s\\)",${head},"Pods":"(default/inflate-[a-z0-9]+-[a-z0-9]+(, |"))`.replace(/\//g, '\\/') + '{5},"duration":"\\d+\\.\\d+ms"}$'));
    // scheduling/scheduler.go:272
    expect(computed).toBe(`{"level":"INFO","time":"2026-11-02T00:01:02.000Z","logger":"controller","message":"computed new nodeclaim(s) to fit pod(s)",${head},"nodeclaims":1,"pods":5}`);
    // provisioner.go:408, 431: instance types from sets.List, so by name, not by price
    expect(created).toBe(
      `{"level":"INFO","time":"2026-11-02T00:01:02.000Z","logger":"controller","message":"created nodeclaim",${head},"NodePool":{"name":"default"},"NodeClaim":{"name":"${CLAIM}"},"requests":{"cpu":"5125m","pods":"8"},"instance-types":"c3.2xlarge, c3.4xlarge, c3.8xlarge, c4.2xlarge, c4.4xlarge and 138 other(s)"}`,
    );
  });

  it('nodeclaim.lifecycle lines carry the NodeClaim request, provider-id and Node', () => {
    const launched = inflate.lines.find((l) => l.message === 'launched nodeclaim')!;
    const providerId = launched['provider-id'] as string;
    expect(providerId).toMatch(/^aws:\/\/\/ap-northeast-2[a-d]\/i-[0-9a-f]{17}$/);
    const cr = (rid: unknown) => ({ commit: '1ad0d78', controller: 'nodeclaim.lifecycle', controllerGroup: 'karpenter.sh', controllerKind: 'NodeClaim', NodeClaim: { name: CLAIM }, namespace: '', name: CLAIM, reconcileID: rid });
    const keys = (m: string) => Object.keys(inflate.lines.find((l) => l.message === m)!);
    // launch.go:117-122
    expect(launched).toEqual({ level: 'INFO', time: '2026-11-02T00:01:02.000Z', logger: 'controller', message: 'launched nodeclaim', ...cr(launched.reconcileID), 'provider-id': providerId, 'instance-type': 'c5a.2xlarge', zone: launched.zone, 'capacity-type': 'spot', allocatable: { cpu: '7910m', 'ephemeral-storage': '17Gi', memory: '14162Mi', pods: '58' } });
    expect(keys('launched nodeclaim').slice(4, 13)).toEqual(['commit', 'controller', 'controllerGroup', 'controllerKind', 'NodeClaim', 'namespace', 'name', 'reconcileID', 'provider-id']);
    // registration.go:77-84, initialization.go:83, controller.go:261
    expect(keys('registered nodeclaim').slice(12)).toEqual(['provider-id', 'Node']);
    expect(keys('initialized nodeclaim').slice(12)).toEqual(['provider-id', 'Node', 'allocatable']);
    expect(keys('deleted nodeclaim').slice(12)).toEqual(['provider-id', 'Node']);
    expect(inflate.lines.find((l) => l.message === 'initialized nodeclaim')?.allocatable).toEqual({ cpu: '7910m', memory: '14501888Ki', pods: '58' });
    expect(launched.reconcileID).not.toBe(inflate.lines.find((l) => l.message === 'registered nodeclaim')?.reconcileID);
  });

  it('disrupting node(s) has command-id, reason, LogValues and an empty replacement-nodes list', () => {
    const line = inflate.raw.find((r) => r.includes('"disrupting node(s)"'))!;
    // disruption/queue.go:315, types.go:182-216
    expect(line).toMatch(
      new RegExp(
        '^\\{"level":"INFO","time":"2026-11-02T00:08:\\d\\d\\.000Z","logger":"controller","message":"disrupting node\\(s\\)","commit":"1ad0d78","controller":"disruption","namespace":"","name":"","reconcileID":"[0-9a-f-]{36}","command-id":"[0-9a-f-]{36}",' +
          `"reason":"empty","decision":"delete","disrupted-node-count":1,"replacement-node-count":0,"pod-count":0,"disrupted-nodes":\\[\\{"Node":\\{"name":"${NODE.name}"\\},"NodeClaim":\\{"name":"${CLAIM}"\\},"capacity-type":"spot","instance-type":"c5a.2xlarge"\\}\\],"replacement-nodes":\\[\\]\\}$`,
      ),
    );
  });

  it('node.termination lines: Node request, then the NodeClaim and the taint', () => {
    const tainted = inflate.lines.find((l) => l.message === 'tainted node')!;
    // node/termination/controller.go:107, terminator.go:80-89, controller.go:373
    expect(Object.entries(tainted).slice(4)).toEqual([
      ['commit', '1ad0d78'],
      ['controller', 'node.termination'],
      ['controllerGroup', ''],
      ['controllerKind', 'Node'],
      ['Node', { name: NODE.name }],
      ['namespace', ''],
      ['name', NODE.name],
      ['reconcileID', tainted.reconcileID],
      ['NodeClaim', { name: CLAIM }],
      ['taint.Key', 'karpenter.sh/disrupted'],
      ['taint.Value', ''],
      ['taint.Effect', 'NoSchedule'],
    ]);
    const deleted = inflate.lines.find((l) => l.message === 'deleted node')!;
    expect(Object.keys(deleted).slice(4)).toEqual(['commit', 'controller', 'controllerGroup', 'controllerKind', 'Node', 'namespace', 'name', 'reconcileID', 'NodeClaim']);
  });

  it('is the same text on every run (IDs and durations derive from sim state, not randomness)', () => {
    expect(run(inflateText).raw).toEqual(inflate.raw);
  });
});

describe('Karpenter 1.8 lines that depend on the manifests', () => {
  it('commit follows the image tag (1.0.5 printed "652e6aa": aws/karpenter-provider-aws#7158)', () => {
    const { raw } = run(inflateText.replace('controller:1.8.1', 'controller:1.0.5'));
    expect(raw.every((r) => r.includes('"commit":"652e6aa"'))).toBe(true);
  });

  it('a NodeClaim with terminationGracePeriod is annotated with its termination time when deleted', () => {
    const { lines } = run(inflateText.replace('    spec:\n      nodeClassRef:', '    spec:\n      terminationGracePeriod: 1m\n      nodeClassRef:'));
    const annotated = lines.find((l) => l.message === 'annotated nodeclaim')!;
    const disrupting = lines.find((l) => l.message === 'disrupting node(s)')!;
    // lifecycle/controller.go:282-301: deletionTimestamp + terminationGracePeriod, time.RFC3339
    const at = new Date(Date.parse(disrupting.time as string) + 60_000).toISOString().replace('.000Z', 'Z');
    expect(annotated['karpenter.sh/nodeclaim-termination-timestamp']).toBe(at);
    expect(Object.keys(annotated).slice(12)).toEqual(['provider-id', 'Node', 'karpenter.sh/nodeclaim-termination-timestamp']);
    expect(lines.map((l) => l.message).indexOf('annotated nodeclaim')).toBe(lines.map((l) => l.message).indexOf('tainted node') - 1);
  });
});

describe('v1Log helpers', () => {
  it('formats Go sub-second durations as time.Duration.String does', () => {
    expect(formatGoSubsecond(17_283_583)).toBe('17.283583ms');
    expect(formatGoSubsecond(17_000_000)).toBe('17ms');
    expect(formatGoSubsecond(1_500)).toBe('1.5µs');
    expect(formatGoSubsecond(999)).toBe('999ns');
  });

  it('derives v4 UUIDs from their key', () => {
    expect(deterministicUuid('a')).toBe(deterministicUuid('a'));
    expect(deterministicUuid('a')).not.toBe(deterministicUuid('b'));
    expect(deterministicUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
