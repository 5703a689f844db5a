/**
 * The engine side of the protocol (protocol.ts): runs inside the Web Worker (src/store/engine.worker.ts) or,
 * where no Worker can be made, in the page with the same messages. Jobs run one at a time in the
 * order they arrived, in slices, so a `cancel` can be heard between slices. Wall-clock time (`now`)
 * only paces the slices; the engine itself takes time from the sim clock alone.
 */
import { createSession, type Session } from '../session';
import { historyTrace, syncSessionTo } from '../scorecard/compareSession';
import type { TraceSample } from '../trace/trace';
import { gotoResult, gotoTarget, syncReplica } from './replica';
import { isEngineRequest, PROTOCOL_VERSION, samplesDelta, type BState, type BView, type EngineRequest, type EngineResponse } from './protocol';
import { whyView } from '../views/why';
import { encodeGridSlice } from '../views/gridSliceWire';

export interface HostEnv {
  post(msg: EngineResponse): void;
  /** Run `fn` soon, after pending messages (setTimeout 0 in the worker). */
  schedule(fn: () => void): void;
  /** Wall clock in ms, for slicing only. */
  now(): number;
}

/** Work per slice before the host lets messages (a cancel) in. */
const SLICE_MS = 24;

interface Job {
  id?: number;
  kind: EngineRequest['type'];
  /** Created when the job starts, so it sees the sessions as earlier jobs left them. */
  start(): Generator<number, void>;
  done(cancelled: boolean): void;
  /** False while a goto is still catching up to the page (that part is not the person's to cancel). */
  cancellable(): boolean;
  /** A goto's sim time so far, once past the catch-up: sent with its progress. */
  at?(): number | undefined;
}

// eslint's require-yield allows an empty generator: a job with no steps left.
function* noSteps(): Generator<number, void> {}

export interface EngineHost {
  receive(msg: unknown): void;
}

