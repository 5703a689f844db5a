import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLessons, loadBundledLessons } from './lessonList';

const onDisk = readdirSync(new URL('../../lessons/', import.meta.url))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('the shipped lessons, each loaded when asked', () => {
  it('registers every lessons/*.yaml by pattern, in file order, with no text loaded up front', () => {
    expect(bundledLessons.map((l) => l.file)).toEqual(onDisk.map((f) => `lessons/${f}`));
    for (const l of bundledLessons) expect(typeof l.load).toBe('function');
  });
  it('loads each lesson as the exact text of its file', async () => {
    const { texts, failed } = await loadBundledLessons();
    expect(failed).toEqual([]);
    expect(texts.map((t) => t.file)).toEqual(onDisk.map((f) => `lessons/${f}`));
    for (const t of texts) expect(t.text).toBe(readFileSync(new URL(`../../${t.file}`, import.meta.url), 'utf8'));
  });
  it('leaves out a lesson that cannot be fetched and keeps the others, in order', async () => {
    const gone = new Error('Failed to fetch dynamically imported module');
    const { texts, failed } = await loadBundledLessons([
      { file: 'lessons/00-a.yaml', load: () => Promise.resolve('a') },
      { file: 'lessons/01-b.yaml', load: () => Promise.reject(gone) },
      { file: 'lessons/02-c.yaml', load: () => Promise.resolve('c') },
    ]);
    expect(texts).toEqual([
      { file: 'lessons/00-a.yaml', text: 'a' },
      { file: 'lessons/02-c.yaml', text: 'c' },
    ]);
    expect(failed).toEqual([{ file: 'lessons/01-b.yaml', reason: gone }]);
  });
});
