import type { EngineApi } from '../sim/api';

/**
 * The engine arrives as its own chunk, fetched while the page paints. Everything that runs the
 * engine (opening a scenario first of all) awaits `loadEngine()`; code that only runs once a
 * session exists calls `engine()`.
 */
let api: EngineApi | null = null;
let loading: Promise<EngineApi> | null = null;

export function loadEngine(): Promise<EngineApi> {
  loading ??= import('../sim/api').then((m) => (api = m.engineApi));
  return loading;
}

export function engine(): EngineApi {
  if (!api) throw new Error('the simulation engine is still loading');
  return api;
}

export function engineReady(): boolean {
  return api !== null;
}
