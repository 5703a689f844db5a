/** Load a scenario file and run it headless: shared by `npm run sim`'s single and compare modes. */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../scenario/loadScenario';
import { formatError } from '../scenario/errors';
import { createWorld } from '../sim/bootstrap';
import { runTrace } from '../sim/trace/runTrace';
import type { Trace } from '../sim/trace/trace';

export class CliError extends Error {}

export interface RunOverrides {
  seed?: number;
  durationMs?: number;
  nodes?: boolean;
}

export function readScenarioFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`${file}:1:1: cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** Run a scenario text; warnings and notices go to `warn` (stderr), errors throw CliError. */
export function runScenarioText(text: string, file: string, o: RunOverrides, warn: (line: string) => void): { trace: Trace; durationMs: number; seed: number } {
  const loaded = loadScenario(text, file);
  if (!loaded.ok) throw new CliError(loaded.errors.map(formatError).join('\n'));
  const spec = { ...loaded.spec };
  if (o.seed !== undefined) spec.seed = o.seed;
  if (o.durationMs !== undefined) spec.durationMs = o.durationMs;
  for (const w of loaded.warnings) warn(w);
  const world = createWorld(spec, loaded.manifests.map((m) => m.doc));
  for (const n of [...loaded.notices, ...world.notices]) warn(`notice: ${n}`);
  // What `kubectl apply` of the scenario's manifests warned about (deprecated API versions, …).
  for (const cmd of world.commands) {
    for (const line of cmd.output.split('\n')) if (line.startsWith('Warning:') || line.startsWith('error:')) warn(line);
  }
  return { trace: runTrace(world, spec.durationMs, { nodes: o.nodes }), durationMs: spec.durationMs, seed: spec.seed };
}

export function summary(trace: Trace, out: string): string {
  const last = trace.samples[trace.samples.length - 1];
  return (
    `${trace.scenario}: ${trace.durationSeconds}s simulated, ${trace.samples.length} samples, ${trace.events.length} events; ` +
    `at the end ${last.nodes.total} nodes, ${last.pods.running} pods running, ${last.pods.pending} pending → ${out}`
  );
}
