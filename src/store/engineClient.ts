import type { ManifestDoc, TimedCommand } from '../sim/core/commands';
import type { ScenarioSpec } from '../sim/core/scenario';
import type { Trace } from '../sim/trace/trace';
import type { BState, BView, EngineRequest, EngineResponse } from '../sim/worker/protocol';
import type { GotoJob, GotoResult } from '../sim/worker/replica';
import { engine } from './engine';

/**
 * The page's end of the engine worker protocol (src/sim/worker/protocol.ts). The worker is made
 * with Vite's `new Worker(new URL(...), { type: 'module' })`; where that fails (Vitest/jsdom, a
 * browser without module workers, a worker that does not start) the same host runs in the page
 * behind the same messages, each crossing a structured clone as it would between threads, so the
 * store has one path. Call only after the engine chunk has loaded (loadEngine).
 */
export type GotoOutcome = { ok: true; result: GotoResult; cancelled: boolean } | { ok: false; error: string };

export interface GotoHandle {
  done: Promise<GotoOutcome>;
  cancel(): void;
}

interface Pending {
  resolve(m: EngineResponse): void;
  progress?(value: number, timeMs?: number): void;
}

export interface EngineClient {
  /** True when a real Worker answers (false: the in-page host). */
  readonly remote: () => boolean;
  open(spec: ScenarioSpec, manifests: ManifestDoc[], log: TimedCommand[]): void;
  sync(log: TimedCommand[], timeMs: number): void;
  /** `onProgress(value 0..1, the replay's sim time so far when known)`. */
  goto(job: GotoJob, onProgress: (value: number, timeMs?: number) => void): GotoHandle;
  /** `view`: send back what that view of B draws too (only a view on screen asks). */
  openB(spec: ScenarioSpec, manifests: ManifestDoc[], atMs: number, view?: BView): Promise<BState | null>;
  syncB(timeMs: number, view?: BView): Promise<BState | null>;
  closeB(): void;
  traceB(): Promise<Trace | null>;
  /** Page time spent taking in the last message (deserialising it), ms: what a message costs the page. */
  lastMessageMs(): number;
}

function createClient(): EngineClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let remote = false;
  let ready = false;
  /** Sent before the worker said it is ready: resent to the in-page host if the worker fails to start. */
  const early: EngineRequest[] = [];
  let send: (m: EngineRequest) => void;
  let lastMessageMs = 0;

  const receive = (m: EngineResponse) => {
    if (m.type === 'ready') {
      ready = true;
      early.length = 0;
      return;
    }
    if (m.type === 'error' && m.id === undefined) {
      console.error(`engine worker: ${m.message}`);
      return;
    }
    const p = pending.get(m.id!);
    if (!p) return;
    if (m.type === 'progress') return p.progress?.(m.value, m.timeMs);
    pending.delete(m.id!);
    p.resolve(m);
  };

  const inPage = () => {
    remote = false;
    const host = engine().createEngineHost({
      post: (m) => {
        const t0 = performance.now();
        const copy = structuredClone(m);
        const took = performance.now() - t0;
        setTimeout(() => {
          lastMessageMs = took;
          receive(copy);
        }, 0);
      },
      schedule: (fn) => setTimeout(fn, 0),
      now: () => performance.now(),
    });
    send = (m) => {
      // Cloned now, as postMessage does: the page may change its log right after sending.
      const copy = structuredClone(m);
      setTimeout(() => host.receive(copy), 0);
    };
    for (const m of early.splice(0)) send(m);
  };

  let worker: Worker | null = null;
  if (typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    } catch {
      worker = null;
    }
  }
  if (worker) {
    const w = worker;
    remote = true;
    w.onmessage = (e: MessageEvent<EngineResponse>) => {
      // Chromium deserialises a message when `data` is first read: timing that read is its cost.
      const t0 = performance.now();
      const data = e.data;
      lastMessageMs = performance.now() - t0;
      receive(data);
    };
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      if (ready) {
        // It died: what it held is gone. Waiting requests fail (the store re-opens the run).
        console.error('engine worker failed', e.message);
        for (const [id, p] of pending) p.resolve({ type: 'error', id, message: 'the engine worker stopped' });
        pending.clear();
        ready = false;
        early.length = 0;
      }
      // Never started (a blocked script, no module workers), or died: serve the protocol in the page.
      inPage();
    };
    send = (m) => {
      if (!ready) early.push(structuredClone(m));
      w.postMessage(m);
    };
  } else inPage();

  const request = <T extends EngineResponse>(m: EngineRequest & { id: number }, progress?: Pending['progress']) =>
    new Promise<T>((resolve) => {
      pending.set(m.id, { resolve: (r) => resolve(r as T), progress });
      send(m);
    });
  const bState = (r: EngineResponse) => (r.type === 'bState' ? r.state : null);

  return {
    remote: () => remote,
    open: (spec, manifests, log) => send({ type: 'open', spec, manifests, log }),
    sync: (log, timeMs) => send({ type: 'sync', log, timeMs }),
    goto(job, onProgress) {
      const id = nextId++;
      const done = request({ type: 'goto', id, job }, onProgress).then(
        (r): GotoOutcome => (r.type === 'gotoDone' ? { ok: true, result: r.result, cancelled: r.cancelled } : { ok: false, error: r.type === 'error' ? r.message : r.type }),
      );
      return { done, cancel: () => send({ type: 'cancel', id }) };
    },
    openB: (spec, manifests, atMs, view) => request({ type: 'openB', id: nextId++, spec, manifests, atMs, view }).then(bState),
    syncB: (timeMs, view) => request({ type: 'syncB', id: nextId++, timeMs, view }).then(bState),
    closeB: () => send({ type: 'closeB' }),
    traceB: () => request({ type: 'traceB', id: nextId++ }).then((r) => (r.type === 'trace' ? r.trace : null)),
    lastMessageMs: () => lastMessageMs,
  };
}

let client: EngineClient | null = null;

export function engineClient(): EngineClient {
  client ??= createClient();
  return client;
}
