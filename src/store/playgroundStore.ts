import { create } from 'zustand';
import type { ManifestDoc, TimedCommand } from '../sim/core/commands';
import type { ScenarioSpec } from '../sim/core/scenario';
import type { Session } from '../sim/session';
import type { Message } from '../sim/core/message';
import type { World } from '../sim/core/types';
import { engine } from './engine';
import { engineClient, type GotoHandle } from './engineClient';
import { onCancelReplay, replayCancelled, replayGeneration } from './replayCancel';
import { FramePacer } from './framePacing';
import { notePlayed, resetPlayRate } from './playRate';
import { awaitAnswer, forgetAnswers, takeRefusals, refusedInLog } from './controlResults';

/**
 * The UI's single store. The engine's world is mutable and lives in `session`; views subscribe to
 * `version` (bumped whenever the world changed) and read what they need from the session.
 * Every act of the person becomes a command through `run`, never a direct mutation.
 *
 * The engine worker (src/sim/worker) keeps a replica of the session that follows its log and sim
 * time: it takes the checkpoints (the page's session does not) and runs seeks and long replays
 * (`goTo`), so neither costs the page long frames; the page installs the world it sends back.
 */
export interface TerminalEntry {
  t: number;
  input: string;
  /** As a terminal prints it (English for the playground's own words). */
  output: string;
  ok: boolean;
  /** The playground's own error as a Message, shown in the reader's language instead of `output`. */
  msg?: Message;
  /** The playground's remark shown after `output` (what a long answer left out). */
  note?: Message;
}

export interface LoadedScenario {
  text: string;
  file: string;
  spec: ScenarioSpec;
  manifests: ManifestDoc[];
  /** The loader's notices and warnings as Messages, shown in the reader's language. */
  notices: Message[];
  warnings: Message[];
}

/** `commands`: every command the line stands for (kubectl scale … a b); `command` is the first. */
export type CommandParser = (
  line: string,
) => { ok: true; command: TimedCommand['command']; commands?: TimedCommand['command'][] } | { ok: false; error: string; msg?: Message };

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
  /** Where a replay in the worker has got to (sim ms) while seekProgress runs; null: the page's clock says it. */
  seekAtMs: number | null;
  /** Where the running replay goes (sim ms), while seekProgress runs; null otherwise. */
  seekTargetMs: number | null;
  terminal: TerminalEntry[];
  /** The last command of a slider or button that the cluster refused (shown by the controls until dismissed). */
  controlRefusal: TerminalEntry | null;
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
  /**
   * Seek back or replay forward to `timeMs` in the engine worker, with progress in seekProgress
   * and Cancel (replayCancel); paused there. A newer goTo supersedes an older one.
   */
  goTo: (timeMs: number) => Promise<void>;
  run: (line: string, parse: CommandParser) => TerminalEntry;
  /**
   * Issue an already-structured command (sliders and buttons). It applies at the next tick; if the
   * cluster refuses it then, the refusal goes to the console and to `controlRefusal`.
   */
  issue: (input: string, command: TimedCommand['command']) => void;
  dismissControlRefusal: () => void;
  select: (s: Selection | null) => void;
}

/** The old in-page seek, chunked: only when the worker failed. */
function seekInPage(session: Session, timeMs: number): Promise<void> {
  const st = usePlayground;
  const it = timeMs <= session.horizonMs ? engine().seek(session, timeMs, 300) : null;
  const since = replayGeneration();
  return new Promise((resolve) => {
    const pump = () => {
      const start = performance.now();
      for (;;) {
        const done = () => {
          st.setState({ seekProgress: null, seekAtMs: null, seekTargetMs: null, version: st.getState().version + 1 });
          resolve();
        };
        if (replayCancelled(since) || st.getState().session !== session) return done();
        if (it) {
          const r = it.next();
          if (r.done || r.value >= 1) return done();
        } else if (session.world.timeMs + session.world.tickMs > timeMs) return done();
        else engine().advance(session, session.world.tickMs);
        if (performance.now() - start > 30) {
          st.setState({ version: st.getState().version + 1 });
          setTimeout(pump, 0);
          return;
        }
      }
    };
    pump();
  });
}

export const SPEEDS = [1, 2, 5, 10, 30, 60, 100, 300, 1000] as const;

let carryMs = 0;
/** Publication pacing while playing (src/store/framePacing.ts); `unshown`: ticks ran since the last publication. */
const pacer = new FramePacer();
let unshown = false;

/** What the worker's replica was last told, so it is told only when the run moved (at most 5× a second). */
const SYNC_EVERY_MS = 200;
let synced = { at: -Infinity, timeMs: -1, log: null as TimedCommand[] | null, logLength: 0 };

function syncReplica(session: Session, force = false): void {
  const now = performance.now();
  if (!force && now - synced.at < SYNC_EVERY_MS) return;
  if (session.world.timeMs === synced.timeMs && session.log === synced.log && session.log.length === synced.logLength) return;
  engineClient().sync(session.log, session.world.timeMs);
  synced = { at: now, timeMs: session.world.timeMs, log: session.log, logLength: session.log.length };
}

