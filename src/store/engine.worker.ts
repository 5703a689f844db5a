/**
 * The engine's Web Worker (created by engineClient.ts with Vite's
 * `new Worker(new URL(...), { type: 'module' })`). It only wires the pure host (src/sim/worker) to
 * the worker's messages. It lives outside src/sim because it is the runtime shell that owns wall-clock
 * pacing: setTimeout and performance.now pace the host's slices and never reach engine state.
 */
import { createEngineHost } from '../sim/worker/host';
import type { EngineResponse } from '../sim/worker/protocol';

interface WorkerScope {
  postMessage(msg: EngineResponse): void;
  onmessage: ((e: MessageEvent) => void) | null;
}
const scope = self as unknown as WorkerScope;

const host = createEngineHost({
  post: (msg) => scope.postMessage(msg),
  schedule: (fn) => setTimeout(fn, 0),
  now: () => performance.now(),
});
scope.onmessage = (e) => host.receive(e.data);
