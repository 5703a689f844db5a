import { describe, expect, it } from 'vitest';
import { runLessonFile } from './headless';
import { lessonText, readExample } from './testLessons';
import { renderer } from '../cli/localeText';

const typo = `  - text: {en: Scale to 15., ko: 15개로 늘리세요.}
    check: {type: deployment, name: nginx-to-scaleot, field: replicas, op: '=', value: 15}
    within: 1m`;

describe('the headless runner says why a check that names a missing object did not hold', () => {
  it('in English: what it checks, the missing object and the close names', () => {
    const run = runLessonFile(lessonText(typo), 'lessons/x.yaml', readExample, 'en', undefined, renderer('en'));
    expect(run.loaded && run.ok).toBe(false);
    const line = run.loaded ? run.lines.find((l) => l.includes('✗')) : '';
    expect(line).toContain('[Deployment nginx-to-scaleot: replicas (spec) = 15]');
    expect(line).toContain('there is no Deployment named "nginx-to-scaleot" in namespace default yet; similar names: nginx-to-scaleout');
    // Warned before it ran: nothing in the lesson creates it.
    expect(run.loaded ? run.lines[1] : '').toMatch(/^ {2}! lessons\/x\.yaml:8: warning: step 1 checks an object that neither the scenario nor any step's Show me creates/);
  });
  it('in Korean', () => {
    const run = runLessonFile(lessonText(typo), 'lessons/x.yaml', readExample, 'ko', undefined, renderer('ko'));
    const line = run.loaded ? run.lines.find((l) => l.includes('✗')) : '';
    expect(line).toContain('default 네임스페이스의 Deployment 중 이름이 "nginx-to-scaleot"인 것이 아직 없습니다. 비슷한 이름: nginx-to-scaleout');
  });
});
