// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../lessons/types';
import { useLessons } from '../../store/lessonStore';
import { Questions } from './Questions';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const text = (s: string) => ({ en: s, ko: s });
const lesson = {
  id: 'quiz-test',
  title: text('quiz'),
  questions: [{ question: text('Which?'), choices: [text('first'), text('second'), text('third')], answer: 1, explanation: text('because') }],
} as unknown as Lesson;

let root: Root | null = null;
let el: HTMLElement | null = null;
const styles: HTMLStyleElement[] = [];

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'en', resources: {} });
  // The page's global layout rules and the lesson panel's own, as the browser cascades them.
  for (const file of ['../../app/app.css', './lessons.css']) {
    const style = document.createElement('style');
    style.textContent = readFileSync(join(import.meta.dirname, file), 'utf8');
    document.head.append(style);
    styles.push(style);
  }
});

afterEach(() => {
  act(() => root?.unmount());
  el?.remove();
  useLessons.setState({ progress: {} });
});

function mount(): HTMLElement {
  el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  act(() => root!.render(<Questions lesson={lesson} lang="en" />));
  return el;
}

function answer(page: HTMLElement, choice: number): HTMLLabelElement[] {
  const labels = [...page.querySelectorAll<HTMLLabelElement>('label.choice')];
  act(() => labels[choice].querySelector('input')!.click());
  act(() => page.querySelector<HTMLButtonElement>('[data-testid="lesson-answer-0"]')!.click());
  return [...page.querySelectorAll<HTMLLabelElement>('label.choice')];
}

describe('lesson questions', () => {
  it('marks a checked right answer with its own class and keeps the radio beside the text', () => {
    const labels = answer(mount(), 1);
    expect(labels.map((l) => l.className)).toEqual(['choice', 'choice choice-right', 'choice']);
    // The global `.right` layout column once made this a column: radio above, answer below.
    const css = getComputedStyle(labels[1]);
    expect(css.display).toBe('flex');
    expect(css.flexDirection).not.toBe('column');
    expect(css.overflow).not.toBe('hidden');
  });

  it('marks a wrong pick and shows the right answer beside it', () => {
    const labels = answer(mount(), 2);
    expect(labels.map((l) => l.className)).toEqual(['choice', 'choice choice-right', 'choice choice-wrong']);
    for (const l of labels) expect(getComputedStyle(l).flexDirection).not.toBe('column');
  });
});
