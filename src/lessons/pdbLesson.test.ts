import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError } from '../scenario/errors';
import { loadScenario } from '../scenario/loadScenario';
import { getPdb, pdbStatus } from '../sim/cluster/disruption/pdb';
import { loadLesson } from './loadLesson';
import { runLessonSteps } from './runLesson';
import { readExample } from './testLessons';

const file = 'lessons/08-pdb-drain.yaml';
const text = readFileSync(new URL('../../lessons/08-pdb-drain.yaml', import.meta.url), 'utf8');

function run(lessonText: string, upTo: number) {
  const loaded = loadLesson(lessonText, file, readExample);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
  const scenario = loadScenario(loaded.scenarioText, file);
  if (!scenario.ok) throw new Error(scenario.errors.map(formatError).join('\n'));
  return runLessonSteps(loaded.lesson, scenario.spec, scenario.manifests.map((m) => m.doc), upTo);
}

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
