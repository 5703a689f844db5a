import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../lessons/loadLesson';
import { formatError } from '../../scenario/errors';
import { lessonDraftObject, lessonDraftText } from './draft';

const readExample = (name: string) => {
  try {
    return readFileSync(`examples/${name}.yaml`, 'utf8');
  } catch {
    return undefined;
  }
};

describe('recorded lesson draft', () => {
  const input = {
    scenario: { example: 'php-apache' },
    before: [{ atMs: 5_000, input: 'kubectl get pods' }],
    startMs: 30_000,
    endMs: 300_000,
    commands: [
      { atMs: 60_000, input: 'kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10' },
      { atMs: 120_000, input: 'kubectl scale --replicas=3 deployment/php-apache' },
    ],
    leftOut: ['playground hpa php-apache --max=20'],
  };

  it('is a lesson file the loader accepts, one step per command plus the wait before the first', async () => {
    const text = await lessonDraftText(input);
    const r = loadLesson(text, 'draft.yaml', readExample);
    if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
    expect(r.lesson.steps).toHaveLength(3);
    expect(r.lesson.steps[1].action?.run).toEqual([input.commands[0].input]);
    // Each step runs to the moment of the next command (the instructor's wait).
    expect(r.lesson.steps[1].action?.runToMs).toBe(120_000);
    expect(r.lesson.steps[2].action?.runToMs).toBe(300_000);
    expect(text).toContain('# Left out (no command-line form, set it in the scenario instead): playground hpa php-apache --max=20');
  });

  it('replays what happened before the recording through the timeline', () => {
    const doc = lessonDraftObject(input) as { scenario: { timeline: { at: string; run: string }[] } };
    expect(doc.scenario.timeline).toEqual([{ at: '5s', run: 'kubectl get pods' }]);
  });
});
