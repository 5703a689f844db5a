// @vitest-environment jsdom
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localeTrees } from '../i18n';
import { mountUi, type Mounted } from '../../testing/mountUi';
import { loadEngine } from '../../store/engine';
import type { LessonStep } from '../../lessons/types';
import { CheckWhat, StepCheck } from './StepCheck';

const step: LessonStep = {
  text: { en: 'x', ko: 'x' },
  check: { type: 'hpa', name: 'php-apach', field: 'currentReplicas', op: '>=', value: 3 },
  withinMs: 180_000,
  line: 1,
};
const reason = {
  key: 'engine.check.missingSimilar',
  params: { missing: { key: 'engine.check.missing', params: { kind: 'HorizontalPodAutoscaler', name: 'php-apach' } }, names: 'php-apache' },
};

let mounted: Mounted | null = null;

beforeAll(async () => {
  const { en, ko } = localeTrees();
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en }, ko: { translation: ko } }, interpolation: { escapeValue: false } });
  await loadEngine();
});

afterEach(async () => {
  mounted?.unmount();
  mounted = null;
  await act(() => i18next.changeLanguage('en'));
});

describe('the step check in the lesson panel', () => {
  it('says what it checks and why it cannot hold while it waits, in English', () => {
    mounted = mountUi(
      <>
        <CheckWhat step={step} />
        <StepCheck step={step} status={{ held: false, heldAtMs: null, reason }} stepStartMs={0} />
      </>,
    );
    expect(mounted.el.querySelector('[data-testid="lesson-check-what"]')?.textContent).toBe('Check: HPA php-apach: current replicas ≥ 3');
    expect(mounted.el.querySelector('[data-testid="lesson-check-why"]')?.textContent).toBe('there is no HorizontalPodAutoscaler named "php-apach" yet; similar names: php-apache');
  });

  it('in Korean', async () => {
    await act(() => i18next.changeLanguage('ko'));
    mounted = mountUi(
      <>
        <CheckWhat step={step} />
        <StepCheck step={step} status={{ held: false, heldAtMs: null, reason }} stepStartMs={0} />
      </>,
    );
    expect(mounted.el.querySelector('[data-testid="lesson-check-what"]')?.textContent).toBe('확인 조건: HPA php-apach: 현재 레플리카 수 ≥ 3');
    expect(mounted.el.querySelector('[data-testid="lesson-check-why"]')?.textContent).toBe('HorizontalPodAutoscaler 중 이름이 "php-apach"인 것이 아직 없습니다. 비슷한 이름: php-apache');
  });

  it('drops the reason once the check held', () => {
    mounted = mountUi(<StepCheck step={step} status={{ held: true, heldAtMs: 60_000 }} stepStartMs={0} />);
    expect(mounted.el.textContent).toContain('Done: the check held at 1:00');
    expect(mounted.el.querySelector('[data-testid="lesson-check-why"]')).toBeNull();
  });
});
