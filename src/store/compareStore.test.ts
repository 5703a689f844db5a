import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useCompare } from './compareStore';
import { engine, loadEngine } from './engine';
import { parseScenarioText } from '../app/scenarioLoading';
import { usePlayground } from './playgroundStore';
import { layoutCluster } from '../ui/cluster/layout';

/**
 * Compare mode's run B through the engine worker protocol (the in-page host under Vitest, the same
 * messages as the Worker): B must come out exactly as a session run on the page would, and its
 * world must cross only while a view that draws it is mounted.
 */
const text = readFileSync(join(import.meta.dirname, '../../examples/karpenter-consolidation.yaml'), 'utf8');

function scenario() {
  const parsed = parseScenarioText(text, 'b.yaml');
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** Until the store's B has answered at `timeMs` (the host answers on a zero timeout). */
async function settled(timeMs: number) {
  for (let i = 0; i < 500; i++) {
    const b = useCompare.getState().b;
    if (b && b.timeMs === timeMs && !useCompare.getState().starting) return b;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error(`run B never reached ${timeMs} ms (at ${useCompare.getState().b?.timeMs})`);
}

describe('compare run B in the engine worker', () => {
  beforeAll(async () => {
    await loadEngine();
  });
  afterEach(() => useCompare.getState().stopB());

  it('follows A forward and back with the samples a page-side session would have, and sends no world unless asked', async () => {
    const s = scenario();
    useCompare.getState().startB(s, 'example:karpenter-consolidation', 30_000);
    let b = await settled(30_000);
    expect(b.grid).toBeNull();
    expect(b.why).toBeNull();
    for (const t of [90_000, 240_000, 600_000]) {
      useCompare.getState().follow(t);
      b = await settled(t);
    }
    const direct = engine().createSession(s.spec, s.manifests);
    engine().syncSessionTo(direct, 600_000);
    expect(b.history).toEqual(direct.history);
    expect(b.grid).toBeNull();
    expect(b.why).toBeNull();
    // Back: the worker replays B from a checkpoint; the page's samples are cut by the delta.
    useCompare.getState().follow(120_000);
    b = await settled(120_000);
    expect(b.history).toEqual(direct.history.filter((x) => x.t <= 120));
  });

  /** Until the store's B has `pick`'s data at B's time. */
  async function viewed<T>(pick: (b: NonNullable<ReturnType<typeof useCompare.getState>['b']>) => T | null): Promise<T> {
    for (let i = 0; i < 500; i++) {
      const b = useCompare.getState().b;
      const v = b ? pick(b) : null;
      if (v) return v;
      await new Promise((r) => setTimeout(r, 0));
    }
    throw new Error('the view of run B never arrived');
  }

  it('sends what B’s grid draws while the grid is on screen, at B’s time, and stops when it goes', async () => {
    const s = scenario();
    useCompare.getState().startB(s, 'example:karpenter-consolidation', 60_000);
    await settled(60_000);
    useCompare.getState().watchView('grid');
    const grid = await viewed((b) => b.grid);
    expect(grid.timeMs).toBe(60_000);
    const direct = engine().createSession(s.spec, s.manifests);
    engine().syncSessionTo(direct, 60_000);
    // What B's grid draws is what a page-side session's world would draw.
    const size = { width: 900, height: 600 };
    expect(layoutCluster(grid, size, { zoom: 1, colorBy: 'workload' })).toEqual(layoutCluster(direct.world, size, { zoom: 1, colorBy: 'workload' }));
    expect([...grid.pods.keys()]).toEqual([...direct.world.pods.keys()]);
    expect([...grid.nodes.keys()]).toEqual([...direct.world.nodes.keys()]);
    useCompare.getState().watchView(null);
    useCompare.getState().follow(180_000);
    const b = await settled(180_000);
    // The copy it had stays (it is what the grid last drew); no new one came, and no Why either.
    expect(b.grid?.timeMs).toBe(60_000);
    expect(b.why).toBeNull();
  });

  it('sends B’s Why text, computed in the worker from B’s world, while the Why view is on screen', async () => {
    const s = scenario();
    useCompare.getState().startB(s, 'example:karpenter-consolidation', 0);
    await settled(0);
    useCompare.getState().follow(300_000);
    await settled(300_000);
    useCompare.getState().watchView('why');
    const why = await viewed((b) => (b.whyAtMs === 300_000 ? b.why : null));
    const direct = engine().createSession(s.spec, s.manifests);
    engine().syncSessionTo(direct, 300_000);
    expect(why.explained).toEqual(engine().autoscalerExplanations(direct.world));
    expect(why.explained.length).toBeGreaterThan(0);
    expect(why.groups.length).toBeGreaterThan(0);
    expect(why.groups).toEqual(engine().latestByController(direct.world.logs));
    useCompare.getState().watchView(null);
  });

  it('catches up to where A went while the worker was still opening B', async () => {
    const s = scenario();
    useCompare.getState().startB(s, 'example:karpenter-consolidation', 0);
    expect(useCompare.getState().starting).toBe(true);
    useCompare.getState().follow(240_000);
    const b = await settled(240_000);
    expect(b.history.at(-1)?.t).toBe(240);
  });

  it('ignores an answer about a B that was stopped or replaced meanwhile', async () => {
    const s = scenario();
    useCompare.getState().startB(s, 'example:karpenter-consolidation', 30_000);
    useCompare.getState().stopB();
    for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
    expect(useCompare.getState().b).toBeNull();
    expect(useCompare.getState().starting).toBe(false);
    useCompare.getState().startB(s, 'example:karpenter-consolidation', 30_000);
    useCompare.getState().startB(s, 'example:karpenter-consolidation', 90_000);
    const b = await settled(90_000);
    expect(b.history.at(-1)?.t).toBe(90);
  });

  it("stops when another scenario becomes run A, and stays through A's restart with the same scenario", async () => {
    const a = scenario();
    usePlayground.getState().loadScenario(a);
    useCompare.getState().startB(scenario(), 'example:karpenter-consolidation', 0);
    await settled(0);
    usePlayground.getState().loadScenario(a);
    expect(useCompare.getState().bScenario).not.toBeNull();
    usePlayground.getState().loadScenario(scenario());
    expect(useCompare.getState().bScenario).toBeNull();
    expect(useCompare.getState().b).toBeNull();
  });
});
