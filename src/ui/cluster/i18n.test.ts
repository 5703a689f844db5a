import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterResources } from './i18n';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const stripPlural = (k: string) => k.replace(/_(one|other)$/, '');

describe('cluster strings', () => {
  const en = new Set(keys(clusterResources.en));
  const ko = new Set(keys(clusterResources.ko));

  it('has the same keys in English and Korean', () => {
    expect([...en].filter((k) => !ko.has(k))).toEqual([]);
    expect([...ko].filter((k) => !en.has(k))).toEqual([]);
  });

  it('defines every literal key the cluster view asks for', () => {
    const dir = import.meta.dirname;
    const sources = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'));
    const wanted = new Set<string>();
    for (const f of sources) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/['`](cluster\.[a-zA-Z.]+)['`]/g)) wanted.add(m[1]);
    }
    const defined = new Set([...en].map(stripPlural));
    expect(wanted.size).toBeGreaterThan(50);
    expect([...wanted].filter((k) => !defined.has(k))).toEqual([]);
  });
});
