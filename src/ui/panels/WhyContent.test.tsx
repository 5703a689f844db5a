// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { localeTrees } from '../i18n';
import { WhyContent } from './WhyPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: localeTrees().en } }, interpolation: { escapeValue: false } });
});

function headings(at: number): string {
  const el = document.createElement('div');
  const root = createRoot(el);
  act(() =>
    root.render(<WhyContent testId="why" view={{ explained: [{ object: 'HorizontalPodAutoscaler/web', state: 'stable', at, lines: [] }], groups: [] }} />),
  );
  const text = el.querySelector('h4')?.textContent ?? '';
  act(() => root.unmount());
  return text;
}

describe('WhyContent', () => {
  // A walkthrough found "HorizontalPodAutoscaler/web · stable · -1:-1" for an HPA that had not synced yet.
  it('gives no time for an autoscaler that has not synced yet, and the sync time otherwise', () => {
    expect(headings(-1)).not.toMatch(/-1/);
    expect(headings(75)).toMatch(/· 1:15$/);
  });
});
