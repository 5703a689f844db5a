import { create } from 'zustand';
import type { Session } from '../sim/session';
import type { LoadedScenario } from './playgroundStore';
import { engine } from './engine';

/**
 * Compare mode: run B (a preset, an edited scenario, another example) beside the main run A. B is
 * a second engine session kept on A's clock by `follow` (called whenever A's world changed); the
 * scorecards are computed by the engine from both sessions' histories.
 */
export interface CompareState {
  /** Run B and where it came from (a preset id, "example:NAME", "edited", "import"). */
  b: Session | null;
  bScenario: LoadedScenario | null;
  source: string | null;
  sloMs: number;
  version: number;
  /** What was wrong with a comparison link's run B (#…&cmp=…); run A goes on. */
  linkErrors: string[];
  startB: (s: LoadedScenario, source: string, atMs: number) => void;
  stopB: () => void;
  setSlo: (ms: number) => void;
  /** Keep B at A's sim time (forward by ticks, back by checkpoint replay). */
  follow: (timeMs: number) => void;
}

export const useCompare = create<CompareState>((set, get) => ({
  b: null,
  bScenario: null,
  source: null,
  sloMs: 500,
  version: 0,
  linkErrors: [],
  startB(s, source, atMs) {
    const b = engine().createSession(s.spec, s.manifests);
    engine().syncSessionTo(b, atMs);
    set({ b, bScenario: s, source, linkErrors: [], version: get().version + 1 });
  },
  stopB: () => set({ b: null, bScenario: null, source: null, version: get().version + 1 }),
  setSlo: (sloMs) => set({ sloMs, version: get().version + 1 }),
  follow(timeMs) {
    const { b } = get();
    if (!b || b.world.timeMs === timeMs) return;
    engine().syncSessionTo(b, timeMs);
    set({ version: get().version + 1 });
  },
}));

declare global {
  interface Window {
    /** Compare mode's store, for e2e tests (read it; act through the panel). */
    __compare?: typeof useCompare;
  }
}
if (typeof window !== 'undefined') window.__compare = useCompare;
