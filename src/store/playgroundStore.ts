import { create } from 'zustand';
import type { ManifestDoc, TimedCommand } from '../sim/core/commands';
import type { ScenarioSpec } from '../sim/core/scenario';
import type { Session } from '../sim/session';
import { engine } from './engine';
import { replayCancelled, replayGeneration } from './replayCancel';

/**
 * The UI's single store. The engine's world is mutable and lives in `session`; views subscribe to
 * `version` (bumped whenever the world changed) and read what they need from the session.
 * Every act of the person becomes a command through `run`, never a direct mutation.
 */
export interface TerminalEntry {
  t: number;
  input: string;
  output: string;
  ok: boolean;
}

export interface LoadedScenario {
  text: string;
  file: string;
  spec: ScenarioSpec;
  manifests: ManifestDoc[];
  notices: string[];
  warnings: string[];
}

/** `commands`: every command the line stands for (kubectl scale … a b); `command` is the first. */
export type CommandParser = (
  line: string,
) => { ok: true; command: TimedCommand['command']; commands?: TimedCommand['command'][] } | { ok: false; error: string };

export interface Selection {
  kind: 'pod' | 'node';
  name: string;
}

interface PlaygroundState {
  session: Session | null;
  scenario: LoadedScenario | null;
  version: number;
  playing: boolean;
  /** Sim seconds per real second. */
  speed: number;
  seekProgress: number | null;
  terminal: TerminalEntry[];
  selection: Selection | null;
  loadScenario: (s: LoadedScenario, log?: TimedCommand[]) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  setSpeed: (speed: number) => void;
  stepOnce: () => void;
  /** Advance by real elapsed time × speed, within a wall-clock budget; called every frame. */
  frame: (realDtMs: number, budgetMs: number) => void;
  seekTo: (timeMs: number) => void;
  run: (line: string, parse: CommandParser) => TerminalEntry;
  /** Issue an already-structured command (sliders and buttons). */
  issue: (input: string, command: TimedCommand['command']) => void;
  select: (s: Selection | null) => void;
}

export const SPEEDS = [1, 2, 5, 10, 30, 60, 100, 300, 1000] as const;

let carryMs = 0;

export const usePlayground = create<PlaygroundState>((set, get) => ({
  session: null,
  scenario: null,
  version: 0,
  playing: false,
  speed: 10,
  seekProgress: null,
  terminal: [],
  selection: null,

  loadScenario(s, log = []) {
    const session = engine().createSession(s.spec, s.manifests, log);
    carryMs = 0;
    set({ session, scenario: s, version: get().version + 1, terminal: [], selection: null, seekProgress: null });
  },
  play: () => set({ playing: true }),
  pause: () => set({ playing: false }),
  togglePlay: () => set({ playing: !get().playing }),
  setSpeed: (speed) => set({ speed }),
  stepOnce() {
    const { session } = get();
    if (!session) return;
    engine().advance(session, session.world.tickMs);
    set({ version: get().version + 1 });
  },
  frame(realDtMs, budgetMs) {
    const { session, playing, speed, seekProgress } = get();
    if (!session || !playing || seekProgress !== null) return;
    carryMs += Math.min(realDtMs, 250) * speed;
    const tick = session.world.tickMs;
    const start = performance.now();
    let ran = 0;
    while (carryMs >= tick && performance.now() - start < budgetMs) {
      engine().advance(session, tick);
      carryMs -= tick;
      ran++;
    }
    // Falling behind at high speed: drop the backlog rather than spiral.
    if (carryMs > tick * 50) carryMs = 0;
    if (ran > 0) set({ version: get().version + 1 });
  },
  seekTo(timeMs) {
    const { session } = get();
    if (!session) return;
    const it = engine().seek(session, timeMs, 300);
    set({ seekProgress: 0, playing: false });
    const since = replayGeneration();
    const pump = () => {
      const start = performance.now();
      for (;;) {
        // Cancel: stay where the replay has got to.
        if (replayCancelled(since)) {
          set({ seekProgress: null, version: get().version + 1 });
          return;
        }
        const r = it.next();
        if (r.done || r.value >= 1) {
          set({ seekProgress: null, version: get().version + 1 });
          return;
        }
        if (performance.now() - start > 30) {
          set({ seekProgress: r.value, version: get().version + 1 });
          setTimeout(pump, 0);
          return;
        }
      }
    };
    pump();
  },
  run(line, parse) {
    const { session } = get();
    const t = session ? session.world.timeMs / 1000 : 0;
    const trimmed = line.trim();
    if (!session || !trimmed) return { t, input: line, output: '', ok: true };
    const parsed = parse(trimmed);
    let entry: TerminalEntry;
    if (!parsed.ok) {
      entry = { t, input: trimmed, output: parsed.error, ok: false };
    } else if (parsed.command.type === 'view') {
      // Read-only: answer from the world as it is now, without touching the log.
      const r = engine().runView(session.world, parsed.command.args);
      entry = { t, input: trimmed, output: r.output, ok: r.ok };
    } else {
      // Check against a throwaway copy first, so a NotFound or a bad value never enters the log.
      // Every name on the line is applied (kubectl scale deployment a b), in order, as kubectl does.
      const commands = parsed.commands ?? [parsed.command];
      const copy = structuredClone(session.world);
      const probes = commands.map((c) => engine().applyCommand(copy, c));
      const accepted = commands.filter((_, i) => probes[i].ok);
      if (accepted.length > 0) engine().issueCommands(session, trimmed, accepted);
      entry = { t, input: trimmed, output: probes.map((p) => p.output).filter((o) => o !== '').join('\n'), ok: probes.every((p) => p.ok) };
    }
    set({ terminal: [...get().terminal.slice(-199), entry], version: get().version + 1 });
    return entry;
  },
  issue(input, command) {
    const { session } = get();
    if (!session) return;
    engine().issueCommand(session, input, command);
    set({ version: get().version + 1 });
  },
  select: (selection) => set({ selection }),
}));
