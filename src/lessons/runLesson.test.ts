import { describe, expect, it } from 'vitest';
import { formatError } from '../scenario/errors';
import { loadScenario } from '../scenario/loadScenario';
import { createSession, seekNow } from '../sim/session';
import { runLessonFile } from './headless';
import { loadLesson } from './loadLesson';
import { prepareLessonStep } from './runLesson';
import { lessonText, readExample } from './testLessons';

function open(text: string) {
  const r = loadLesson(text, 'lessons/x.yaml', readExample);
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  const s = loadScenario(r.scenarioText, 'x');
  if (!s.ok) throw new Error('scenario');
  return { lesson: r.lesson, spec: s.spec, manifests: s.manifests.map((m) => m.doc) };
}

const threeSteps = `  - text: {en: Scale to 15., ko: 15개로 늘리세요.}
    action: {run: "kubectl scale --replicas=15 deployment/nginx-to-scaleout"}
    check: {type: pods, phase: Pending, op: '=', value: 6}
    within: 2m
  - text: {en: Scale back to 9., ko: 9개로 줄이세요.}
    action: {run: ["kubectl get pods", "kubectl scale --replicas=9 deployment/nginx-to-scaleout"]}
    check: {type: pods, phase: Pending, op: '=', value: 0}
    within: 1m
  - text: {en: Wait a minute., ko: 1분 기다리세요.}
    check: {type: elapsed, op: '>=', value: 1m}`;

const withoutTimeline = (steps: string) => lessonText(steps).replace('scenario: {example: nginx-to-scaleout}', 'scenario: {example: nginx-to-scaleout, timeline: []}');

describe('running a lesson headless', () => {
  it('performs each action and runs until each check holds, one line per step', () => {
    const lines: string[] = [];
    const r = runLessonFile(withoutTimeline(threeSteps), 'lessons/x.yaml', readExample, 'ko', (l) => lines.push(l));
    expect(r).toMatchObject({ loaded: true, ok: true, steps: 3 });
    expect(lines[0]).toBe('pending-pods: Pending 파드');
    expect(lines[1]).toMatch(/^ {2}✓ step 1\/3 \(lessons\/x\.yaml:8\) "15개로 늘리세요\.": held at \d+s/);
    expect(lines[3]).toMatch(/^ {2}✓ step 3\/3 \(lessons\/x\.yaml:16\) "1분 기다리세요\.": held at \d+m\d*s? \(1m after the step began, observed 60000\)/);
  });

  it('fails naming the step whose check cannot hold within its budget', () => {
    const steps = threeSteps.replace("check: {type: pods, phase: Pending, op: '=', value: 0}", "check: {type: nodes, nodeGroup: ng1, op: '>', value: 3}");
    const lines: string[] = [];
    const r = runLessonFile(withoutTimeline(steps), 'lessons/x.yaml', readExample, 'en', (l) => lines.push(l));
    expect(r).toMatchObject({ loaded: true, ok: false, failedStep: 1 });
    expect(lines[2]).toBe('  ✗ step 2/3 (lessons/x.yaml:12) "Scale back to 9.": check did not hold within 60s of sim time (last observed: 3)');
    expect(lines).toHaveLength(3);
  });

  it('fails naming the step whose action the console refuses', () => {
    const steps = threeSteps.replace('deployment/nginx-to-scaleout"]', 'deployment/nginx"]');
    const lines: string[] = [];
    const r = runLessonFile(withoutTimeline(steps), 'lessons/x.yaml', readExample, 'en', (l) => lines.push(l));
    expect(r).toMatchObject({ ok: false, failedStep: 1 });
    expect(lines[2]).toContain('✗ step 2/3 (lessons/x.yaml:12) "Scale back to 9.": action "kubectl scale --replicas=9 deployment/nginx" failed: Error from server (NotFound)');
  });

  it('reports an invalid lesson with located errors and runs nothing', () => {
    const r = runLessonFile(lessonText().replace('id: pending-pods', 'id: Pending'), 'lessons/x.yaml', readExample, 'en');
    expect(r.loaded).toBe(false);
    if (!r.loaded) expect(formatError(r.errors[0])).toMatch(/^lessons\/x\.yaml:3:5: id: lesson ids are lower-case/);
  });
});

describe('prepareLessonStep (instructor links)', () => {
  it('is deterministic: the same lesson and step give the same log and time', () => {
    const { lesson, spec, manifests } = open(withoutTimeline(threeSteps));
    const a = prepareLessonStep(lesson, spec, manifests, 2);
    const b = prepareLessonStep(lesson, spec, manifests, 2);
    expect(a).toEqual(b);
    if (!a.ok) throw new Error(a.error);
    // Views (kubectl get pods) do not enter the log, as in the console.
    expect(a.log.map((e) => e.input)).toEqual(['kubectl scale --replicas=15 deployment/nginx-to-scaleout', 'kubectl scale --replicas=9 deployment/nginx-to-scaleout']);
    expect(a.log[0].atMs).toBe(1);
    expect(a.timeMs).toBeGreaterThan(a.log[1].atMs);
  });

  it('step 0 begins at time 0 with an empty log; the log replays to the state the runner reached', () => {
    const { lesson, spec, manifests } = open(withoutTimeline(threeSteps));
    expect(prepareLessonStep(lesson, spec, manifests, 0)).toEqual({ ok: true, step: 0, timeMs: 0, commands: [], log: [] });
    const p = prepareLessonStep(lesson, spec, manifests, 1);
    if (!p.ok) throw new Error(p.error);
    const session = createSession(spec, manifests, p.commands);
    session.horizonMs = p.timeMs;
    seekNow(session, p.timeMs);
    expect(session.world.timeMs).toBe(p.timeMs);
    expect([...session.world.pendingPods].length).toBe(6);
  });

  it('names the step that fails while preparing', () => {
    const steps = threeSteps.replace("check: {type: pods, phase: Pending, op: '=', value: 0}", "check: {type: nodes, op: '>', value: 3}");
    const { lesson, spec, manifests } = open(withoutTimeline(steps));
    expect(prepareLessonStep(lesson, spec, manifests, 2)).toMatchObject({ ok: false, step: 2, failedStep: 1 });
  });
});
