import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * ESLint's import-x/no-cycle (eslint.config.js) catches runtime cycles but skips `import type`.
 * The engine's layering (core → cluster → lifecycle → resources → autoscalers → commands → api)
 * should hold for types too, so this walks every relative import and re-export in src/sim,
 * type-only ones included, and fails on any strongly connected group of files.
 */
const ROOT = resolve(__dirname);
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function stronglyConnected(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return groups;
}

describe('src/sim import graph', () => {
  it('has no import cycles, type-only imports included', () => {
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles(ROOT)) {
      const text = readFileSync(file, 'utf8');
      const deps: string[] = [];
      for (const m of text.matchAll(IMPORT_RE)) {
        const target = resolveImport(file, m[1]);
        if (target && target.startsWith(ROOT)) deps.push(target);
      }
      graph.set(file, deps);
    }
    expect(graph.size).toBeGreaterThan(100);
    const cycles = stronglyConnected(graph).map((g) => g.map((f) => relative(ROOT, f)));
    expect(cycles).toEqual([]);
  });
});
