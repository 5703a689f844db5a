import { create } from 'zustand';
import type { Trace, TraceSample } from '../sim/trace/trace';
import type { WhyView } from '../sim/views/why';
import { applySamplesDelta, type BState, type BView } from '../sim/worker/protocol';
import type { GridSlice } from '../sim/views/gridSlice';
import { decodeGridSlice } from '../sim/views/gridSliceWire';
import { usePlayground, type LoadedScenario } from './playgroundStore';
import { engineClient } from './engineClient';

/**
 * Compare mode: run B (a preset, an edited scenario, another example) beside the main run A.
 * B runs in the engine worker (src/sim/worker/host.ts), kept on A's clock by `follow`, so the page
 * steps only A. The page holds what it draws of B: its chart samples (sent as deltas) and, only
 * while B's grid or Why is on screen, that view's data: the Why text (small), or the nodes and
 * pods the grid lays out, which cost the page a deserialisation of thousands of objects. Those
 * refresh at most every VIEW_REFRESH_MS, and the grid's less often when its last message cost the
 * page more than a tenth of that time.
 */
export interface RunB {
  name: string;
  seed: number;
  /** B's sim time: A's, or a little behind it while a sync is on its way. */
  timeMs: number;
  horizonMs: number;
  history: TraceSample[];
  /** What B's grid draws, as last received; null until the grid view asks. */
  grid: GridSlice | null;
  /** B's Why text as last received, and B's time then; null until the Why view asks. */
  why: WhyView | null;
  whyAtMs: number;
}

export interface CompareState {
  b: RunB | null;
  bScenario: LoadedScenario | null;
  /** Where B came from: a preset id, "example:NAME", "edited", "import". */
  source: string | null;
  /** Which B this is: new when B starts or stops, not on every sync (the link is rewritten then). */
  bRun: number;
  /** True from Start B until the worker has opened it. */
  starting: boolean;
  sloMs: number;
  version: number;
  /** What was wrong with a comparison link's run B (#…&cmp=…); run A goes on. */
  linkErrors: string[];
  startB: (s: LoadedScenario, source: string, atMs: number) => void;
  stopB: () => void;
  setSlo: (ms: number) => void;
  /** Keep B at A's sim time (the worker steps forward, or replays from a checkpoint to go back). */
  follow: (timeMs: number) => void;
  /** The view of B on screen (its data comes along with the syncs), or null when none is. */
  watchView: (view: BView | null) => void;
  /** B's whole trace (for the export), from the worker. */
  traceB: () => Promise<Trace | null>;
}

/** How often a view of B gets new data while A plays, at the most. */
export const VIEW_REFRESH_MS = 400;
/** The share of the page's time B's grid may take to take in its messages. */
const GRID_MESSAGE_SHARE = 0.1;

