// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { initEnglish, mountUi } from '../../testing/mountUi';
import { WhyContent } from './WhyPanel';

beforeAll(initEnglish);

function headings(at: number): string {
  const { el, unmount } = mountUi(<WhyContent testId="why" view={{ explained: [{ object: 'HorizontalPodAutoscaler/web', state: 'stable', at, lines: [] }], groups: [] }} />);
  const text = el.querySelector('h4')?.textContent ?? '';
  unmount();
  return text;
}

describe('WhyContent', () => {
  // A walkthrough found "HorizontalPodAutoscaler/web · stable · -1:-1" for an HPA that had not synced yet.
  it('gives no time for an autoscaler that has not synced yet, and the sync time otherwise', () => {
    expect(headings(-1)).not.toMatch(/-1/);
    expect(headings(75)).toMatch(/· 1:15$/);
  });
});
