/**
 * Messages between the page and the engine worker (src/store/engine.worker.ts), or the same
 * host served in-process where a Worker cannot be created (Vitest/jsdom): one protocol, one path.
 *
 * The worker keeps two sessions:
 * - a replica of the page's run (`open`, `sync`): it follows the page's command log and sim time,
 *   takes the checkpoints and answers seeks and long replays (`goto`) with the resulting world;
 * - compare mode's run B (`openB`, `syncB`, `closeB`, `traceB`), which lives only in the worker:
 *   the page receives its chart samples as deltas, its trace on request, and, only while a view
 *   of B is on screen, what that view draws (`view`: the nodes and pods for B's grid, the Why text).
 * Everything crosses by structured clone; nothing in a message is a function or a class instance.
 */
import type { ManifestDoc, TimedCommand } from '../core/commands';
import type { ScenarioSpec } from '../core/scenario';
import type { Trace, TraceSample } from '../trace/trace';
import type { WhyView } from '../views/why';
import type { GridSliceWire } from '../views/gridSliceWire';
import type { GotoJob, GotoResult } from './replica';

export const PROTOCOL_VERSION = 1;

export type EngineRequest =
  /** Start the replica of the page's run (a new scenario, a link's log). */
  | { type: 'open'; spec: ScenarioSpec; manifests: ManifestDoc[]; log: TimedCommand[] }
  /** The page's run is now at `timeMs` with this log; the replica catches up (coalesced). */
  | { type: 'sync'; log: TimedCommand[]; timeMs: number }
  /** Seek back or replay forward; answered by progress messages then `gotoDone`. */
  | { type: 'goto'; id: number; job: GotoJob }
  /** Stop job `id` where it has got to (a goto still answers, with `cancelled: true`). */
  | { type: 'cancel'; id: number }
  | { type: 'openB'; id: number; spec: ScenarioSpec; manifests: ManifestDoc[]; atMs: number; view?: BView }
  | { type: 'syncB'; id: number; timeMs: number; view?: BView }
  | { type: 'closeB' }
  | { type: 'traceB'; id: number };

/**
 * Run B's chart samples as a delta against what the page last received: drop `trimFront` from the
 * front (the 4-hour window moved on), keep the next `keep` (a seek back drops the rest), append.
 */
export interface SamplesDelta {
  trimFront: number;
  keep: number;
  append: TraceSample[];
}

export interface BState {
  name: string;
  seed: number;
  timeMs: number;
  horizonMs: number;
  samples: SamplesDelta;
  /** view 'grid': what B's node grid reads of its world, the pods in columns (decodeGridSlice on the page). */
  grid?: GridSliceWire;
  /** view 'why': B's Why text, computed in the worker. */
  why?: WhyView;
}

/** What the page asks along with a sync of run B: the data of the one B view on screen, if any. */
export type BView = 'grid' | 'why';


export type EngineResponse =
  | { type: 'ready'; version: number }
  /** `timeMs`: the replay's own sim time, once it has caught up with the page (the page's clock stays put meanwhile). */
  | { type: 'progress'; id: number; value: number; timeMs?: number }
  | { type: 'gotoDone'; id: number; result: GotoResult; cancelled: boolean }
  | { type: 'bState'; id: number; state: BState }
  | { type: 'trace'; id: number; trace: Trace | null }
  | { type: 'error'; id?: number; message: string };

const REQUEST_TYPES = new Set<EngineRequest['type']>(['open', 'sync', 'goto', 'cancel', 'openB', 'syncB', 'closeB', 'traceB']);
const RESPONSE_TYPES = new Set<EngineResponse['type']>(['ready', 'progress', 'gotoDone', 'bState', 'trace', 'error']);

function typed(x: unknown): x is { type: string; id?: unknown } {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';
}

/** Messages arrive untyped (MessageEvent.data): check the shape before acting on one. */
export function isEngineRequest(x: unknown): x is EngineRequest {
  if (!typed(x) || !REQUEST_TYPES.has(x.type as EngineRequest['type'])) return false;
  const needsId = x.type !== 'open' && x.type !== 'sync' && x.type !== 'closeB';
  return !needsId || (typeof x.id === 'number' && Number.isInteger(x.id));
}

export function isEngineResponse(x: unknown): x is EngineResponse {
  return typed(x) && RESPONSE_TYPES.has(x.type as EngineResponse['type']);
}

/** Apply a samples delta to the list the page holds (a new array; the old one is not touched). */
export function applySamplesDelta(held: readonly TraceSample[], d: SamplesDelta): TraceSample[] {
  const out = held.slice(d.trimFront, d.trimFront + d.keep);
  for (const s of d.append) out.push(s);
  return out;
}

/**
 * The delta that turns `sent` (what the page holds) into `now` (the session's history). Samples
 * are compared by identity: the session keeps sample objects when it trims or filters its history.
 */
export function samplesDelta(sent: readonly TraceSample[], now: readonly TraceSample[]): SamplesDelta {
  let trimFront = now.length > 0 ? sent.indexOf(now[0]) : sent.length;
  if (trimFront < 0) trimFront = sent.length;
  let keep = 0;
  while (trimFront + keep < sent.length && keep < now.length && sent[trimFront + keep] === now[keep]) keep++;
  return { trimFront, keep, append: now.slice(keep) };
}
