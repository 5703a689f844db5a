import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoscalerResources } from './i18n';

function has(tree: unknown, path: string): boolean {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/** Every key the autoscaler views use, read from their sources. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  const files = [
    ...readdirSync(new URL('.', import.meta.url)).map((f) => new URL(f, import.meta.url)),
    new URL('../charts/autoscalerSeries.ts', import.meta.url),
  ].filter((u) => /\.tsx?$/.test(u.pathname) && !u.pathname.endsWith('.test.ts'));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['`](autoscalers\.[a-zA-Z.]+[a-zA-Z])['`]/g)) keys.add(m[1]);
    // Figure labels are written as f('key', …) and looked up under autoscalers.figure.
    if (file.pathname.endsWith('figures.ts')) for (const m of text.matchAll(/\bf\('([a-zA-Z]+)'/g)) keys.add(`autoscalers.figure.${m[1]}`);
  }
  return [...keys].sort();
}

describe('autoscaler strings', () => {
  it('English has every key the views use', () => {
    const keys = usedKeys();
    expect(keys.length).toBeGreaterThan(40);
    expect(keys.filter((k) => !has(autoscalerResources.en, k))).toEqual([]);
  });
  it('Korean has the tab name, chart titles and legends', () => {
    const needed = usedKeys().filter((k) => k.startsWith('autoscalers.chart.') && !k.endsWith('scaledObject') && !k.endsWith('nodeClaimsTitle'));
    expect(needed.filter((k) => !has(autoscalerResources.ko, k))).toEqual([]);
    expect(autoscalerResources.ko.tabs.autoscalers).toBe('오토스케일러');
  });
});
