/**
 * npm run bench:alloc -- CASE [TOP]: what one compiled hour of a bench case allocates, in MB, and
 * the TOP functions (default 15) that allocate most. A first world runs the case for 3,900 s so
 * V8 has compiled its paths; a second world settles for 300 s, then V8's sampling heap profiler
 * records its next 3,600 s (objects collected since included). Unlike wall time, these bytes do
 * not move with the machine's load, so before/after pairs of a change are comparable even on a
 * shared machine (docs/performance.md).
 */
import { Session } from 'node:inspector/promises';
import { step } from '../sim/core/step';
import { buildWorld } from './bench/worlds';
import { BENCH_CASES } from './bench/cases';

interface SamplingNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: SamplingNode[];
}

const [name, topArg] = process.argv.slice(2);
const bench = BENCH_CASES.find((c) => c.name === name);
const top = topArg === undefined ? 15 : Number(topArg);
if (!bench || !Number.isInteger(top) || top < 0 || top > 200) {
  console.error(`usage: npm run bench:alloc -- CASE [TOP]; CASE is one of ${BENCH_CASES.map((c) => c.name).join(', ')}`);
  process.exit(2);
}

const warm = buildWorld(bench);
for (let i = 0; i < 3900; i++) step(warm);
const world = buildWorld(bench);
for (let i = 0; i < 300; i++) step(world);

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
// Every 4 KB allocated on average (the default is 32 KB): an hour's ~200 MB gives ~50,000 samples.
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
for (let i = 0; i < 3600; i++) step(world);
const { profile } = await session.post('HeapProfiler.stopSampling');

// Builtins (Map#set, Array#push) are named with the function that called them.
const bytes = new Map<string, number>();
let total = 0;
function visit(node: SamplingNode, caller: string): void {
  const file = node.callFrame.url.split('/').slice(-2).join('/');
  const own = `${node.callFrame.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
  const key = file ? own : `${own} <- ${caller}`;
  bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const child of node.children) visit(child, own);
}
visit(profile.head, '');

console.log(`ALLOC name=${bench.name} simSeconds=3600 allocatedMB=${(total / 1e6).toFixed(1)} pods=${world.pods.size} nodes=${world.nodes.size}`);
for (const [key, b] of [...bytes].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${(b / 1e6).toFixed(2).padStart(8)} MB  ${key}`);
