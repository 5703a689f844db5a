/**
 * npm run fuzz -- [--runs 10000] [--kind links|yaml|console|scenarios] [--seed N] [--sim-ms 30000]
 * Runs the fuzz targets of src/fuzz at nightly size and prints, per kind: runs, accepted, rejected
 * (with a location), uncaught, hangs, unlocated rejections and broken invariants, with the first
 * example of each finding. Exit code 1 when anything other than accepted/rejected happened.
 */
import fc from 'fast-check';
import { consoleArb, linkArb, scenarioArb, yamlArb } from '../fuzz/arbitraries';
import { fuzzConsole, fuzzLink, fuzzScenario, fuzzYaml, type Finding, type Kind, type Outcome } from '../fuzz/targets';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

const runs = Number(arg('runs') ?? 1000);
const seed = Number(arg('seed') ?? 1);
const simMs = Number(arg('sim-ms') ?? 30_000);
const kinds: Kind[] = arg('kind') ? [arg('kind') as Kind] : ['links', 'yaml', 'console', 'scenarios'];

const targets: Record<Kind, () => { sample: unknown[]; run: (x: never) => Finding }> = {
  links: () => ({ sample: fc.sample(linkArb, { numRuns: runs, seed }), run: (x: string) => fuzzLink(x, simMs) }),
  yaml: () => ({ sample: fc.sample(yamlArb, { numRuns: runs, seed }), run: (x: string) => fuzzYaml(x, simMs) }),
  console: () => ({ sample: fc.sample(consoleArb, { numRuns: runs, seed }), run: (x: string) => fuzzConsole(x) }),
  scenarios: () => ({
    sample: fc.sample(scenarioArb(Math.max(simMs, 60_000)), { numRuns: runs, seed }),
    run: (x: { example: number; seed: number; log: Parameters<typeof fuzzScenario>[2] }) => fuzzScenario(x.example, x.seed, x.log, Math.max(simMs, 60_000)),
  }),
};

let failed = false;
for (const kind of kinds) {
  if (!(kind in targets)) {
    console.error(`fuzz: unknown --kind ${kind} (links, yaml, console, scenarios)`);
    process.exit(2);
  }
  const { sample, run } = targets[kind]();
  const counts: Record<Outcome, number> = { accepted: 0, rejected: 0, uncaught: 0, hang: 0, unlocated: 0, invariant: 0 };
  const first = new Map<Outcome, string>();
  const start = performance.now();
  for (const input of sample) {
    const f = run(input as never);
    counts[f.outcome]++;
    if (f.outcome !== 'accepted' && f.outcome !== 'rejected' && !first.has(f.outcome)) first.set(f.outcome, `${JSON.stringify(input).slice(0, 300)}\n    → ${f.detail ?? ''}`);
  }
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(`${kind}: runs ${sample.length}, accepted ${counts.accepted}, rejected ${counts.rejected}, uncaught ${counts.uncaught}, hangs ${counts.hang}, unlocated ${counts.unlocated}, invariant ${counts.invariant} (${seconds} s)`);
  for (const [outcome, example] of first) console.log(`  first ${outcome}: ${example}`);
  if (first.size > 0) failed = true;
}
process.exit(failed ? 1 : 0);
