/**
 * `npm run bench -- checkpoint`: what a checkpoint of a bench world costs, packed (what sessions
 * keep, src/sim/core/checkpoint.ts) against a deep copy (what they kept before): memory held, time
 * to take one and time to restore one; and packed with its pod columns deflated (what sessions keep
 * once a checkpoint is past the recent quarter hour: `deflated*`, times on top of packing). Memory is the heap plus typed arrays after a full GC, per
 * copy, over five copies held at once.
 */
import { performance } from 'node:perf_hooks';
import { step } from '../../sim/core/step';
import { cloneWorld } from '../../sim/core/world';
import { deflatePods, packWorld, unpackWorld } from '../../sim/core/checkpoint';
import { buildWorld, type BenchCase } from './worlds';
import { arrayBuffersMB, heapMB } from './heap';

const COPIES = 5;

function held(take: () => unknown): { mb: number; ms: number } {
  const before = heapMB() + arrayBuffersMB();
  const copies: unknown[] = [];
  const start = performance.now();
  for (let i = 0; i < COPIES; i++) copies.push(take());
  const ms = (performance.now() - start) / COPIES;
  const mb = (heapMB() + arrayBuffersMB() - before) / COPIES;
  copies.length = 0;
  return { mb, ms };
}

export function runCheckpointBench(c: BenchCase, settleSeconds = 600): void {
  const world = buildWorld(c);
  for (let i = 0; i < settleSeconds; i++) step(world);
  const deep = held(() => cloneWorld(world));
  const packed = held(() => packWorld(world));
  const one = packWorld(world);
  let start = performance.now();
  unpackWorld(one);
  const unpackMs = performance.now() - start;
  start = performance.now();
  cloneWorld(world);
  const restoreDeepMs = performance.now() - start;
  const deflated = held(() => {
    const p = packWorld(world);
    deflatePods(p);
    return p;
  });
  start = performance.now();
  deflatePods(one);
  const deflateMs = performance.now() - start;
  start = performance.now();
  unpackWorld(one);
  const unpackDeflatedMs = performance.now() - start;
  console.log(
    `CHECKPOINT name=${c.name} pods=${world.pods.size} nodes=${world.nodes.size} deepMB=${deep.mb.toFixed(1)} deepMs=${deep.ms.toFixed(0)} packedMB=${packed.mb.toFixed(1)} packMs=${packed.ms.toFixed(0)} restoreDeepMs=${restoreDeepMs.toFixed(0)} unpackMs=${unpackMs.toFixed(0)} deflatedMB=${deflated.mb.toFixed(1)} deflateMs=${deflateMs.toFixed(0)} unpackDeflatedMs=${unpackDeflatedMs.toFixed(0)}`,
  );
}
