// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { advance, createSession } from '../sim/session';
import { deployment, scenario } from '../sim/testing/fixtures';
import { usePlayground } from '../store/playgroundStore';
import { initEnglish, mountUi, type Mounted } from '../testing/mountUi';
import { StatusSummary } from './StatusSummary';

let mounted: Mounted | null = null;

beforeAll(initEnglish);

afterEach(() => {
  mounted?.unmount();
  usePlayground.setState({ session: null });
});

function mount(workloads: number): HTMLElement {
  const session = createSession(
    scenario(),
    Array.from({ length: workloads }, (_, i) => deployment(`app-${i}`, 1, '100m', '64Mi')),
  );
  advance(session, 5_000);
  usePlayground.setState({ session, version: usePlayground.getState().version + 1 });
  mounted = mountUi(<StatusSummary />);
  return mounted.el;
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
