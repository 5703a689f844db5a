/**
 * npm run bench [-- NAME]: how fast the engine simulates, in figures. One line per case:
 * BENCH name=… nodes=… pods=… simSeconds=… wallSeconds=… speedup=…x podTickNs=… bareLoopRatio=… heapMB=…
 * Each case runs one simulated hour with traffic flowing into every deployment (rising 4× every
 * other half hour); -hpa puts every deployment under an HPA, -all turns every controller on
 * (worlds.ts says which). heapMB is the heap after the hour, after a full GC when node runs with
 * --expose-gc (npm run bench does). The `day` case runs 24 simulated hours in one engine session
 * (checkpoints and chart history included) and prints the heap at hours 1, 6, 12 and 24; `day-small`
 * is the same at 2/5 scale for 8 hours, printing the heap every hour. `checkpoint` prints what a
 * packed checkpoint of the medium-all and large-all worlds holds and costs, against a deep copy.
 * The machine this runs on is often shared: cpuSpeedup (simulated seconds per CPU second of this
 * process) is steadier than the wall-clock speedup when other processes compete for the cores.
 */
import { performance } from 'node:perf_hooks';
import { step } from '../sim/core/step';
import type { World } from '../sim/core/types';
import { buildWorld, type BenchCase } from './bench/worlds';
import { BENCH_CASES } from './bench/cases';
import { runDay } from './bench/day';
import { runCheckpointBench } from './bench/checkpoint';
import { heapMB } from './bench/heap';

const DAY: BenchCase = { name: 'day', nodes: 200, pods: 5000, instanceType: 'm5.xlarge', deployments: 50, hpa: true, ca: true, simSeconds: 24 * 3600 };
/**
 * The day case's world at 2/5 scale for 8 hours, heap every hour: a quicker reproduction (~15 min)
 * of how the heap moves once the 4-hour chart history has filled.
 */
const DAY_SMALL: BenchCase = { name: 'day-small', nodes: 80, pods: 2000, instanceType: 'm5.xlarge', deployments: 20, hpa: true, ca: true, simSeconds: 8 * 3600 };

const only = process.argv.slice(2).find((a) => !a.startsWith('-'));
/** --sim=SECONDS shortens the timed run (for profiling with node --cpu-prof). */
const simOverride = Number(process.argv.find((a) => a.startsWith('--sim='))?.slice(6) ?? 0);

/** The same pods touched by a plain loop, as the floor the engine is measured against. */
function bareLoopNsPerPodTick(world: World, ticks: number): number {
  const start = performance.now();
  let sink = 0;
  for (let t = 0; t < ticks; t++) {
    for (const p of world.pods.values()) {
      p.restarts += 0;
      sink += p.memoryMiB;
    }
  }
  const ns = ((performance.now() - start) * 1e6) / (ticks * world.pods.size);
  if (sink < 0) console.log(sink);
  return ns;
}

/** One timed hour of a case on a fresh world, after the initial rollout has settled. */
function timeCase(c: BenchCase, simSeconds: number) {
  const world = buildWorld(c);
  // Let the initial rollout settle before timing: the hour measured is steady-state with load.
  for (let i = 0; i < 300; i++) step(world);
  const podsBefore = world.pods.size;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let podTicks = 0;
  for (let i = 0; i < simSeconds; i++) {
    step(world);
    podTicks += world.pods.size;
  }
  const wall = (performance.now() - start) / 1000;
  const cpuUsed = process.cpuUsage(cpuStart);
  return { world, podsBefore, wall, cpu: (cpuUsed.user + cpuUsed.system) / 1e6, podTicks };
}

/**
 * --reps=N runs each case N times in this process, one line each with rep=k: the first run also
 * pays for V8 compiling the case's code paths as they get hot, the later ones show the engine's own
 * pace once compiled (docs/performance.md, "What the first hour pays for compiling").
 */
const reps = Math.max(1, Math.min(20, Number(process.argv.find((a) => a.startsWith('--reps='))?.slice(7) ?? 1) || 1));

for (const c of BENCH_CASES) {
  if (only ? c.name !== only : false) continue;
  const simSeconds = simOverride || (c.simSeconds ?? 3600);
  for (let rep = 1; rep <= reps; rep++) {
    const { world, podsBefore, wall, cpu, podTicks } = timeCase(c, simSeconds);
    const podTickNs = (wall * 1e9) / podTicks;
    const heap = heapMB();
    const bare = bareLoopNsPerPodTick(world, 600);
    console.log(
      `BENCH name=${c.name} nodes=${world.nodes.size} pods=${podsBefore}→${world.pods.size} simSeconds=${simSeconds} wallSeconds=${wall.toFixed(3)} speedup=${Math.round(simSeconds / wall)}x cpuSeconds=${cpu.toFixed(3)} cpuSpeedup=${Math.round(simSeconds / cpu)}x podTickNs=${podTickNs.toFixed(1)} bareLoopRatio=${(podTickNs / bare).toFixed(1)} heapMB=${heap.toFixed(0)}${reps > 1 ? ` rep=${rep}` : ''}`,
    );
  }
}
if (only === DAY.name || (!only && process.argv.includes('--day'))) runDay(DAY, [1, 6, 12, 24]);
if (only === DAY_SMALL.name) runDay(DAY_SMALL, [1, 2, 3, 4, 5, 6, 7, 8]);
if (only === 'checkpoint') for (const c of BENCH_CASES.filter((b) => b.name === 'medium-all' || b.name === 'large-all')) runCheckpointBench(c);
