import { readFileSync } from 'node:fs';
import { formatError } from '../scenario/errors';
import { loadScenario } from '../scenario/loadScenario';
import { loadLesson } from './loadLesson';
import { runLessonSteps, type LessonRun } from './runLesson';
import type { ExampleReader } from './scenarioText';

/** Reads examples/NAME.yaml from the repository, as the CLI does. */
export const readExample: ExampleReader = (name) => {
  try {
    return readFileSync(new URL(`../../examples/${name}.yaml`, import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
};

/** A small valid lesson on nginx-to-scaleout; `steps` replaces its steps block (YAML, indented 2). */
export function lessonText(steps?: string, extra = ''): string {
  return `apiVersion: playground/v1alpha1
kind: Lesson
id: pending-pods
title: {en: Pending pods, ko: Pending 파드}
summary: {en: Nine fit and six wait., ko: 아홉 개는 들어가고 여섯 개는 기다립니다.}
scenario: {example: nginx-to-scaleout}
${extra}steps:
${
  steps ??
  `  - text: {en: Watch the Deployment scale to 15., ko: Deployment가 15개로 늘어나는 것을 보세요.}
    check: {type: deployment, name: nginx-to-scaleout, field: replicas, op: '=', value: 15}
    within: 2m
  - text: {en: Six pods stay Pending., ko: 파드 여섯 개가 Pending으로 남습니다.}
    action: {run: "kubectl get pods", tab: events, speed: 10}
    check: {type: pods, phase: Pending, op: '=', value: 6}
    within: 1m`
}
questions:
  - question: {en: How many pods are Pending?, ko: Pending 파드는 몇 개입니까?}
    choices: [{en: '0', ko: '0'}, {en: '6', ko: '6'}]
    answer: 1
    explanation: {en: Three nodes hold nine., ko: 노드 세 대에 아홉 개가 들어갑니다.}
`;
}

/**
 * A shipped lesson (lessons/FILE) for tests of what its text promises: its text, and a runner of
 * its first `upTo` steps, on the file as shipped or on a variant of its text (a counterfactual).
 */
export function shippedLesson(file: string): { text: string; run: (upTo?: number, text?: string) => LessonRun } {
  const shipped = readFileSync(new URL(`../../lessons/${file}`, import.meta.url), 'utf8');
  const run = (upTo?: number, text = shipped): LessonRun => {
    const loaded = loadLesson(text, `lessons/${file}`, readExample);
    if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
    const scenario = loadScenario(loaded.scenarioText, `lessons/${file}`);
    if (!scenario.ok) throw new Error(scenario.errors.map(formatError).join('\n'));
    return runLessonSteps(loaded.lesson, scenario.spec, scenario.manifests.map((m) => m.doc), upTo);
  };
  return { text: shipped, run };
}
