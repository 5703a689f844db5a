/**
 * The engine's Web Worker (created by src/app/engineClient.ts with Vite's
 * `new Worker(new URL(...), { type: 'module' })`). It only wires the host to the worker's
 * messages; setTimeout and performance.now pace the host's slices and never reach engine state.
 */
/* eslint-disable no-restricted-globals, no-restricted-properties -- the worker's scheduler is the one place wall-clock pacing lives */
import { createEngineHost } from './host';
import type { EngineResponse } from './protocol';

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
