import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError } from '../scenario/errors';
import { loadLesson } from './loadLesson';
import { readExample } from './testLessons';

const dir = new URL('../../lessons/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

// Running them is `npm run lesson -- --all` (part of npm test); here: every file is valid.
describe('shipped lessons', () => {
  it('are lessons 0 to 12, one file each, with unique ids', () => {
    expect(files.map((f) => f.slice(0, 2))).toEqual(['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);
    const ids = files.map((f) => {
      const r = loadLesson(readFileSync(new URL(f, dir), 'utf8'), `lessons/${f}`, readExample);
      if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
      return r.lesson.id;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(files)('%s: Korean text in every step and question, 1-3 questions', (f) => {
    const r = loadLesson(readFileSync(new URL(f, dir), 'utf8'), `lessons/${f}`, readExample);
    if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
    const texts = [r.lesson.title, r.lesson.summary, ...r.lesson.steps.map((s) => s.text), ...r.lesson.questions.flatMap((q) => [q.question, q.explanation])];
    for (const t of texts) expect(t.ko).toMatch(/[가-힣]/);
    expect(r.lesson.questions.length).toBeGreaterThanOrEqual(1);
    expect(r.lesson.questions.length).toBeLessThanOrEqual(3);
  });
});
