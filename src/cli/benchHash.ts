/**
 * npm run bench:hash [-- NAME…] [--sim=SECONDS]: the trace hash of a bench world after a run (900
 * simulated seconds unless said). The bench's clusters are bigger than any example, so speed work
 * on the controllers compares these hashes before and after, as exampleHashes does for examples.
 */
import { runHash } from '../sim/testing/exampleHashes';
import { buildWorld } from './bench/worlds';
import { BENCH_CASES } from './bench/cases';

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const sim = Number(process.argv.find((a) => a.startsWith('--sim='))?.slice(6) ?? 900);
const unknown = names.filter((n) => !BENCH_CASES.some((c) => c.name === n));
if (unknown.length > 0 || !Number.isInteger(sim) || sim < 1 || sim > 86_400) {
  console.error(`usage: npm run bench:hash [-- CASE…] [--sim=SECONDS (1–86400)]; CASE is one of ${BENCH_CASES.map((c) => c.name).join(', ')}${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}`);
  process.exit(2);
}
for (const c of BENCH_CASES) {
  if (names.length > 0 ? !names.includes(c.name) : c.name.startsWith('large')) continue;
  const world = buildWorld(c);
  console.log(`${runHash(world, world.timeMs + sim * 1000)}  ${c.name} ${sim}s`);
}
