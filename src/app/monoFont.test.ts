import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANGUL_FAMILY, KOREAN_FAMILY, hangulFaces } from './hangulFaces';

/**
 * No monospace face has Hangul. Korean in monospace text (console errors, scenario notices, Why
 * lines, the cost header's "시간당 $0.156") must fall back to the self-hosted Korean web font, or a
 * machine without a Korean system font draws boxes. So every monospace font-family in the app is
 * `var(--mono)`, which names that font's Hangul first (and, in Korean, the whole font after the mono face) (src/app/app.css), and every
 * canvas font string names it too.
 */
const src = join(import.meta.dirname, '..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(p) && !/\.test\.tsx?$/.test(p) ? [p] : [];
  });
}

/** The family the @fontsource package declares, as the CSS must name it. */
const fontsourceCss = readFileSync(join(src, '../node_modules/@fontsource/noto-sans-kr/400.css'), 'utf8');
const FONTSOURCE_FAMILY = /font-family: '([^']+)'/.exec(fontsourceCss)?.[1] ?? '';

describe('monospace text in Korean', () => {
  it('the Korean web font is the family @fontsource declares', () => expect(FONTSOURCE_FAMILY).toBe(KOREAN_FAMILY));

  it('the Hangul-only faces cover Hangul only, from the same files', () => {
    const rules = [...fontsourceCss.matchAll(/@font-face \{([^}]*)\}/g)].map((m) => ({
      src: /src: ([^;]+);/.exec(m[1])?.[1] ?? '',
      unicodeRange: /unicode-range: ([^;]+);/.exec(m[1])?.[1] ?? '',
      weight: '400',
      style: 'normal',
    }));
    const faces = hangulFaces(rules);
    expect(faces.length).toBeGreaterThan(50);
    expect(faces.length).toBeLessThan(rules.length);
    const covered = (cp: number) => faces.some((f) => f.unicodeRange.split(', ').some((r) => {
      const [a, b] = r.slice(2).split('-').map((h) => parseInt(h, 16));
      return cp >= a && cp <= (b ?? a);
    }));
    for (const ch of '시간당월가나힣ㄱ') expect(covered(ch.codePointAt(0) ?? 0), ch).toBe(true);
    for (const ch of 'A0$.→·…（') expect(covered(ch.codePointAt(0) ?? 0), ch).toBe(false);
    for (const f of faces) expect(rules.map((r) => r.src)).toContain(f.src);
    expect(new Set(faces.map((f) => f.family))).toEqual(new Set([HANGUL_FAMILY]));
  });

  it('--mono names the Hangul faces first in every language and, in Korean, the Korean web font after the mono face', () => {
    const css = readFileSync(join(src, 'app/app.css'), 'utf8');
    const families = (v: string | undefined) => v?.split(',').map((f) => f.trim().replace(/'/g, ''));
    // Hangul typed in the English console needs the Hangul faces as much as Korean text does.
    expect(families(/:root \{[^}]*--mono: ([^;]+);/.exec(css)?.[1])).toEqual([HANGUL_FAMILY, 'ui-monospace', 'monospace']);
    expect(families(/:root:lang\(ko\) \{\s*--mono: ([^;]+);/.exec(css)?.[1])).toEqual([HANGUL_FAMILY, 'ui-monospace', 'monospace', KOREAN_FAMILY, 'sans-serif']);
    // English proportional text takes only Hangul from the web font, never its Latin slices.
    expect(families(/:root \{\s*(?:\/\*[^*]*\*\/\s*)?font-family: ([^;]+);/.exec(css)?.[1])).toContain(HANGUL_FAMILY);
    expect(families(/:root \{\s*(?:\/\*[^*]*\*\/\s*)?font-family: ([^;]+);/.exec(css)?.[1])).not.toContain(KOREAN_FAMILY);
    // pre, code, kbd get the browser's bare `monospace` unless the app names the stack.
    expect(css).toMatch(/pre,\s*code,\s*kbd,\s*samp \{\s*font-family: var\(--mono\);/);
  });

  it('every monospace font-family in the CSS and in styles set from code is var(--mono)', () => {
    const offenders: string[] = [];
    for (const f of files(src, /\.css$/)) {
      const lines = readFileSync(f, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*--mono:/.test(line)) return;
        if (/font(-family)?\s*:[^;]*monospace/.test(line)) offenders.push(`${relative(src, f)}:${i + 1}: ${line.trim()}`);
      });
    }
    for (const f of files(src, /\.tsx?$/)) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/(fontFamily|font)\s*[:=][^;]*monospace/.test(line) && !/var\(--mono[,)]/.test(line)) offenders.push(`${relative(src, f)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('canvas text names the Korean web font in its font string', () => {
    const canvas = files(join(src, 'ui'), /\.tsx?$/).filter((f) => /\bctx\.font\s*=|\.font\s*=\s*`/.test(readFileSync(f, 'utf8')));
    expect(canvas.length).toBeGreaterThan(0);
    for (const f of canvas) expect(readFileSync(f, 'utf8'), relative(src, f)).toContain(`"${KOREAN_FAMILY}"`);
  });
});
