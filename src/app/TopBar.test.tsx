// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/types';
import { createSession } from '../sim/session';
import { deployment, scenario } from '../sim/testing/fixtures';
import { useLessons } from '../store/lessonStore';
import { usePlayground } from '../store/playgroundStore';
import '../ui/i18n';
import { TopBar } from './TopBar';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const title = { en: '5. Cluster Proportional Autoscaler: replicas follow the cluster size', ko: '5. Cluster Proportional Autoscaler: 클러스터 크기에 따라 레플리카 조정' };
const lesson = { id: 'cpa', title, summary: title, steps: [], questions: [] } as unknown as Lesson;

let root: Root | null = null;
let el: HTMLElement | null = null;

beforeAll(() => {
  const session = createSession(scenario(), [deployment('web', 1, '100m', '64Mi')]);
  usePlayground.setState({ session, version: usePlayground.getState().version + 1 });
  useLessons.setState({
    catalog: [{ id: 'cpa', file: 'cpa.yaml', lesson, scenarioText: '' }],
    active: { lesson, source: 'bundled', scenarioText: '', session },
  });
});

function cleanup() {
  act(() => root?.unmount());
  el?.remove();
  root = null;
}
afterEach(cleanup);

function picker(): HTMLSelectElement {
  el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  const none = () => undefined;
  act(() => root!.render(<TopBar theme="dark" onTheme={none} projector={false} onProjector={none} onHelp={none} onErrors={none} />));
  return el.querySelector<HTMLSelectElement>('[data-testid="scenario-picker"]')!;
}

describe('TopBar lesson picker', () => {
  it("names the open lesson's whole title in its tooltip, in the reader's language", async () => {
    for (const lng of ['en', 'ko'] as const) {
      await act(() => i18next.changeLanguage(lng));
      const select = picker();
      expect(select.value).toBe('lesson:cpa');
      expect(select.title).toBe(title[lng]);
      cleanup();
    }
    await act(() => i18next.changeLanguage('en'));
  });
});
