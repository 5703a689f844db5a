import { describe, expect, it } from 'vitest';
import { formatError, scenarioErrorMessage, type ScenarioError } from '../scenario/errors';
import { loadLesson } from './loadLesson';
import { lessonText, readExample } from './testLessons';
import { en, ko } from '../testing/messages';

/**
 * A lesson file's errors reach the lesson panel as Messages: located in the reader's language, the
 * playground's own sentences translated, field paths and text worded as the API server words it
 * (`Required value:`, `Unsupported value:`) kept as written. English renders byte for byte as the
 * CLI prints it (formatError), which `npm run lesson` and the tests read.
 */
const ENGLISH_RUN = /\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/i;
/** What may stay English inside a Korean sentence: quoted values, the list of check types, API-worded text, parsers' own words. */
function prose(text: string): string {
  return text
    .replace(/"[^"]*"/g, '')
    .replace(/\b(hpa|deployment|nodes|pods|event|nodeClaim|vpa|scaledObject|queue|cost|time|elapsed|all|any|not)\b(, )?/g, '')
    .replace(/apiVersion: playground\/v1alpha1, kind: Lesson, id, title, summary, scenario, steps, questions/, '')
    .replace(/Required value: [^(]*/g, '')
    .replace(/Unsupported value: .*$/g, '');
}

function errorsOf(text: string): ScenarioError[] {
  const r = loadLesson(text, 'lessons/x.yaml', readExample);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

const BROKEN: [string, string][] = [
  ['an empty file', ''],
  ['two documents', `${lessonText()}---\nkind: Other\n`],
  ['an unknown check type', lessonText(`  - text: {en: a, ko: 가}\n    check: {type: hap, name: x, field: currentReplicas, op: '>=', value: 1}`)],
  ['an unknown check type, nothing near', lessonText(`  - text: {en: a, ko: 가}\n    check: {type: zzzzzz}`)],
  ['a check that is not a map', lessonText(`  - text: {en: a, ko: 가}\n    check: [1]`)],
  ['no check, an empty Korean text', lessonText(`  - text: {en: a, ko: ''}\n  - text: {en: b, ko: 나}\n    hint: {en: c}`)],
  ['a bad command line and answer index', lessonText().replace('kubectl get pods', 'kubectl scale --replicas=999999 deployment/x').replace('answer: 1', 'answer: 2')],
  ['an unknown example', lessonText().replace('example: nginx-to-scaleout', 'example: nginx-scaleout')],
  ['YAML syntax', lessonText().replace("op: '='", 'op: >=')],
  [
    'an inline scenario with a bad field',
    lessonText().replace('scenario: {example: nginx-to-scaleout}', 'scenario:\n  yaml: |\n    apiVersion: playground/v1alpha1\n    kind: Scenario\n    spec:\n      nodeGroups:\n        - {name: ng1, instanceType: t3.medium, minSize: 1, maxSize: 2, maxSzie: 3}'),
  ],
  ['an inline scenario on one line', lessonText().replace('scenario: {example: nginx-to-scaleout}', "scenario: {yaml: 'kind: Scenario'}")],
];

describe('lesson file errors in the reader’s language', () => {
  it.each(BROKEN)('%s: English as the CLI prints it; Korean located and without an English sentence', (_, text) => {
    const errors = errorsOf(text);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      const m = scenarioErrorMessage(e);
      expect(en(m)).toBe(formatError(e));
      const k = ko(m);
      expect(k, formatError(e)).toMatch(new RegExp(`^lessons/x\\.yaml ${e.line}번째 줄 ${e.col}열[,:]`));
      expect(k).not.toMatch(/\{\{|lessonError\.|scenarioError\./);
      // The lesson schema's own sentences are translated, not quoted as the validator's words.
      expect(k).not.toMatch(/zod의 메시지/);
      // The parsers' own words are quoted after a Korean sentence; kubectl's stay as kubectl prints them.
      const body = k.replace(/^[^:]*: /, '').replace(/\(파서의 메시지: .*\)$/, '');
      expect(prose(body), `${formatError(e)}\n${k}`).not.toMatch(ENGLISH_RUN);
    }
  });
});