export function createEngineHost(env: HostEnv): EngineHost {
  let replica: Session | null = null;
  let b: Session | null = null;
  let bSent: TraceSample[] = [];
  const queue: Job[] = [];
  let running: { job: Job; gen: Generator<number, void> } | null = null;
  const cancelled = new Set<number>();
  let scheduled = false;

  const bState = (s: Session, view: BView | undefined): BState => {
    const samples = samplesDelta(bSent, s.history);
    bSent = s.history.slice();
    const state: BState = { name: s.spec.name, seed: s.spec.seed, timeMs: s.world.timeMs, horizonMs: s.horizonMs, samples };
    const w = s.world;
    if (view === 'grid') state.grid = encodeGridSlice(w);
    else if (view === 'why') state.why = whyView(w);
    return state;
  };

  // Every request with an id gets an answer, so the page's promise settles after a closeB too.
  const noB = (id: number): EngineResponse => ({ type: 'error', id, message: 'engine worker: no run B is open' });

  /** A job done in one go (still a generator, so every job runs through the same pump). */
  const once =
    (fn: () => void) =>
    (): Generator<number, void> => {
      fn();
      return noSteps();
    };

  function enqueue(job: Job): void {
    // Only the latest sync matters: an older one still waiting is dropped.
    if (job.kind === 'sync') {
      const i = queue.findIndex((j) => j.kind === 'sync');
      if (i >= 0) queue.splice(i, 1);
    }
    queue.push(job);
    kick();
  }

  function kick(): void {
    if (scheduled) return;
    scheduled = true;
    env.schedule(pump);
  }

  function fail(job: Job, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    // A replica that threw is no longer trusted; the page re-opens it with its next scenario.
    if (job.kind === 'open' || job.kind === 'sync' || job.kind === 'goto') replica = null;
    env.post({ type: 'error', id: job.id, message });
  }

  function pump(): void {
    scheduled = false;
    const start = env.now();
    let lastProgress: { id: number; value: number; timeMs?: number } | null = null;
    while (env.now() - start < SLICE_MS) {
      if (!running) {
        const job = queue.shift();
        if (!job) break;
        try {
          running = { job, gen: job.start() };
        } catch (e) {
          fail(job, e);
          continue;
        }
      }
      const { job, gen } = running;
      try {
        if (job.id !== undefined && cancelled.has(job.id) && job.cancellable()) {
          cancelled.delete(job.id);
          running = null;
          job.done(true);
          continue;
        }
        const r = gen.next();
        if (r.done) {
          running = null;
          if (job.id !== undefined) cancelled.delete(job.id);
          job.done(false);
        } else if (job.id !== undefined && job.kind === 'goto') {
          const timeMs = job.at?.();
          lastProgress = { id: job.id, value: r.value, ...(timeMs !== undefined ? { timeMs } : {}) };
        }
      } catch (e) {
        running = null;
        fail(job, e);
      }
    }
    if (lastProgress && running?.job.id === lastProgress.id) env.post({ type: 'progress', ...lastProgress });
    if (running || queue.length > 0) kick();
  }

  function receive(msg: unknown): void {
    if (!isEngineRequest(msg)) {
      env.post({ type: 'error', message: `engine worker: not a request: ${JSON.stringify(msg)?.slice(0, 120)}` });
      return;
    }
    const none = () => true;
    switch (msg.type) {
      case 'cancel':
        cancelled.add(msg.id);
        return;
      case 'open':
        queue.length = 0;
        return enqueue({
          kind: 'open',
          cancellable: none,
          done: () => {},
          start: once(() => {
            replica = createSession(msg.spec, msg.manifests, msg.log);
          }),
        });
      case 'sync':
        return enqueue({
          kind: 'sync',
          cancellable: none,
          done: () => {},
          start: () => (replica ? syncReplica(replica, msg.log, msg.timeMs) : once(() => {})()),
        });
      case 'goto': {
        let catchingUp = true;
        const id = msg.id;
        return enqueue({
          id,
          kind: 'goto',
          cancellable: () => !catchingUp,
          at: () => (catchingUp || !replica ? undefined : replica.world.timeMs),
          start: function* () {
            if (!replica) throw new Error('engine worker: no run is open');
            const r = replica;
            for (const _ of syncReplica(r, msg.job.log, msg.job.fromMs)) yield 0;
            catchingUp = false;
            yield* gotoTarget(r, msg.job);
          },
          done: (wasCancelled) => {
            if (!replica) return;
            env.post({ type: 'gotoDone', id, result: gotoResult(replica, msg.job.fromMs), cancelled: wasCancelled });
          },
        });
      }
      case 'openB':
        return enqueue({
          id: msg.id,
          kind: 'openB',
          cancellable: none,
          start: once(() => {
            b = createSession(msg.spec, msg.manifests);
            bSent = [];
            syncSessionTo(b, msg.atMs);
          }),
          done: () => env.post(b ? { type: 'bState', id: msg.id, state: bState(b, msg.view) } : noB(msg.id)),
        });
      case 'syncB':
        return enqueue({
          id: msg.id,
          kind: 'syncB',
          cancellable: none,
          start: once(() => b && syncSessionTo(b, msg.timeMs)),
          done: () => env.post(b ? { type: 'bState', id: msg.id, state: bState(b, msg.view) } : noB(msg.id)),
        });
      case 'closeB':
        return enqueue({
          kind: 'closeB',
          cancellable: none,
          start: once(() => {
            b = null;
            bSent = [];
          }),
          done: () => {},
        });
      case 'traceB':
        return enqueue({
          id: msg.id,
          kind: 'traceB',
          cancellable: none,
          start: once(() => {}),
          done: () => env.post({ type: 'trace', id: msg.id, trace: b ? historyTrace(b) : null }),
        });
    }
  }

  env.post({ type: 'ready', version: PROTOCOL_VERSION });
  return { receive };
}
