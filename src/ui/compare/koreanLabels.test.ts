import { describe, expect, it } from 'vitest';
import { localeTrees } from '../i18n';

/**
 * The Compare tab in Korean: a label that is only English words (such as "Why" for the view that
 * the main tab calls 이유) is a missed translation. Units and kubectl's own words may stay English
 * inside a Korean sentence, but not make up a label alone.
 */
const KEPT = new Set(['ms', 'items']);

function strings(node: unknown, path: string): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

describe('Korean labels of the Compare tab', () => {
  it('no label is only English words', () => {
    const { ko } = localeTrees();
    const english = strings(ko.compare, 'compare').filter(([, v]) => {
      const words = (v.replace(/\{\{\s*\w+\s*\}\}/g, '').match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !KEPT.has(w));
      return words.length > 0 && !/[\uac00-\ud7a3]/.test(v);
    });
    expect(english).toEqual([]);
  });
  it('the view buttons say 이유, as the main tab does', () => {
    const { ko } = localeTrees();
    const compare = ko.compare as { view: { why: string }; viewWhy: string };
    expect(compare.view.why).toBe('이유');
    expect(compare.viewWhy).toContain('이유');
  });
});
