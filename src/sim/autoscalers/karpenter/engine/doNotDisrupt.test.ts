import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../scenario/loadScenario';
import { createWorld } from '../../../bootstrap';
import type { Node, World } from '../../../core/types';
import { checkedTrace, karpenterNodes } from './testHarness';

/**
 * karpenter.sh/do-not-disrupt, from kubernetes-sigs/karpenter (v1):
 * - pkg/utils/pod/scheduling.go: IsEvictable is false for a pod with the annotation, while
 *   IsDrainable still counts it, so the terminator (pkg/controllers/node/termination/terminator/
 *   terminator.go Drain) waits for it instead of evicting it;
 * - pkg/controllers/node/termination/controller.go: once the NodeClaim's terminationGracePeriod has
 *   elapsed since its deletion, the remaining pods are deleted and the instance goes. Without a
 *   terminationGracePeriod the node keeps waiting.
 * - Expiration (pkg/controllers/nodeclaim/expiration) is forceful: the annotation does not stop the
 *   NodeClaim's deletion, only the drain.
 * - A NodePool's spec.template.metadata.annotations are copied onto its nodes; on a node the
 *   annotation removes it from disruption candidates (pkg/controllers/disruption/types.go), which
 *   covers emptiness and consolidation.
 */
const INFLATE = readFileSync(fileURLToPath(new URL('../../../../../examples/karpenter-inflate.yaml', import.meta.url)), 'utf8');

function build(opts: { podAnnotation?: boolean; expireAfter?: string; grace?: string; poolAnnotation?: boolean; keepScaleToZero?: boolean }): { world: World; durationMs: number } {
  let text = INFLATE.replace('duration: 12m', 'duration: 16m');
  if (!opts.keepScaleToZero) text = text.replace('    - {at: 8m, run: "kubectl scale deployment inflate --replicas 0"}\n', '');
  const extra = [opts.expireAfter ? `      expireAfter: ${opts.expireAfter}\n` : '', opts.grace ? `      terminationGracePeriod: ${opts.grace}\n` : ''].join('');
  const poolMeta = opts.poolAnnotation ? '    metadata:\n      annotations:\n        karpenter.sh/do-not-disrupt: "true"\n' : '';
  text = text.replace('  template:\n    spec:\n      nodeClassRef:', `  template:\n${poolMeta}    spec:\n${extra}      nodeClassRef:`);
  if (opts.podAnnotation) {
    text = text.replace('    metadata:\n      labels:\n        app: inflate\n', '    metadata:\n      labels:\n        app: inflate\n      annotations:\n        karpenter.sh/do-not-disrupt: "true"\n');
  }
  const loaded = loadScenario(text, 'do-not-disrupt.yaml');
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  expect(loaded.warnings?.some((w) => String(w).includes('terminationGracePeriod')) ?? false).toBe(false);
  return { world: createWorld(loaded.spec, loaded.manifests.map((m) => m.doc)), durationMs: loaded.spec.durationMs };
}

interface Watch {
  first?: string;
  drainingAtMs: number;
  inflateOnFirst: { t: number; n: number }[];
  goneAtMs: number;
}

function runWatching(world: World, durationMs: number): Watch {
  const w: Watch = { drainingAtMs: -1, inflateOnFirst: [], goneAtMs: -1 };
  checkedTrace(world, durationMs, (x) => {
    w.first ??= karpenterNodes(x)[0]?.name;
    if (!w.first) return;
    const node: Node | undefined = x.nodes.get(w.first);
    if (!node) {
      if (w.goneAtMs < 0) w.goneAtMs = x.timeMs;
      return;
    }
    if (w.drainingAtMs < 0 && node.karpenterDrain) w.drainingAtMs = x.timeMs;
    const n = node.podNames.filter((p) => x.pods.get(p)?.deployment === 'inflate' && x.pods.get(p)?.state !== 'Terminating').length;
    w.inflateOnFirst.push({ t: x.timeMs, n });
  });
  return w;
}

const podsAt = (w: Watch, ms: number) => w.inflateOnFirst.find((s) => s.t >= ms)?.n ?? 0;

describe('Karpenter karpenter.sh/do-not-disrupt', () => {
  it('a pod with the annotation holds the drain of an expiring node until the NodeClaim terminationGracePeriod', () => {
    const { world, durationMs } = build({ podAnnotation: true, expireAfter: '5m', grace: '3m' });
    const w = runWatching(world, durationMs);
    expect(world.notices.filter((n) => n.includes('terminationGracePeriod'))).toEqual([]);
    expect(w.drainingAtMs).toBeGreaterThan(5 * 60_000);
    // Expired and draining, yet all five pods keep running on it for the whole grace period…
    expect(podsAt(w, w.drainingAtMs + 1000)).toBe(5);
    expect(podsAt(w, w.drainingAtMs + 179_000)).toBe(5);
    // …then they are deleted and the instance terminates.
    expect(podsAt(w, w.drainingAtMs + 181_000)).toBe(0);
    expect(w.goneAtMs).toBeGreaterThan(w.drainingAtMs + 180_000);
  });

  it('without a terminationGracePeriod the pod stays and the node keeps draining', () => {
    const { world, durationMs } = build({ podAnnotation: true, expireAfter: '5m' });
    const w = runWatching(world, durationMs);
    expect(w.drainingAtMs).toBeGreaterThan(5 * 60_000);
    expect(w.goneAtMs).toBe(-1);
    expect(w.inflateOnFirst.at(-1)!.n).toBe(5);
    expect(world.nodes.get(w.first!)!.state).toBe('Draining');
  });

  it('without the annotation the expiring node is drained at once (control)', () => {
    const { world, durationMs } = build({ expireAfter: '5m', grace: '3m' });
    const w = runWatching(world, durationMs);
    expect(podsAt(w, w.drainingAtMs + 2000)).toBe(0);
  });

  it('on the NodePool template it is copied onto the node and keeps an empty node from being removed', () => {
    const blocked = build({ poolAnnotation: true, keepScaleToZero: true });
    const wb = runWatching(blocked.world, blocked.durationMs);
    const node = blocked.world.nodes.get(wb.first!)!;
    expect(node.annotations['karpenter.sh/do-not-disrupt']).toBe('true');
    expect(wb.goneAtMs).toBe(-1);
    expect(node.karpenterDrain).toBeUndefined();

    const control = build({ keepScaleToZero: true });
    const wc = runWatching(control.world, control.durationMs);
    expect(wc.goneAtMs).toBeGreaterThan(8 * 60_000);
  });
});
