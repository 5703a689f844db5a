import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario/loadScenario';
import { createWorld } from '../../bootstrap';
import { checkInvariants } from '../../core/invariants';
import type { World } from '../../core/types';
import { runTrace } from '../../trace/runTrace';
import { cpaExplanations } from './explain';
import { enText } from '../../../testing/messages';

function exampleWorld(): { world: World; durationMs: number } {
  const path = new URL('../../../../examples/cpa-ladder.yaml', import.meta.url);
  const loaded = loadScenario(readFileSync(path, 'utf8'), 'examples/cpa-ladder.yaml');
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  return { world: createWorld(loaded.spec, loaded.manifests.map((m) => m.doc)), durationMs: loaded.spec.durationMs };
}

const LADDER: [number, number][] = [[1, 1], [2, 2], [3, 3], [4, 3], [5, 5]];
const ladder = (nodes: number): number => [...LADDER].reverse().find(([n]) => nodes >= n)?.[1] ?? 1;

describe('examples/cpa-ladder.yaml through the engine', () => {
  const { world, durationMs } = exampleWorld();
  const problems: string[] = [];
  const series: { t: number; schedulable: number; replicas: number }[] = [];
  const trace = runTrace(world, durationMs, {
    onTick: (w) => {
      for (const p of checkInvariants(w)) problems.push(`t=${w.timeMs / 1000}: ${p}`);
      let schedulable = 0;
      for (const n of w.nodes.values()) if (n.state === 'Ready' && !n.unschedulable) schedulable++;
      series.push({ t: w.timeMs / 1000, schedulable, replicas: w.deployments.get('nginx-deployment')!.replicas });
    },
  });

  it('keeps every invariant on every tick', () => {
    expect(problems).toEqual([]);
  });

  it('follows the ladder 3 → 5 → 3 as the ASG goes 3 → 5 → 4 nodes', () => {
    const distinct = series.map((s) => s.replicas).filter((r, i, a) => i === 0 || r !== a[i - 1]);
    expect(distinct).toEqual([1, 3, 5, 3]);
    expect(series.at(-1)!.replicas).toBe(3);
  });

  it('catches up with every change of schedulable nodes within one 10 s poll', () => {
    for (let i = 0; i < series.length; i++) {
      const s = series[i];
      if (s.t < 20) continue;
      // The replicas at t reflect the node count of some instant in the previous 10 s.
      const window = series.slice(Math.max(0, i - 10), i + 1).map((x) => ladder(x.schedulable));
      expect(window, `t=${s.t}`).toContain(s.replicas);
    }
  });

  it('counts the node being removed as unschedulable while it terminates (4 nodes → 3 replicas)', () => {
    const during = trace.samples.find((s) => s.t > 480 && s.nodes.cordoned === 1)!;
    expect(during.nodes.total).toBe(5);
    const entry = trace.samples.find((s) => s.t >= during.t + 15)!.autoscalers['ClusterProportionalAutoscaler/nginx-autoscaler'];
    expect(entry).toMatchObject({ replicas: 3, nodes: 4 });
  });

  it('explains its decision with the ladder step', () => {
    const [why] = cpaExplanations(world);
    expect(why.object).toBe('ClusterProportionalAutoscaler/nginx-autoscaler');
    expect(enText(why.lines)).toContain('4 schedulable nodes → ladder step [4, 3] → 3 replicas');
  });

  it('is deterministic', () => {
    const a = exampleWorld();
    const b = exampleWorld();
    expect(JSON.stringify(runTrace(a.world, 600_000))).toBe(JSON.stringify(runTrace(b.world, 600_000)));
  });
});
