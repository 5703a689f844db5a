import { usePlayground, type LoadedScenario } from '../store/playgroundStore';
import { advance } from '../sim/session';
import type { TimedCommand } from '../sim/core/commands';
import { exampleScenarios, parseScenarioText } from './scenarios';
import { decodeRunHash, hasRunHash } from './share/shareLink';
import { loadAutosave } from './share/autosave';

export const DEFAULT_EXAMPLE = 'php-apache';

export type OpenResult = { ok: true; scenario: LoadedScenario } | { ok: false; errors: string[] };

/** Parse and start a scenario; on errors the running one is left untouched. */
export function openScenarioText(text: string, file: string, log: TimedCommand[] = [], seed?: number): OpenResult {
  const parsed = parseScenarioText(text, file);
  if (!parsed.ok) return parsed;
  const scenario = seed === undefined ? parsed.scenario : { ...parsed.scenario, spec: { ...parsed.scenario.spec, seed } };
  usePlayground.getState().loadScenario(scenario, log);
  return { ok: true, scenario };
}

export function openExample(id: string): OpenResult {
  const ex = exampleScenarios.find((e) => e.id === id) ?? exampleScenarios[0];
  if (!ex) return { ok: false, errors: ['no example scenarios are bundled'] };
  return openScenarioText(ex.text, ex.file);
}

let replayToken = 0;

/**
 * Play forward to `timeMs` in slices of a few ms each, showing progress, then pause there:
 * how a share link lands on the moment its sender saw.
 */
export function replayTo(timeMs: number): Promise<void> {
  const token = ++replayToken;
  const store = usePlayground;
  store.setState({ playing: false, seekProgress: 0 });
  return new Promise((resolve) => {
    const pump = () => {
      const session = store.getState().session;
      if (!session || token !== replayToken) return resolve();
      const start = performance.now();
      const from = session.world.timeMs;
      while (session.world.timeMs + session.world.tickMs <= timeMs && performance.now() - start < 25) {
        advance(session, session.world.tickMs);
      }
      const done = session.world.timeMs + session.world.tickMs > timeMs;
      const progress = timeMs > 0 ? session.world.timeMs / timeMs : 1;
      store.setState({ seekProgress: done ? null : progress, version: store.getState().version + 1 });
      if (done || session.world.timeMs === from) resolve();
      else setTimeout(pump, 0);
    };
    pump();
  });
}

export interface StartupOutcome {
  /** Shown once at the top: why the link was not opened, or that an autosave was restored. */
  notice: { kind: 'error' | 'info'; key: string; values?: Record<string, string | number> } | null;
  replayToMs: number;
}

/** Link in the address bar, else the autosaved working scenario, else the default example. */
export function startup(hash: string): StartupOutcome {
  if (hasRunHash(hash)) {
    const r = decodeRunHash(hash);
    if (r.ok) {
      const opened = openScenarioText(r.run.scenario, 'shared-link.yaml', r.run.log, r.run.seed);
      if (opened.ok) return { notice: null, replayToMs: r.run.timeMs };
      openExample(DEFAULT_EXAMPLE);
      return { notice: { kind: 'error', key: 'app.linkBroken', values: { reason: opened.errors[0] ?? '' } }, replayToMs: 0 };
    }
    openExample(DEFAULT_EXAMPLE);
    if (r.reason === 'future') return { notice: { kind: 'error', key: 'app.linkFuture', values: { version: r.version ?? 0 } }, replayToMs: 0 };
    return { notice: { kind: 'error', key: 'app.linkBroken', values: { reason: r.message } }, replayToMs: 0 };
  }
  const saved = loadAutosave();
  if (saved) {
    const opened = openScenarioText(saved.text, saved.file);
    if (opened.ok) return { notice: null, replayToMs: 0 };
  }
  openExample(DEFAULT_EXAMPLE);
  return { notice: null, replayToMs: 0 };
}

let firstOutcome: StartupOutcome | null = null;

/** React StrictMode mounts twice in development; the run must be opened only once. */
export function startupOnce(hash: string): StartupOutcome {
  firstOutcome ??= startup(hash);
  return firstOutcome;
}