let job: { handle: GotoHandle; token: number } | null = null;
let jobToken = 0;

/**
 * The world as the person expects it after the commands they issued at this instant: those apply at
 * the next tick, so while paused `kubectl autoscale` then `kubectl get hpa` would otherwise answer
 * "No resources found". A throwaway copy takes them now; the log and the session stay as they are.
 */
function worldAsIssued(session: Session, alwaysCopy = false): World {
  const now = session.world.timeMs;
  const due = session.world.pendingCommands.filter((c) => c.atMs <= now + 1);
  if (due.length === 0 && !alwaysCopy) return session.world;
  const copy = structuredClone(session.world);
  copy.pendingCommands = copy.pendingCommands.filter((c) => c.atMs > now + 1);
  for (const c of due) engine().applyCommand(copy, c.command);
  return copy;
}

/** e2e/perf.spec.ts sets `globalThis.__playLoopStats = []` to get each playing frame's engine and publication time. */
function loopStats(): { engineMs: number; ticks: number; publishMs: number }[] | undefined {
  return (globalThis as { __playLoopStats?: { engineMs: number; ticks: number; publishMs: number }[] }).__playLoopStats;
}

function pausedState(s: PlaygroundState): Partial<PlaygroundState> {
  pacer.reset();
  resetPlayRate();
  if (!unshown) return { playing: false };
  unshown = false;
  return { playing: false, version: s.version + 1 };
}

