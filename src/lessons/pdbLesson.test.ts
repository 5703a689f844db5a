import { describe, expect, it } from 'vitest';
import { getPdb, pdbStatus } from '../sim/cluster/disruption/pdb';
import { shippedLesson } from './testLessons';

const { text, run: runLesson } = shippedLesson('08-pdb-drain.yaml');
const run = (lessonText: string, upTo: number) => runLesson(upTo, lessonText);

/**
 * Lesson 8 teaches that web-pdb, not something else, keeps the two new nodes. The CA's reason is
 * upstream's (simulator/cluster.go: "not enough pod disruption budget to move %s/%s"), read by the
 * student in the Logs tab; and the same steps with a budget that allows evictions lose the nodes.
 */
describe('lesson 8 (PodDisruptionBudget): the budget is what keeps the nodes', () => {
  it('after step 3 the budget allows 0 disruptions and the CA logs it as the reason for both new nodes', () => {
    const r = run(text, 4);
    expect(r.ok).toBe(true);
    const world = r.session.world;
    const pdb = getPdb(world, 'default', 'web-pdb');
    expect(pdb).toBeDefined();
    expect(pdbStatus(world, pdb!).disruptionsAllowed).toBe(0);
    const blocked = new Set(
      world.logs
        .filter((l) => l.controller === 'cluster-autoscaler')
        .map((l) => / Node (\S+) cannot be removed: not enough pod disruption budget to move default\/web-/.exec(l.message)?.[1])
        .filter((n): n is string => n !== undefined),
    );
    expect(blocked.size).toBe(2);
  });

  it('with maxUnavailable 2 instead of 0 the same steps lose the nodes: step 3 does not hold', () => {
    // The manifest's line (the step's text also says `maxUnavailable: 0`).
    const relaxed = text.replace(/^( +)maxUnavailable: 0$/m, '$1maxUnavailable: 2');
    expect(relaxed).not.toBe(text);
    const r = run(relaxed, 3);
    expect(r.ok).toBe(false);
    expect(r.steps.map((s) => s.ok)).toEqual([true, true, false]);
  });
});
