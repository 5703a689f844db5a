import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/loadScenario';
import { loadLesson } from './loadLesson';
import { namedObjectWarnings } from './namedObjects';
import { lessonText, readExample } from './testLessons';

function warningsOf(text: string, file = 'lessons/x.yaml') {
  const r = loadLesson(text, file, readExample);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const s = loadScenario(r.scenarioText, file);
  if (!s.ok) throw new Error('scenario');
  return namedObjectWarnings(r.lesson, s.spec, s.manifests.map((m) => m.doc));
}

describe('namedObjectWarnings', () => {
  it('no shipped lesson names an object that nothing creates', () => {
    for (const f of readdirSync('lessons').filter((x) => x.endsWith('.yaml'))) {
      expect(warningsOf(readFileSync(`lessons/${f}`, 'utf8'), f), f).toEqual([]);
    }
  });
  it('warns, with the step and its line, about a check on a misspelt Deployment', () => {
    const steps = `  - text: {en: a, ko: b}
    check: {type: deployment, name: nginx-to-scaleot, field: replicas, op: '=', value: 15}`;
    const w = warningsOf(lessonText(steps));
    expect(w).toHaveLength(1);
    expect(w[0].line).toBe(8);
    expect(w[0].message).toMatchObject({ key: 'engine.check.notCreated', params: { step: 1, reason: { key: 'engine.check.missingSimilar' } } });
  });
  it('an object a step action creates is no warning', () => {
    const steps = `  - text: {en: a, ko: b}
    action: {run: "kubectl autoscale deployment nginx-to-scaleout --cpu-percent=50 --min=1 --max=10"}
    check: {type: hpa, name: nginx-to-scaleout, field: currentReplicas, op: '>=', value: 1}`;
    expect(warningsOf(lessonText(steps))).toEqual([]);
    expect(warningsOf(lessonText(steps.replace(/ {4}action.*\n/, '')))).toHaveLength(1);
  });
});
