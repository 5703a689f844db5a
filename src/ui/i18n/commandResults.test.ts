import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/loadScenario';
import { parseCommandLine } from '../../scenario/commandLine';
import { createWorld } from '../../sim/bootstrap';
import { applyCommand } from '../../sim/commands/apply';
import { runView } from '../../sim/commands/views';
import { runUntil } from '../../sim/core/step';
import type { World } from '../../sim/core/types';
import { messageKeys } from '../../sim/core/message';
import { en, ko } from '../../testing/messages';
import { localeTrees } from './index';
import { autoscalerExplanations } from '../../sim/autoscalers/explain';

/**
 * The engine's answers in the playground's own voice (faults, spot notices, what is simulated for
 * Deployments only) carry a Message beside the English the trace keeps: English renders byte for
 * byte as the output, Korean differs. kubectl's own answers (NotFound, "scaled") carry none.
 */
function exampleWorld(name: string): World {
  const loaded = loadScenario(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8'), `${name}.yaml`);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  return createWorld(loaded.spec, loaded.manifests.map((m) => m.doc));
}

function answer(world: World, line: string) {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) throw new Error(parsed.error);
  return applyCommand(world, parsed.command);
}

const HANGUL = /[\uac00-\ud7a3]/;

describe("the engine's own answers in the console", () => {
  const used = new Set<string>();
  const check = (world: World, line: string, ok: boolean) => {
    const r = answer(world, line);
    expect(r.ok, `${line}: ${r.output}`).toBe(ok);
    expect(r.msg, `${line}: ${r.output}`).toBeDefined();
    if (!r.msg) return;
    for (const k of messageKeys(r.msg)) used.add(k);
    expect(en(r.msg)).toBe(r.output);
    expect(ko(r.msg)).not.toBe(r.output);
    expect(ko(r.msg)).toMatch(HANGUL);
  };

  it('faults, spot notices and refusals', () => {
    const w = exampleWorld('karpenter-inflate');
    runUntil(w, 60_000);
    const nodes = [...w.nodes.values()].filter((n) => n.state !== 'Gone');
    const zone = nodes[0].zone;
    check(w, `playground fault zone/${zone} --for=5m`, true);
    check(w, 'playground fault zone/mars-1a', false);
    check(w, 'playground fault metrics-server --for=2m', true);
    check(w, `playground fault capacity/m5.large --zone ${zone} --for=10m`, true);
    check(w, 'playground fault capacity/m5.large --for=10m', true);
    check(w, 'playground fault capacity/z9.huge', false);
    check(w, `playground interrupt-spot node/${nodes[0].name}`, false);
    check(w, `playground fault node/${nodes[1].name}`, true);
    check(w, 'kubectl scale statefulset web --replicas=2', false);
    check(w, 'kubectl set resources daemonset aws-node -n kube-system --requests=cpu=100m', false);
    // Views the playground refuses in its own words: a rollout of a DaemonSet, a Go template, an
    // object it keeps no manifest of, api-resources' verbs.
    const refused = ['kubectl rollout status daemonset/aws-node -n kube-system', 'kubectl get pods -o go-template={{.kind}}', 'kubectl get ec2nodeclass -o yaml', 'kubectl api-resources -o wide', 'kubectl api-resources --verbs=get'];
    for (const line of refused) {
      const view = runView(w, (parseCommandLine(line) as { command: { args: string[] } }).command.args);
      expect(view.ok, line).toBe(false);
      expect(view.msg, line).toBeDefined();
      expect(view.msg && en(view.msg)).toBe(view.output);
      if (view.msg) {
        for (const key of messageKeys(view.msg)) used.add(key);
        expect(ko(view.msg)).toMatch(HANGUL);
      }
    }

    // A spot node Karpenter launched, and one it does not own (a spot node group).
    const k = exampleWorld('karpenter-inflate');
    answer(k, 'kubectl scale deployment inflate --replicas 5');
    runUntil(k, 240_000);
    const spot = [...k.nodes.values()].find((n) => n.capacityType === 'spot' && n.state !== 'Gone');
    expect(spot).toBeDefined();
    if (spot) {
      check(k, `playground interrupt-spot node/${spot.name}`, true);
      runUntil(k, 250_000); // Karpenter has cordoned and is draining it
      check(k, `playground interrupt-spot node/${spot.name}`, false);
    }
  });

  it('a long -o yaml printout is cut with a note in the reader\'s language', () => {
    const w = exampleWorld('php-apache');
    answer(w, 'kubectl scale deployment php-apache --replicas=150');
    runUntil(w, 5_000);
    const r = runView(w, (parseCommandLine('kubectl get pods -o yaml') as { command: { args: string[] } }).command.args);
    expect(r.ok).toBe(true);
    expect(r.msg).toBeUndefined();
    expect(r.note).toBeDefined();
    if (r.note) {
      for (const key of messageKeys(r.note)) used.add(key);
      expect(en(r.note)).toMatch(/^\(the playground printed the first 100 objects and left out \d+ more/);
      expect(ko(r.note)).toMatch(HANGUL);
    }
  });

  it("kubectl's own answers carry no Message", () => {
    const w = exampleWorld('php-apache');
    for (const line of ['kubectl scale deployment php-apache --replicas=2', 'playground fault node/nope', 'kubectl get pods']) {
      expect(answer(w, line).msg, line).toBeUndefined();
    }
  });

  it('every engine.fault/engine.command key is exercised', () => {
    const tree = localeTrees().en.engine as Record<string, Record<string, string>>;
    const all = ['fault', 'command'].flatMap((a) => Object.keys(tree[a]).map((k) => `engine.${a}.${k}`));
    const missing = all.filter((k) => !used.has(k));
    // Not reached above: a booting instance lost to a zone outage, a spot node nobody owns, and KRR's
    // view refusing a strategy (the console's parser refuses those first).
    expect(missing.sort()).toEqual(['engine.command.krrSimpleOnly', 'engine.fault.spotNoticeUnmanaged', 'engine.fault.zoneLostBooting']);
  });
});

describe('Why headings', () => {
  it("the Cluster Autoscaler's last scale-up is headed by a Message whose English is the object", () => {
    const w = exampleWorld('ca-nginx-scaleout');
    runUntil(w, 600_000);
    const headed = autoscalerExplanations(w).filter((e) => e.heading);
    expect(headed.map((e) => e.object)).toContain('ClusterAutoscaler/cluster-autoscaler (last scale-up)');
    for (const e of headed) {
      if (!e.heading) continue;
      expect(en(e.heading)).toBe(e.object);
      expect(ko(e.heading)).toMatch(HANGUL);
    }
  });
});
