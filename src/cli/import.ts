/**
 * npm run import -- FILE [--extras FILE] [--top FILE] --out scenario.yaml
 * Turns `kubectl get nodes,deployments,statefulsets,daemonsets,hpa,pods -A -o yaml` (or -o json),
 * optionally `kubectl get nodepools,ec2nodeclasses,scaledobjects,vpa -A -o yaml` (--extras) and
 * `kubectl top pods -A` (--top), into a scenario (docs/import.md). Prints what did not map, what was
 * dropped and what was assumed, checks that the scenario loads, and how long the import took.
 * Exit codes: 0 ok; 2 unreadable input or arguments (located message on stderr).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { formatImportError, formatReport, importCluster } from '../scenario/import';
import { loadScenario } from '../scenario/loadScenario';
import { formatError } from '../scenario/errors';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, top: { type: 'string' }, extras: { type: 'string' }, name: { type: 'string' } } });
} catch (err) {
  fail(`import: ${(err as Error).message}\nusage: npm run import -- FILE [--extras FILE] [--top FILE] --out scenario.yaml`);
}
const { values: args, positionals } = parsed;
if (positionals.length !== 1) fail('usage: npm run import -- FILE [--extras FILE] [--top FILE] --out scenario.yaml');
if (!args.out) fail('import: --out scenario.yaml is required');

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    fail(`${file}:1:1: cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
};
const file = positionals[0];
let text = read(file);
if (args.extras) text = `${text.trimEnd()}\n---\n${read(args.extras)}`;
const top = args.top ? read(args.top) : undefined;

const started = performance.now();
const cpuStart = process.cpuUsage();
const result = importCluster({ text, top, name: args.name });
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
if (!result.ok) fail(result.errors.map((e) => `${file}: ${formatImportError(e)}`).join('\n'));
writeFileSync(args.out, result.text);
process.stdout.write(formatReport(result.report));
const check = loadScenario(result.text, args.out);
if (!check.ok) {
  process.stderr.write(`the written scenario does not load cleanly:\n${check.errors.map(formatError).join('\n')}\n`);
  process.exit(1);
}
// CPU time beside wall time: on a shared machine the wall clock mostly measures the neighbours.
process.stderr.write(`imported ${result.report.counts.items} objects in ${Math.round(ms)} ms (${Math.round(cpuMs)} ms CPU) → ${args.out}\n`);
