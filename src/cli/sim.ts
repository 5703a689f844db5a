/**
 * npm run sim -- --scenario FILE.yaml --out trace.json [--duration 30m] [--seed N] [--nodes]
 * Runs a scenario headless and writes trace JSON version 1 (docs/trace.md).
 * Exit codes: 0 ok; 2 invalid scenario or arguments (FILE:LINE:COL: message on stderr).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadScenario } from '../scenario/loadScenario';
import { formatError } from '../scenario/errors';
import { parseDuration } from '../scenario/duration';
import { createWorld } from '../sim/bootstrap';
import { runTrace } from '../sim/trace/runTrace';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      scenario: { type: 'string' },
      out: { type: 'string' },
      duration: { type: 'string' },
      seed: { type: 'string' },
      nodes: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(`sim: ${(err as Error).message}\nusage: npm run sim -- --scenario FILE.yaml --out trace.json [--duration 30m] [--seed N] [--nodes]`);
}
if (!args.scenario) fail('sim: --scenario FILE.yaml is required');
if (!args.out) fail('sim: --out trace.json is required');

let text: string;
try {
  text = readFileSync(args.scenario, 'utf8');
} catch (err) {
  fail(`${args.scenario}:1:1: cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
}

const loaded = loadScenario(text, args.scenario);
if (!loaded.ok) fail(loaded.errors.map(formatError).join('\n'));
const spec = { ...loaded.spec };
if (args.seed !== undefined) {
  if (!/^\d+$/.test(args.seed)) fail(`sim: --seed must be a non-negative integer (got "${args.seed}")`);
  spec.seed = Number(args.seed);
}
if (args.duration !== undefined) {
  const d = parseDuration(args.duration);
  if (!d.ok) fail(`sim: --duration: ${d.error}`);
  spec.durationMs = d.ms;
}
for (const w of loaded.warnings) process.stderr.write(`${w}\n`);

const world = createWorld(spec, loaded.manifests.map((m) => m.doc));
for (const n of [...loaded.notices, ...world.notices]) process.stderr.write(`notice: ${n}\n`);
// What `kubectl apply` of the scenario's manifests warned about (deprecated API versions, …).
for (const cmd of world.commands) {
  for (const line of cmd.output.split('\n')) if (line.startsWith('Warning:') || line.startsWith('error:')) process.stderr.write(`${line}\n`);
}
const trace = runTrace(world, spec.durationMs, { nodes: args.nodes });
writeFileSync(args.out, `${JSON.stringify(trace)}\n`);
const last = trace.samples[trace.samples.length - 1];
process.stderr.write(
  `${trace.scenario}: ${trace.durationSeconds}s simulated, ${trace.samples.length} samples, ${trace.events.length} events; ` +
    `at the end ${last.nodes.total} nodes, ${last.pods.running} pods running, ${last.pods.pending} pending → ${args.out}\n`,
);
