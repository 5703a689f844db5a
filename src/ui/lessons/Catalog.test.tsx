// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../lessons/types';
import { initEnglish, mountUi, type Mounted } from '../../testing/mountUi';
import { useLessons } from '../../store/lessonStore';
import { Catalog } from './Catalog';

const title = { en: '1. HPA: replicas follow CPU', ko: '1. HPA: CPU에 따라 레플리카 조정' };
const lesson = { id: 'hpa', title, summary: title, steps: [], questions: [] } as unknown as Lesson;

let mounted: Mounted | null = null;
beforeAll(initEnglish);
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  useLessons.setState({ catalog: [], catalogLoaded: false });
});

/** The lessons are fetched after start-up: the list says so meanwhile instead of standing empty. */
describe('the catalog while the lessons load', () => {
  it('says the lessons are loading, then lists them', () => {
    useLessons.setState({ catalog: [], catalogLoaded: false });
    mounted = mountUi(<Catalog />);
    const list = () => mounted!.el.querySelector('ul.catalog-list')!;
    expect(list().getAttribute('aria-busy')).toBe('true');
    expect(mounted.el.querySelector('[data-testid="catalog-loading"]')?.textContent).toBe('Loading the lessons…');
    act(() => useLessons.setState({ catalog: [{ id: 'hpa', file: 'lessons/01-hpa.yaml', lesson, scenarioText: '' }], catalogLoaded: true }));
    expect(mounted.el.querySelector('[data-testid="catalog-loading"]')).toBeNull();
    expect(list().getAttribute('aria-busy')).toBe('false');
    expect(mounted.el.querySelector('[data-testid="catalog-lesson-hpa"]')?.textContent).toContain(title.en);
  });
  it('says so when no lesson could be loaded, rather than showing an empty list', () => {
    useLessons.setState({ catalog: [], catalogLoaded: true });
    mounted = mountUi(<Catalog />);
    expect(mounted.el.querySelector('ul.catalog-list')!.textContent).toBe('No lesson could be loaded. Reload the page to try again.');
  });
});
