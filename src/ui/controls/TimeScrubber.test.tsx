// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createSession } from '../../sim/session';
import { scenario } from '../../sim/testing/fixtures';
import { usePlayground } from '../../store/playgroundStore';
import { initEnglish, mountUi, type Mounted } from '../../testing/mountUi';
import { TimeScrubber } from './TimeScrubber';

let mounted: Mounted | null = null;

beforeAll(initEnglish);

afterEach(() => {
  mounted?.unmount();
  usePlayground.setState({ session: null, seekProgress: null, seekAtMs: null });
});

describe('TimeScrubber during a replay', () => {
  it("says where the replay has got to, not the page's clock, which stays put until the replay hands over", () => {
    const session = createSession(scenario(), []);
    usePlayground.setState({ session, seekProgress: 0.02, seekAtMs: null, version: usePlayground.getState().version + 1 });
    mounted = mountUi(<TimeScrubber />);
    const label = () => mounted!.el.querySelector('[data-testid="seek-percent"]')?.textContent;
    // Still catching up with the page: the page's own time.
    expect(label()).toBe('2% · at 0:00');
    act(() => usePlayground.setState({ seekProgress: 0.04, seekAtMs: 6 * 3600_000 + 43_000 }));
    expect(label()).toBe('4% · at 6:00:43');
    expect(session.world.timeMs).toBe(0);
  });
});
