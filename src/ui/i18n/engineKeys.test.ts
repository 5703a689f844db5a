import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeTrees } from './index';
import { caMachine } from '../../sim/autoscalers/cluster-autoscaler/caMachine';
import { cpaMachine } from '../../sim/autoscalers/cpa/cpaMachine';
import { hpaMachine } from '../../sim/autoscalers/hpa/hpaMachine';
import { karpenterMachine } from '../../sim/autoscalers/karpenter/karpenterMachine';
import { kedaMachine } from '../../sim/autoscalers/keda/kedaMachine';
import { vpaMachine } from '../../sim/autoscalers/vpa/vpaMachine';

/**
 * The engine names its explanations by key (`msg('engine.…', …)` in src/sim). Every literal key
 * must exist in the locale files, or the Why panel would show a raw key to a student.
 */
const root = join(import.meta.dirname, '../../sim');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

function has(tree: Record<string, unknown>, key: string): boolean {
  let node: unknown = tree;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string';
}

/** Every 'engine.…' string literal in the engine is a key (msg('engine.…'), or a key picked from a table). */
function usedKeys(): { file: string; key: string }[] {
  const out: { file: string; key: string }[] = [];
  for (const f of files(root)) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/'(engine\.[\w.]+)'/g)) out.push({ file: relative(root, f), key: m[1] });
  }
  return out;
}

describe('engine message keys', () => {
  const { en, ko } = localeTrees();
  const used = usedKeys();

  it('the engine uses keys (sanity: the scan finds them)', () => {
    expect(used.length).toBeGreaterThan(40);
  });
  it('finds the keys chosen by a condition', () => {
    expect(used.map((u) => u.key)).toContain('engine.hpa.rateDownFree');
  });
  it('every autoscaler state a card or the Why panel names has a label in both languages', () => {
    type Node = { key: string; states: Record<string, Node> };
    const names = (n: Node): string[] => Object.values(n.states).flatMap((c) => [c.key, ...names(c)]);
    const states = [caMachine, cpaMachine, hpaMachine, karpenterMachine, kedaMachine, vpaMachine].flatMap((m) => names(m.root as unknown as Node));
    // Written by the controllers beside the machines' own states.
    states.push('flagError', 'podNotRunning');
    const missing = [...new Set(states)].filter((s) => !has(en, `engine.state.${s}`) || !has(ko, `engine.state.${s}`));
    expect(missing).toEqual([]);
  });
  it('every key the engine uses exists in English and Korean', () => {
    const missing = used.filter((u) => !has(en, u.key) || !has(ko, u.key)).map((u) => `${u.file}: ${u.key}`);
    expect(missing).toEqual([]);
  });
});
