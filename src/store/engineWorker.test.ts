import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { usePlayground } from './playgroundStore';
import { engine, loadEngine } from './engine';
import { engineClient } from './engineClient';
import { cancelReplay } from './replayCancel';
import { parseScenarioText } from '../app/scenarioLoading';
import { parseCommandLine } from '../scenario/commandLine';

/**
 * The store through the engine worker protocol. No Worker exists under Vitest, so the client
 * serves the same messages from the in-page host (every message structured-cloned): the path the
 * page takes when a Worker cannot be created, and otherwise the same code as in the worker.
 */
const text = readFileSync(join(import.meta.dirname, '../../examples/hpa-php-apache.yaml'), 'utf8');

function open() {
  const parsed = parseScenarioText(text, 'hpa.yaml');
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  usePlayground.getState().loadScenario(parsed.scenario);
  return parsed.scenario;
}

/** What the page shows of the run now. */
function shown() {
  const s = usePlayground.getState().session!;
  return JSON.stringify({ t: s.world.timeMs, pods: [...s.world.pods.values()], history: s.history, events: s.world.events });
}

describe('the store with the engine worker protocol', () => {
  beforeAll(async () => {
    await loadEngine();
  });

  it('has no Worker here, so the in-page host answers', () => {
    expect(engineClient().remote()).toBe(false);
  });

  it('seeks back through the replica to what the page showed then, with a command in between; the page takes no checkpoints', async () => {
    open();
    const st = usePlayground.getState();
    const session = st.session!;
    expect(session.checkpointing).toBe(false);
    engine().advance(session, 60_000);
    st.run('kubectl scale deployment php-apache --replicas=4', parseCommandLine);
    engine().advance(session, 120_000);
    const at3min = shown();
    // A sync the way the frame loop sends it, then further on.
    st.frame(16, 12);
    engine().advance(session, 10 * 60_000);
    expect(session.checkpoints).toHaveLength(1);
    await st.goTo(180_000);
    expect(usePlayground.getState().seekProgress).toBeNull();
    expect(shown()).toBe(at3min);
    // Forward again to the horizon: the same run.
    await st.goTo(13 * 60_000 + 1_000);
    expect(usePlayground.getState().session!.world.timeMs).toBe(13 * 60_000 + 1_000);
  });

  it('Cancel leaves the replay where it got to, and the run plays on from there', async () => {
    open();
    const st = usePlayground.getState();
    // Cancel as soon as the replay reports progress (its first slice is done, more remain): a
    // wall-clock delay would let a fast engine finish the whole replay first.
    const unsubscribe = usePlayground.subscribe((state) => {
      if (state.seekProgress !== null && state.seekProgress > 0) {
        unsubscribe();
        cancelReplay();
      }
    });
    await st.goTo(4 * 3600_000);
    unsubscribe();
    const t = usePlayground.getState().session!.world.timeMs;
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThan(4 * 3600_000);
    expect(usePlayground.getState().seekProgress).toBeNull();
    usePlayground.getState().stepOnce();
    expect(usePlayground.getState().session!.world.timeMs).toBe(t + 1000);
  });
});
