// @vitest-environment jsdom
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localeTrees } from '../i18n';
import { mountUi, type Mounted } from '../../testing/mountUi';
import { useLessons } from '../../store/lessonStore';
import { StepDots } from './StepDots';

let mounted: Mounted | null = null;

beforeAll(async () => {
  const { en, ko } = localeTrees();
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en }, ko: { translation: ko } }, interpolation: { escapeValue: false } });
});

afterEach(async () => {
  mounted?.unmount();
  mounted = null;
  useLessons.setState({ instructor: false, busy: null });
  await act(() => i18next.changeLanguage('en'));
});

describe('the step dots', () => {
  it('are hidden progress marks for a student', () => {
    useLessons.setState({ instructor: false });
    mounted = mountUi(<StepDots n={4} step={1} />);
    expect(mounted.el.querySelectorAll('button')).toHaveLength(0);
    expect(mounted.el.querySelector('.lesson-dots')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('are labelled buttons in instructor mode, the current step marked, disabled while busy', () => {
    useLessons.setState({ instructor: true });
    mounted = mountUi(<StepDots n={4} step={1} />);
    const buttons = [...mounted.el.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Open step 1 of 4', 'Open step 2 of 4', 'Open step 3 of 4', 'Open step 4 of 4']);
    expect(buttons.map((b) => b.getAttribute('aria-current'))).toEqual([null, 'step', null, null]);
    expect(mounted.el.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Jump to a step');
    act(() => useLessons.setState({ busy: { kind: 'prepare', progress: 0 } }));
    expect(buttons.every((b) => b.disabled)).toBe(true);
  });

  it('in Korean', async () => {
    useLessons.setState({ instructor: true });
    await act(() => i18next.changeLanguage('ko'));
    mounted = mountUi(<StepDots n={3} step={0} />);
    expect(mounted.el.querySelector('button')?.getAttribute('aria-label')).toBe('3단계 중 1단계 열기');
    expect(mounted.el.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('단계로 이동');
  });
});

describe('clearProgress', () => {
  it('forgets one lesson, in the store and in storage, and keeps the others', () => {
    useLessons.getState().saveProgress('a', { step: 3, done: true });
    useLessons.getState().saveProgress('b', { step: 1 });
    useLessons.getState().clearProgress('a');
    expect(useLessons.getState().progress.a).toBeUndefined();
    expect(useLessons.getState().progress.b?.step).toBe(1);
    const saved = JSON.parse(localStorage.getItem('playground.lessons.progress.v1') ?? '{}') as Record<string, unknown>;
    expect(Object.keys(saved)).toEqual(['b']);
  });
});
