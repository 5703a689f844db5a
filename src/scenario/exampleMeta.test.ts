import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './loadScenario';
import { scenarioMeta } from './exampleMeta';

const dir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('example titles and descriptions', () => {
  it.each(examples)('%s has a title and a one-line description in English and Korean, and still loads', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const meta = scenarioMeta(text);
    expect(meta.name).toBe(file.replace(/\.yaml$/, ''));
    for (const t of [meta.title, meta.description]) {
      expect(t?.en.trim()).toBeTruthy();
      expect(t?.ko).toMatch(/[가-힣]/);
      expect(t?.en).not.toContain('\n');
    }
    expect(loadScenario(text, file).ok).toBe(true);
  });

  it('reads nothing from a file without metadata, and never throws on broken YAML', () => {
    expect(scenarioMeta('apiVersion: playground/v1alpha1\nkind: Scenario\nspec: {}\n')).toEqual({});
    expect(scenarioMeta('kind: [')).toEqual({});
  });

  it('rejects a title with one language missing, at its line', () => {
    const r = loadScenario('apiVersion: playground/v1alpha1\nkind: Scenario\nmetadata:\n  title: {en: Hello}\nspec: {nodeGroups: [{name: a, instanceType: t3.medium, minSize: 1, maxSize: 1}]}\n', 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 4, path: 'metadata.title.ko' });
  });
});
