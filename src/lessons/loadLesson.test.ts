import { describe, expect, it } from 'vitest';
import { formatError } from '../scenario/errors';
import { loadLesson } from './loadLesson';
import { lessonText, readExample } from './testLessons';

const errorsOf = (text: string) => {
  const r = loadLesson(text, 'lessons/x.yaml', readExample);
  if (r.ok) throw new Error('expected errors');
  return r.errors.map(formatError);
};

describe('loadLesson', () => {
  it('reads a valid lesson: texts, compiled checks, budgets, actions and the scenario text', () => {
    const r = loadLesson(lessonText(), 'lessons/x.yaml', readExample);
    if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
    const { lesson } = r;
    expect(lesson.id).toBe('pending-pods');
    expect(lesson.title.ko).toBe('Pending 파드');
    expect(lesson.steps).toHaveLength(2);
    expect(lesson.steps[0]).toMatchObject({ withinMs: 120_000, line: 8, check: { type: 'deployment', op: '=', value: 15 } });
    expect(lesson.steps[1].action).toEqual({ run: ['kubectl get pods'], tab: 'events', speed: 10 });
    expect(lesson.questions[0].answer).toBe(1);
    expect(r.scenarioText).toContain('name: nginx-to-scaleout');
  });

  it('compiles quantities and durations into engine units', () => {
    const r = loadLesson(
      lessonText(`  - text: {en: a, ko: 가}
    check: {type: all, checks: [{type: vpa, name: v, resource: cpu, op: '>=', value: 400m}, {type: vpa, name: v, resource: memory, bound: upperBound, op: '<', value: 1Gi}, {type: elapsed, op: '>=', value: 1m30s}, {type: nodeClaim, capacityType: spot}, {type: queue, name: q, op: '=', value: 0}]}`),
      'lessons/x.yaml',
      readExample,
    );
    if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
    expect(r.lesson.steps[0].check).toEqual({
      type: 'all',
      checks: [
        { type: 'vpa', name: 'v', resource: 'cpu', bound: 'target', op: '>=', value: 400 },
        { type: 'vpa', name: 'v', resource: 'memory', bound: 'upperBound', op: '<', value: 1024 },
        { type: 'elapsed', op: '>=', value: 90_000 },
        { type: 'nodeClaim', capacityType: 'spot', op: '>=', value: 1 },
        { type: 'queue', name: 'q', field: 'depth', op: '=', value: 0 },
      ],
    });
    expect(r.lesson.steps[0].withinMs).toBe(30 * 60_000);
  });

  it('points at an unknown check type with a suggestion', () => {
    expect(errorsOf(lessonText(`  - text: {en: a, ko: 가}
    check: {type: hap, name: x, field: currentReplicas, op: '>=', value: 1}`))).toEqual([
      'lessons/x.yaml:9:19: steps[0].check.type: check type "hap" (did you mean "hpa"?); supported types: hpa, deployment, nodes, pods, event, nodeClaim, vpa, scaledObject, queue, cost, time, elapsed, all, any, not',
    ]);
  });

  it('points at a wrong field inside a nested combinator, and an unknown operator', () => {
    const errors = errorsOf(lessonText(`  - text: {en: a, ko: 가}
    check:
      type: not
      check:
        type: any
        checks:
          - {type: pods, phase: Pending, op: '>', value: 0}
          - {type: nodes, nodegroup: ng1, op: '=>', value: 5}`));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^lessons\/x\.yaml:15:27: steps\[0\]\.check\.check\.checks\[1\]\.nodegroup: unknown field "nodegroup" \(did you mean "nodeGroup"\?\)/);
    expect(errors[1]).toMatch(/^lessons\/x\.yaml:15:47: steps\[0\]\.check\.check\.checks\[1\]\.op: Unsupported value: "=>": supported values: ">=", "<=", "=", "!=", ">", "<"/);
  });

  it('requires both languages and a check on every step', () => {
    const errors = errorsOf(lessonText(`  - text: {en: a, ko: ''}
  - text: {en: b, ko: 나}
    hint: {en: c}`));
    expect(errors).toEqual([
      'lessons/x.yaml:8:5: steps[0]: Required value: check (what must hold before the next step; see docs/lessons.md)',
      'lessons/x.yaml:8:23: steps[0].text.ko: Required value: the Korean text is empty',
      'lessons/x.yaml:9:5: steps[1]: Required value: check (what must hold before the next step; see docs/lessons.md)',
      'lessons/x.yaml:10:5: steps[1].hint.ko: Required value: expected string',
    ]);
  });

  it('checks command lines as the console parses them, and the answer index', () => {
    const text = lessonText().replace('kubectl get pods', 'kubectl scael deploy x').replace('answer: 1', 'answer: 2');
    const errors = errorsOf(text);
    expect(errors[0]).toMatch(/^lessons\/x\.yaml:12:19: steps\[1\]\.action\.run: error: unknown command "scael" for "kubectl"/);
    expect(errors[1]).toBe('lessons/x.yaml:18:13: questions[0].answer: answer is the index of the correct choice, 0 to 1 (got 2)');
  });

  it('names an unknown example, a bad tab, and YAML syntax errors with their position', () => {
    expect(errorsOf(lessonText().replace('example: nginx-to-scaleout', 'example: nginx-scaleout'))).toEqual([
      'lessons/x.yaml:6:21: scenario.example: no example named "nginx-scaleout" (examples/nginx-scaleout.yaml)',
    ]);
    expect(errorsOf(lessonText().replace('tab: events', 'tab: graph'))[0]).toMatch(/^lessons\/x\.yaml:12:44: steps\[1\]\.action\.tab: Unsupported value: "graph"/);
    expect(errorsOf(lessonText().replace("op: '='", 'op: >='))[0]).toMatch(/^lessons\/x\.yaml:\d+:\d+: YAML: /);
    expect(errorsOf('')).toEqual(['lessons/x.yaml:1:1: the lesson file is empty: expected apiVersion: playground/v1alpha1, kind: Lesson, id, title, summary, scenario, steps, questions']);
  });

  it('replaces an example timeline, and locates errors of an inline scenario in the lesson file', () => {
    const replaced = loadLesson(lessonText(undefined).replace('scenario: {example: nginx-to-scaleout}', 'scenario: {example: nginx-to-scaleout, timeline: [{at: 2m, run: "kubectl scale --replicas=15 deployment/nginx-to-scaleout"}], duration: 20m}'), 'lessons/x.yaml', readExample);
    if (!replaced.ok) throw new Error(replaced.errors.map(formatError).join('\n'));
    expect(replaced.scenarioText).toContain('at: 2m');
    expect(replaced.scenarioText).toContain('duration: 20m');
    expect(replaced.scenarioText).not.toContain('at: 1m');
    const inline = lessonText().replace(
      'scenario: {example: nginx-to-scaleout}',
      `scenario:
  yaml: |
    apiVersion: playground/v1alpha1
    kind: Scenario
    spec:
      nodeGroups:
        - {name: ng1, instanceType: t3.mediun, minSize: 1, maxSize: 2}`,
    );
    expect(errorsOf(inline)[0]).toMatch(/^lessons\/x\.yaml:12:37: scenario\.yaml: spec\.nodeGroups\[0\]\.instanceType: unknown instance type "t3\.mediun"/);
  });
});
