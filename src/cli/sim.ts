/**
 * npm run sim -- --scenario FILE.yaml --out trace.json [--duration 30m] [--seed N] [--nodes]
 *   Runs a scenario headless and writes trace JSON version 1 (docs/trace.md).
 * npm run sim -- --scenario A.yaml --scorecard [--slo 500ms] [--out trace.json]
 *   Also prints the run's scorecard (docs/scorecard.md) as a table on stdout.
 * npm run sim -- --scenario A.yaml --compare B.yaml --out DIR [--slo 500ms]
 *   Runs A and B with A's seed and duration, writes DIR/a.trace.json, DIR/b.trace.json,
 *   DIR/scorecard.json and DIR/scorecard.csv, and prints A, B and B − A as a table.
 * npm run sim -- --scenario A.yaml --preset karpenter --out DIR
 *   The same with B = a preset applied to A (karpenter, cluster-autoscaler, spot, hpa-fast,
 *   hpa-conservative, vpa-off); B's scenario is written to DIR/b.scenario.yaml.
 * Exit codes: 0 ok; 2 invalid scenario or arguments (FILE:LINE:COL: message on stderr).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDuration } from '../scenario/duration';
import { applyPreset, isPresetId, PRESET_IDS } from '../scenario/presets';
import { compareScorecards, comparisonCsv, computeScorecard, DEFAULT_SLO_MS, formatComparison, formatScorecard } from '../sim/scorecard';
import { CliError, readScenarioFile, runScenarioText, summary, type RunOverrides } from './simRun';

const USAGE =
  'usage: npm run sim -- --scenario FILE.yaml --out trace.json [--duration 30m] [--seed N] [--nodes]\n' +
  '       npm run sim -- --scenario A.yaml --scorecard [--slo 500ms] [--out trace.json]\n' +
  '       npm run sim -- --scenario A.yaml --compare B.yaml --out DIR [--slo 500ms]\n' +
  `       npm run sim -- --scenario A.yaml --preset ${PRESET_IDS.join('|')} --out DIR [--slo 500ms]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
const warn = (line: string) => process.stderr.write(`${line}\n`);

let args;
try {
  args = parseArgs({
    options: {
      scenario: { type: 'string' },
      out: { type: 'string' },
      duration: { type: 'string' },
      seed: { type: 'string' },
      nodes: { type: 'boolean', default: false },
      compare: { type: 'string' },
      scorecard: { type: 'boolean', default: false },
      slo: { type: 'string' },
      preset: { type: 'string' },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(`sim: ${(err as Error).message}\n${USAGE}`);
}
if (!args.scenario) fail('sim: --scenario FILE.yaml is required');
if (args.compare && args.preset) fail('sim: give either --compare B.yaml or --preset NAME, not both');
if (args.preset !== undefined && !isPresetId(args.preset)) fail(`sim: --preset must be one of ${PRESET_IDS.join(', ')} (got "${args.preset}")`);
const comparing = args.compare !== undefined || args.preset !== undefined;
if (!args.out && (comparing || !args.scorecard)) fail(comparing ? 'sim: --out DIR is required with --compare and --preset' : 'sim: --out trace.json is required');

const overrides: RunOverrides = { nodes: args.nodes };
if (args.seed !== undefined) {
  if (!/^\d+$/.test(args.seed)) fail(`sim: --seed must be a non-negative integer (got "${args.seed}")`);
  overrides.seed = Number(args.seed);
}
if (args.duration !== undefined) {
  const d = parseDuration(args.duration);
  if (!d.ok) fail(`sim: --duration: ${d.error}`);
  overrides.durationMs = d.ms;
}
let sloMs = DEFAULT_SLO_MS;
if (args.slo !== undefined) {
  const d = parseDuration(args.slo);
  if (!d.ok || d.ms <= 0) fail(`sim: --slo: ${d.ok ? 'must be greater than 0' : d.error}`);
  sloMs = d.ms;
}

try {
  const aText = readScenarioFile(args.scenario);
  let bText: string | undefined;
  let bFile = args.compare ?? '';
  if (args.preset !== undefined && isPresetId(args.preset)) {
    const p = applyPreset(args.preset, aText);
    if (!p.ok) fail(`sim: --preset ${args.preset} does not fit ${args.scenario}: ${p.reason.text}`);
    for (const n of p.notes) warn(`preset ${args.preset}: ${n.text}`);
    bText = p.text;
    bFile = `${args.scenario} (preset ${args.preset})`;
  } else if (args.compare) {
    bText = readScenarioFile(args.compare);
  }
  const a = runScenarioText(aText, args.scenario, overrides, warn);
  if (bText !== undefined) {
    // Same seed and same length for B, so only the scenario differs (docs/scorecard.md).
    const b = runScenarioText(bText, bFile, { ...overrides, seed: a.seed, durationMs: a.durationMs }, warn);
    const out = args.out ?? '.';
    mkdirSync(out, { recursive: true });
    if (args.preset) writeFileSync(join(out, 'b.scenario.yaml'), bText);
    const comparison = compareScorecards(computeScorecard(a.trace, { sloMs }), computeScorecard(b.trace, { sloMs }));
    writeFileSync(join(out, 'a.trace.json'), `${JSON.stringify(a.trace)}\n`);
    writeFileSync(join(out, 'b.trace.json'), `${JSON.stringify(b.trace)}\n`);
    writeFileSync(join(out, 'scorecard.json'), `${JSON.stringify(comparison, null, 2)}\n`);
    writeFileSync(join(out, 'scorecard.csv'), comparisonCsv(comparison));
    warn(summary(a.trace, join(out, 'a.trace.json')));
    warn(summary(b.trace, join(out, 'b.trace.json')));
    process.stdout.write(formatComparison(comparison));
  } else {
    if (args.out) writeFileSync(args.out, `${JSON.stringify(a.trace)}\n`);
    warn(summary(a.trace, args.out ?? '(not written)'));
    if (args.scorecard) process.stdout.write(formatScorecard(computeScorecard(a.trace, { sloMs })));
  }
} catch (err) {
  if (err instanceof CliError) fail(err.message);
  throw err;
}