export const usePlayground = create<PlaygroundState>((set, get) => ({
  session: null,
  scenario: null,
  version: 0,
  playing: false,
  speed: 10,
  seekProgress: null,
  seekAtMs: null,
  seekTargetMs: null,
  terminal: [],
  controlRefusal: null,
  selection: null,

  loadScenario(s, log = []) {
    const session = engine().createSession(s.spec, s.manifests, log);
    // The worker's replica takes the checkpoints (see goTo).
    session.checkpointing = false;
    job?.handle.cancel();
    job = null;
    jobToken++;
    engineClient().open(s.spec, s.manifests, log);
    synced = { at: performance.now(), timeMs: 0, log: session.log, logLength: session.log.length };
    carryMs = 0;
    unshown = false;
    pacer.reset();
    forgetAnswers();
    set({ session, scenario: s, version: get().version + 1, terminal: [], controlRefusal: null, selection: null, seekProgress: null, seekAtMs: null, seekTargetMs: null });
  },
  play: () => set({ playing: true }),
  // Pausing shows the world exactly where it stopped, even between paced publications.
  pause: () => set(pausedState(get())),
  togglePlay: () => set(get().playing ? pausedState(get()) : { playing: true }),
  setSpeed: (speed) => set({ speed }),
  stepOnce() {
    const { session, seekProgress } = get();
    if (!session || seekProgress !== null) return;
    engine().advance(session, session.world.tickMs);
    set({ version: get().version + 1 });
  },
  frame(realDtMs, budgetMs) {
    const { session, playing, speed, seekProgress } = get();
    if (session && seekProgress === null) syncReplica(session);
    if (!session || !playing || seekProgress !== null) return;
    carryMs += Math.min(realDtMs, 250) * speed;
    const tick = session.world.tickMs;
    const start = performance.now();
    const budget = pacer.engineBudget(start, budgetMs);
    let ran = 0;
    while (carryMs >= tick && performance.now() - start < budget) {
      engine().advance(session, tick);
      carryMs -= tick;
      ran++;
    }
    // Falling behind at high speed: drop the backlog rather than spiral (the achieved speed shows it).
    if (carryMs > tick * 50) carryMs = 0;
    notePlayed(start, ran * tick);
    if (ran > 0) unshown = true;
    const stats = loopStats();
    const engineMs = performance.now() - start;
    if (!unshown || !pacer.due(start)) {
      stats?.push({ engineMs, ticks: ran, publishMs: -1 });
      return;
    }
    unshown = false;
    const t0 = performance.now();
    set({ version: get().version + 1 });
    // React renders a store change in a microtask queued by the set above; this one runs after it.
    queueMicrotask(() => {
      const publishMs = performance.now() - t0;
      pacer.published(t0, publishMs);
      stats?.push({ engineMs, ticks: ran, publishMs });
    });
  },
  seekTo(timeMs) {
    void get().goTo(timeMs);
  },
  goTo(timeMs) {
    const session = get().session;
    if (!session) return Promise.resolve();
    job?.handle.cancel();
    const token = ++jobToken;
    const log = session.log;
    const logLength = log.length;
    // Back: no further than the horizon (seek clamps the same way); forward: a replay extends it.
    const targetMs = timeMs < session.world.timeMs ? Math.max(0, Math.min(timeMs, session.horizonMs)) : timeMs;
    set({ seekProgress: 0, seekAtMs: null, seekTargetMs: targetMs, playing: false });
    const handle = engineClient().goto({ log, fromMs: session.world.timeMs, targetMs, checks: session.checks }, (p, atMs) => {
      // The page's world stays where it was until the result arrives: the replay's own time is what moves.
      if (token === jobToken) set({ seekProgress: Math.min(p, 0.99), seekAtMs: atMs ?? null });
    });
    job = { handle, token };
    const stopListening = onCancelReplay(() => handle.cancel());
    return handle.done.then((r) => {
      stopListening();
      if (token !== jobToken) return console.warn(`goTo ${targetMs}: superseded`);
      job = null;
      if (get().session !== session) {
        console.warn(`goTo ${targetMs}: the run changed`);
        return set({ seekProgress: null, seekAtMs: null, seekTargetMs: null });
      }
      if (!r.ok) {
        // The worker failed: take checkpoints in the page from now on and replay here.
        console.error(`engine worker: ${r.error}`);
        session.checkpointing = true;
        engineClient().open(session.spec, session.manifests, []);
        return seekInPage(session, targetMs);
      }
      if (session.log === log && session.log.length === logLength) {
        engine().installGotoResult(session, r.result);
        synced = { at: performance.now(), timeMs: session.world.timeMs, log, logLength };
      }
      // Otherwise a command was issued meanwhile, at the old time: that run stands (the replica follows it).
      else console.warn(`goTo ${targetMs}: a command was issued meanwhile`);
      set({ seekProgress: null, seekAtMs: null, seekTargetMs: null, version: get().version + 1 });
    });
  },
  run(line, parse) {
    const { session } = get();
    const t = session ? session.world.timeMs / 1000 : 0;
    const trimmed = line.trim();
    if (!session || !trimmed) return { t, input: line, output: '', ok: true };
    const parsed = parse(trimmed);
    let entry: TerminalEntry;
    if (!parsed.ok) {
      entry = { t, input: trimmed, output: parsed.error, ok: false, ...(parsed.msg ? { msg: parsed.msg } : {}) };
    } else if (parsed.command.type === 'view') {
      // Read-only: answer from the world as it is now, without touching the log.
      const r = engine().runView(worldAsIssued(session), parsed.command.args);
      entry = { t, input: trimmed, output: r.output, ok: r.ok, ...(r.msg ? { msg: r.msg } : {}), ...(r.note ? { note: r.note } : {}) };
    } else {
      // Check against a throwaway copy first, so a NotFound or a bad value never enters the log.
      // Every name on the line is applied (kubectl scale deployment a b), in order, as kubectl does.
      const commands = parsed.commands ?? [parsed.command];
      const copy = worldAsIssued(session, true);
      const probes = commands.map((c) => engine().applyCommand(copy, c));
      const accepted = commands.filter((_, i) => probes[i].ok);
      if (accepted.length > 0) engine().issueCommands(session, trimmed, accepted);
      entry = { t, input: trimmed, output: probes.map((p) => p.output).filter((o) => o !== '').join('\n'), ok: probes.every((p) => p.ok) };
      // One command whose answer is the playground's own words: the console shows them translated.
      if (probes.length === 1 && probes[0].msg) entry.msg = probes[0].msg;
    }
    set({ terminal: [...get().terminal.slice(-199), entry], version: get().version + 1 });
    return entry;
  },
  issue(input, command) {
    const { session } = get();
    if (!session) return;
    awaitAnswer(session, engine().issueCommand(session, input, command));
    // A new try replaces the last refusal's notice; its own answer comes at the next tick.
    set({ version: get().version + 1, controlRefusal: null });
  },
  dismissControlRefusal: () => set({ controlRefusal: null }),
  select: (selection) => set({ selection }),
}));

/**
 * A control's command is answered when a tick applies it. Whenever the world moved, refusals found
 * are printed in the console as a typed command's would be, and the last one is kept for the
 * controls to show: a slider that snapped back without a word is how a refusal went unseen.
 */
usePlayground.subscribe((state, prev) => {
  if (state.version === prev.version || !state.session) return;
  const refused = takeRefusals(state.session);
  if (refused.length === 0) return;
  const entries: TerminalEntry[] = refused.map(({ command, record }) => ({ t: record.t, input: command.input, output: record.output, ok: false }));
  usePlayground.setState({ terminal: [...state.terminal, ...entries].slice(-200), controlRefusal: entries[entries.length - 1] });
});

/**
 * After a share link's replay: the log's commands that the cluster refused when the run was made
 * (a slider's HPA patch with min above max) are refused again in the replay, as they were live; the
 * console says so, as it said so to the person who made the link. They stay in the log: the live
 * world recorded them (world.commands), and a replay must rebuild that world exactly.
 */
export function printLogRefusals(): void {
  const { session, terminal } = usePlayground.getState();
  if (!session) return;
  const refused = refusedInLog(session.world, session.log);
  if (refused.length === 0) return;
  const entries: TerminalEntry[] = refused.map(({ command, record }) => ({ t: record.t, input: command.input, output: record.output, ok: false }));
  usePlayground.setState({ terminal: [...terminal, ...entries].slice(-200) });
}
