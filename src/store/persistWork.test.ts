import { beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_CHARS, HISTORY_LINES, loadDraft, loadHistory, rememberLine, saveDraft, SCOPES, scopeOf } from './persistWork';

/** Issue #12 item 9: a reload lost the console history and an unapplied YAML edit. */
class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
}

beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
});

describe('console history and YAML drafts in localStorage', () => {
  it('keeps lines per scenario, newest last, without repeats, bounded', () => {
    rememberLine(scopeOf('a'), 'kubectl get pods');
    rememberLine(scopeOf('a'), 'kubectl get hpa');
    rememberLine(scopeOf('a'), 'kubectl get pods');
    rememberLine(scopeOf('b'), 'kubectl get nodes');
    expect(loadHistory(scopeOf('a'))).toEqual(['kubectl get hpa', 'kubectl get pods']);
    expect(loadHistory(scopeOf('b'))).toEqual(['kubectl get nodes']);
    for (let i = 0; i < HISTORY_LINES + 20; i++) rememberLine(scopeOf('a'), `line ${i}`);
    const lines = loadHistory(scopeOf('a'));
    expect(lines).toHaveLength(HISTORY_LINES);
    expect(lines.at(-1)).toBe(`line ${HISTORY_LINES + 19}`);
  });

  it('keeps a draft per scenario, forgets it on null, refuses one too large, and keeps only the latest scenarios', () => {
    saveDraft('x', 'edited');
    expect(loadDraft('x')).toBe('edited');
    saveDraft('x', null);
    expect(loadDraft('x')).toBeNull();
    saveDraft('big', 'y'.repeat(DRAFT_CHARS + 1));
    expect(loadDraft('big')).toBeNull();
    for (let i = 0; i < SCOPES + 3; i++) saveDraft(`s${i}`, `d${i}`);
    expect(loadDraft('s0')).toBeNull();
    expect(loadDraft(`s${SCOPES + 2}`)).toBe(`d${SCOPES + 2}`);
  });

  it('ignores foreign or broken data', () => {
    localStorage.setItem('playground.yamlDraft.v1', '{not json');
    expect(loadDraft('x')).toBeNull();
    localStorage.setItem('playground.consoleHistory.v1', JSON.stringify([{ scope: 'a', value: [1, 'ok'] }]));
    expect(loadHistory('a')).toEqual(['ok']);
  });
});
