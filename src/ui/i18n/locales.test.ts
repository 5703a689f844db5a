import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, 'locales');
const stripPlural = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
function load(lang: string, file: string): unknown {
  return JSON.parse(readFileSync(join(dir, lang, file), 'utf8'));
}

describe('locale files', () => {
  const enFiles = readdirSync(join(dir, 'en')).sort();
  const koFiles = readdirSync(join(dir, 'ko')).sort();

  it('ship the same files in English and Korean', () => {
    expect(koFiles).toEqual(enFiles);
  });

  for (const file of enFiles) {
    it(`${file}: every key exists in both languages`, () => {
      const en = new Set(keys(load('en', file)).map(stripPlural));
      const ko = new Set(keys(load('ko', file)).map(stripPlural));
      expect([...en].filter((k) => !ko.has(k)), 'missing in ko').toEqual([]);
      expect([...ko].filter((k) => !en.has(k)), 'missing in en').toEqual([]);
    });
    it(`${file}: interpolations match`, () => {
      const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort().join(',');
      const flat = (lang: string) => {
        const out = new Map<string, string>();
        const walk = (o: unknown, p: string) => {
          if (typeof o === 'string') out.set(stripPlural(p), vars(o));
          else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, p ? `${p}.${k}` : k);
        };
        walk(load(lang, file), '');
        return out;
      };
      const en = flat('en');
      const ko = flat('ko');
      const differ = [...en].filter(([k, v]) => ko.has(k) && ko.get(k) !== v).map(([k]) => k);
      expect(differ).toEqual([]);
    });
  }
});
