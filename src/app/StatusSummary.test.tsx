// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { advance, createSession } from '../sim/session';
import { deployment, scenario } from '../sim/testing/fixtures';
import { usePlayground } from '../store/playgroundStore';
import { localeTrees } from '../ui/i18n';
import { StatusSummary } from './StatusSummary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let el: HTMLElement | null = null;

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: localeTrees().en } }, interpolation: { escapeValue: false } });
});

afterEach(() => {
  act(() => root?.unmount());
  el?.remove();
  usePlayground.setState({ session: null });
});

function mount(workloads: number): HTMLElement {
  const session = createSession(
    scenario(),
    Array.from({ length: workloads }, (_, i) => deployment(`app-${i}`, 1, '100m', '64Mi')),
  );
  advance(session, 5_000);
  usePlayground.setState({ session, version: usePlayground.getState().version + 1 });
  el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  act(() => root!.render(<StatusSummary />));
  return el;
}

describe('StatusSummary', () => {
  // An imported cluster with 60 workloads made the line ~330 px tall and hid the node grid at 1280×720.
  it('names three workloads and counts the rest, listing them in the tooltip', () => {
    const page = mount(5);
    expect(page.querySelectorAll('[data-testid^="workload-app-"]')).toHaveLength(3);
    const more = page.querySelector<HTMLElement>('[data-testid="workloads-more"]')!;
    expect(more.textContent).toBe('+2 more workloads');
    expect(more.title.split('\n')).toHaveLength(2);
    expect(more.title).toContain('app-4: replicas');
  });
  it('names every workload when there are three or fewer', () => {
    const page = mount(3);
    expect(page.querySelectorAll('[data-testid^="workload-app-"]')).toHaveLength(3);
    expect(page.querySelector('[data-testid="workloads-more"]')).toBeNull();
  });
});
