import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../scenario/loadScenario';
import { parseCommandLine } from '../scenario/commandLine';
import { loadEngine } from './engine';
import { usePlayground } from './playgroundStore';
import { confirmDiscard, undoReplace, useUndo, watchRuns } from './undoStore';

/** Issue #12 item 9: scrubbing back and changing something silently deleted the rest of the run. */
const text = readFileSync(new URL('../../examples/hpa-php-apache.yaml', import.meta.url), 'utf8');

function open() {
  const l = loadScenario(text, 'examples/hpa-php-apache.yaml');
  if (!l.ok) throw new Error('does not load');
  usePlayground.getState().loadScenario({ text, file: 'examples/hpa-php-apache.yaml', spec: l.spec, manifests: l.manifests.map((m) => m.doc), notices: [], warnings: [] });
}
const s = () => usePlayground.getState().session!;
const seekNow = async (ms: number) => {
  usePlayground.getState().seekTo(ms);
  await expect.poll(() => usePlayground.getState().seekProgress).toBeNull();
};
function playTo(ms: number) {
  while (s().world.timeMs < ms) usePlayground.getState().stepOnce();
}

beforeAll(async () => {
  await loadEngine();
  watchRuns();
});

describe('a replaced run is said and can be undone', () => {
  it('a command after scrubbing back names the time, and Undo restores the commands and the horizon', async () => {
    open();
    playTo(60_000);
    usePlayground.getState().run('kubectl scale deployment php-apache --replicas=2', parseCommandLine);
    playTo(120_000);
    const before = { log: [...s().log], horizon: s().horizonMs };
    expect(useUndo.getState().replaced).toBeNull();
    await seekNow(30_000);
    usePlayground.getState().run('kubectl scale deployment php-apache --replicas=5', parseCommandLine);
    const r = useUndo.getState().replaced;
    expect(r?.atMs).toBe(30_000);
    expect(r?.previousLog).toEqual(before.log);
    expect(s().log.map((c) => c.input)).toEqual(['kubectl scale deployment php-apache --replicas=5']);
    undoReplace();
    await expect.poll(() => usePlayground.getState().seekProgress).toBeNull();
    expect(s().log).toEqual(before.log);
    expect(s().horizonMs).toBe(before.horizon);
    expect(s().world.timeMs).toBe(30_000);
    expect(useUndo.getState().replaced).toBeNull();
    // The restored run reaches the old commands again: replicas 2 after 1:00.
    await seekNow(90_000);
    expect(s().world.deployments.get('php-apache')?.replicas).toBe(2);
  });

  it('a command at the end of the run replaces nothing and says nothing', () => {
    open();
    playTo(20_000);
    usePlayground.getState().run('kubectl scale deployment php-apache --replicas=2', parseCommandLine);
    expect(useUndo.getState().replaced).toBeNull();
  });

  it('switching scenario asks only when the run has commands of the person', async () => {
    open();
    await expect(confirmDiscard()).resolves.toBe(true);
    usePlayground.getState().run('kubectl scale deployment php-apache --replicas=2', parseCommandLine);
    const answer = confirmDiscard();
    expect(useUndo.getState().confirm?.changes).toBe(1);
    useUndo.getState().confirm!.resolve(false);
    await expect(answer).resolves.toBe(false);
    expect(useUndo.getState().confirm).toBeNull();
  });
});

describe("what counts as the person's own changes", () => {
  it("in a lesson, the steps' Show me commands are the lesson's: only other commands ask before the run is replaced", async () => {
    open();
    const { useLessons } = await import('./lessonStore');
    const showMe = 'kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10';
    const lesson = { steps: [{ action: { run: [showMe] } }] } as never;
    useLessons.setState({ active: { lesson, session: s(), source: 'bundled' } as never });
    try {
      usePlayground.getState().run(showMe, parseCommandLine);
      expect(s().log).toHaveLength(1);
      // Nothing of the person's would be lost: no question.
      await expect(confirmDiscard()).resolves.toBe(true);
      expect(useUndo.getState().confirm).toBeNull();
      usePlayground.getState().run('kubectl scale deployment php-apache --replicas=3', parseCommandLine);
      void confirmDiscard();
      expect(useUndo.getState().confirm?.changes).toBe(1);
      useUndo.getState().confirm?.resolve(false);
    } finally {
      useLessons.setState({ active: null });
    }
    // Outside a lesson every command in the run is the person's.
    void confirmDiscard();
    expect(useUndo.getState().confirm?.changes).toBe(2);
    useUndo.getState().confirm?.resolve(false);
  });
});
