/**
 * npm run bench:profile -- CASE FROM SECONDS [OUT]: a CPU profile of one window of a bench case.
 * Runs CASE's world for FROM simulated seconds unprofiled, then profiles the next SECONDS and
 * writes a .cpuprofile (Chrome DevTools › Performance › Load profile) to OUT
 * (default bench-CASE.cpuprofile in the working directory). `node --cpu-prof` profiles a whole
 * run, start-up and settling included; a window shows what a later hour of the run costs.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { step } from '../sim/core/step';
import { buildWorld } from './bench/worlds';
import { BENCH_CASES } from './bench/cases';

const [name, fromArg, lenArg, outArg] = process.argv.slice(2);
const bench = BENCH_CASES.find((c) => c.name === name);
const from = Number(fromArg);
const seconds = Number(lenArg);
if (!bench || !Number.isInteger(from) || from < 0 || !Number.isInteger(seconds) || seconds < 1 || seconds > 86_400) {
  console.error(`usage: npm run bench:profile -- CASE FROM SECONDS [OUT]; CASE is one of ${BENCH_CASES.map((c) => c.name).join(', ')}`);
  process.exit(2);
}
const out = outArg ?? `bench-${bench.name}.cpuprofile`;
const world = buildWorld(bench);
for (let i = 0; i < from; i++) step(world);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
// 100 µs samples (the default is 1 ms): a one-minute window still gets thousands of samples.
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const start = performance.now();
for (let i = 0; i < seconds; i++) step(world);
const ms = performance.now() - start;
const { profile } = await session.post('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
console.log(`PROFILE name=${bench.name} from=${from}s seconds=${seconds} wallMs=${ms.toFixed(0)} speedup=${Math.round((seconds * 1000) / ms)}x pods=${world.pods.size} nodes=${world.nodes.size} out=${out}`);