export const useCompare = create<CompareState>((set, get) => {
  // One sync in flight at a time; the latest time asked meanwhile goes next (A moves every frame).
  let inFlight = false;
  let wanted: number | null = null;
  let lastFollowMs = 0;
  let watched: BView | null = null;
  let lastViewAt = -Infinity;
  let viewInterval = VIEW_REFRESH_MS;
  let trailing: ReturnType<typeof setTimeout> | null = null;

  const wallNow = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  const viewDue = () => (watched !== null && wallNow() - lastViewAt >= viewInterval ? watched : undefined);
  const viewStale = (b: RunB) =>
    watched === 'grid' ? b.grid === null || b.grid.timeMs !== b.timeMs : watched === 'why' ? b.why === null || b.whyAtMs !== b.timeMs : false;

  const receive = (run: number, state: BState | null, asked: BView | undefined) => {
    const cur = get();
    // An answer about a B that has since stopped or been replaced: startB/stopB reset the flags.
    if (cur.bRun !== run) return;
    inFlight = false;
    if (!state) {
      // The worker has no B (it stopped or failed to open it): say so by stopping B here too.
      set({ b: null, starting: false, version: cur.version + 1 });
      return;
    }
    if (asked) {
      lastViewAt = wallNow();
      viewInterval = asked === 'grid' ? Math.max(VIEW_REFRESH_MS, engineClient().lastMessageMs() / GRID_MESSAGE_SHARE) : VIEW_REFRESH_MS;
    }
    const history = applySamplesDelta(cur.b?.history ?? [], state.samples);
    const b: RunB = {
      name: state.name,
      seed: state.seed,
      timeMs: state.timeMs,
      horizonMs: state.horizonMs,
      history,
      grid: state.grid ? decodeGridSlice(state.grid) : (cur.b?.grid ?? null),
      why: state.why ?? cur.b?.why ?? null,
      whyAtMs: state.why ? state.timeMs : (cur.b?.whyAtMs ?? -1),
    };
    set({ b, starting: false, version: cur.version + 1 });
    const next = wanted;
    wanted = null;
    if (next !== null && next !== b.timeMs) request(next);
    else if (viewStale(b)) refreshLater();
  };

  const request = (timeMs: number) => {
    const { bRun, b } = get();
    if (!b) return;
    if (inFlight) {
      wanted = timeMs;
      return;
    }
    inFlight = true;
    const view = viewDue();
    void engineClient()
      .syncB(timeMs, view)
      .then((s) => receive(bRun, s, view));
  };

  /** A view's data must end up at B's time once A stops moving (paused after play). */
  const refreshLater = () => {
    if (trailing) return;
    const wait = Math.max(0, viewInterval - (wallNow() - lastViewAt));
    trailing = setTimeout(() => {
      trailing = null;
      const b = get().b;
      if (b && viewStale(b)) request(lastFollowMs);
    }, wait);
  };

  const reset = () => {
    inFlight = false;
    wanted = null;
    lastViewAt = -Infinity;
    viewInterval = VIEW_REFRESH_MS;
    if (trailing) clearTimeout(trailing);
    trailing = null;
  };

  return {
    b: null,
    bScenario: null,
    source: null,
    bRun: 0,
    starting: false,
    sloMs: 500,
    version: 0,
    linkErrors: [],
    startB(s, source, atMs) {
      reset();
      const run = get().bRun + 1;
      lastFollowMs = atMs;
      set({ b: null, bScenario: s, source, bRun: run, starting: true, linkErrors: [], version: get().version + 1 });
      inFlight = true;
      const view = viewDue();
      void engineClient()
        .openB(s.spec, s.manifests, atMs, view)
        .then((state) => receive(run, state, view));
    },
    stopB() {
      reset();
      engineClient().closeB();
      set({ b: null, bScenario: null, source: null, bRun: get().bRun + 1, starting: false, version: get().version + 1 });
    },
    setSlo: (sloMs) => set({ sloMs, version: get().version + 1 }),
    follow(timeMs) {
      lastFollowMs = timeMs;
      const { b, starting } = get();
      // A moved while the worker was still opening B: that time goes next, once B has answered.
      if (!b && starting) wanted = timeMs;
      if (!b || (b.timeMs === timeMs && !viewStale(b))) return;
      request(timeMs);
    },
    watchView(view) {
      if (view !== watched) {
        watched = view;
        // A view just shown gets its data now, not after the previous view's interval.
        lastViewAt = -Infinity;
        viewInterval = VIEW_REFRESH_MS;
      }
      const b = get().b;
      if (b && viewStale(b)) request(lastFollowMs);
    },
    traceB: () => (get().b ? engineClient().traceB() : Promise.resolve(null)),
  };
});

// Run B is a what-if beside run A's scenario: another scenario on screen (the top bar's picker, a
// lesson, an applied YAML) ends it, or the scorecard would set the new A against the old B
// ("A: large-cluster" against "B: imported-shop-prod-spot"). A restart or a seek keeps A's scenario.
usePlayground.subscribe((s, prev) => {
  if (s.scenario !== prev.scenario && useCompare.getState().bScenario !== null) useCompare.getState().stopB();
});

declare global {
  interface Window {
    /** Compare mode's store, for e2e tests (read it; act through the panel). */
    __compare?: typeof useCompare;
  }
}
if (typeof window !== 'undefined') window.__compare = useCompare;
