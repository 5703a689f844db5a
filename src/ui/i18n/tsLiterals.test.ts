import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProse } from './tsLiterals';
import { localeTrees } from './index';

const src = join(import.meta.dirname, '../..');
const roots = [join(src, 'ui'), join(src, 'app')];

function has(tree: Record<string, unknown>, key: string): boolean {
  const at = (k: string) => {
    let node: unknown = tree;
    for (const part of k.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    return typeof node === 'string';
  };
  return at(key) || at(`${key}_other`);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'dev' || f === 'testing' ? [] : files(p);
    return /\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p) && !p.endsWith('tsLiterals.ts') ? [p] : [];
  });
}

describe('no English sentences in UI code', () => {
  it('the scan finds prose in code and passes commands, class names, console lines and exempt lines', () => {
    const code = [
      "const a = 'the link is damaged: it cannot be read';",
      "const b = `lesson ${id} does not load`;",
      "const c = `kubectl describe pod ${name} -n ${ns}`;",
      "const d = <div className='lesson-note warn small'>{t('x')}</div>;",
      "console.error(`lesson ${f} does not load: see above`);",
      '// i18n-exempt: real kubectl output',
      "const e = 'error: the server does not allow this method';",
      "const f = { ok: false, error: 'the share link is damaged', msg: msg('link.damaged') };",
      "const g = { font: '12px system-ui, sans-serif', border: '1px solid var(--border)' };",
    ].join('\n');
    expect(findProse(code)).toEqual(['1: the link is damaged: it cannot be read', '2: lesson  x  does not load']);
  });
  it('src/ui and src/app build no English sentences in code (use t() or a Message)', () => {
    const hits = roots.flatMap((r) => files(r).flatMap((f) => findProse(readFileSync(f, 'utf8'), f).map((h) => `${relative(src, f)}:${h}`)));
    expect(hits).toEqual([]);
  });
});

describe("the console's own words", () => {
  // kubectl's, aws's and krr's error texts stay English as the real tools print them; a sentence in
  // the playground's own voice (it names the playground) needs a Message beside its English twin.
  const own = /\bplayground\b/;
  const parsers = [join(src, 'scenario/commandLine.ts'), ...files(join(src, 'scenario/commandLine'))];
  it('the scan finds a playground sentence without a Message and passes fail(English, msg(…))', () => {
    const code = [
      "return fail('error: the playground runs one command per line');",
      "return fail('error: the playground runs one command per line', msg('cmd.singleCommand'));",
      "return fail('error: unknown command for kubectl here');",
      "return { ok: false, error: `error: the playground has no ${x} files`, msg: msg('cmd.x') };",
    ].join('\n');
    expect(findProse(code, 'x.ts', own)).toEqual(['1: error: the playground runs one command per line']);
  });
  it('src/scenario/commandLine: every sentence in the playground\'s voice comes with a Message', () => {
    expect(parsers.length).toBeGreaterThan(5);
    const hits = parsers.flatMap((f) => findProse(readFileSync(f, 'utf8'), f, own).map((h) => `${relative(src, f)}:${h}`));
    expect(hits).toEqual([]);
  });
});

describe('message keys outside the engine', () => {
  it("every msg('…') and i18next.t('…') key in src/ui, src/app and src/scenario exists in English and Korean", () => {
    const { en, ko } = localeTrees();
    const used = [...roots, join(src, 'scenario')].flatMap((r) =>
      files(r).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\b(?:msg|i18next\.t)\('([\w.]+)'/g)].map((m) => ({ file: relative(src, f), key: m[1] }))),
    );
    expect(used.map((u) => u.key)).toContain('link.damaged');
    expect(used.filter((u) => !has(en, u.key) || !has(ko, u.key))).toEqual([]);
  });
});
