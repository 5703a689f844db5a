/**
 * Trace hashes of every shipped example: the guard that speed work changes no decision.
 * `npm run hashes -- --write` records them (from main, before an optimisation);
 * exampleHashes.test.ts recomputes and compares. A hash covers the whole trace with per-node
 * detail (every sample and every event) and the final `krr simple` report, so any changed
 * scheduling, scaling or timing shows.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../scenario/loadScenario';
import { createWorld } from '../bootstrap';
import type { World } from '../core/types';
import { runTrace } from '../trace/runTrace';
import { krrSimpleView } from '../autoscalers/vpa';

export const EXAMPLES_DIR = 'examples';
export const HASHES_FILE = 'src/sim/testing/exampleHashes.json';
/** Long enough for every example's autoscalers to act, short enough for the unit suite. */
export const HASH_DURATION_MS = 20 * 60_000;

/** Too big for the unit suite (minutes per run on a shared machine); the bench covers it. */
export const HEAVY_EXAMPLES = ['large-cluster.yaml'];

export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.yaml') && !HEAVY_EXAMPLES.includes(f))
    .sort();
}

export function exampleWorld(file: string): { world: World; durationMs: number } {
  const path = join(EXAMPLES_DIR, file);
  const loaded = loadScenario(readFileSync(path, 'utf8'), path);
  if (!loaded.ok) throw new Error(`${path}: does not load`);
  return { world: createWorld(loaded.spec, loaded.manifests.map((m) => m.doc)), durationMs: Math.min(loaded.spec.durationMs, HASH_DURATION_MS) };
}

/** Run `world` to `endMs` and hash the trace (from where it is) and the final `krr simple` report. */
export function runHash(world: World, endMs: number): string {
  const trace = runTrace(world, endMs, { nodes: true });
  // The KRR report reads the per-pod history kept in the world: compacting it must not change it.
  return createHash('sha256').update(JSON.stringify(trace)).update(krrSimpleView(world)).digest('hex').slice(0, 16);
}

export function traceHash(file: string): string {
  const { world, durationMs } = exampleWorld(file);
  return runHash(world, durationMs);
}
