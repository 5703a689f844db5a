import type { World } from '../core/types';

/**
 * CPU additions owed to `world.podCpu.used` and not written yet. The load model adds one product
 * to every Ready pod of a target at every tick, while the counters are read only by
 * metrics-server's scrape (every 15 s): it keeps each tick's products per target and writes them
 * all at once, per slot in tick order, so every sum is the one the eager additions made, to the bit.
 *
 * That holds only if nothing reads a counter, writes one (the order of additions would change) or
 * hands its slot to another pod while additions to it are owed. So everything that does settles
 * first: the scrape, the KEDA queue model's additions, a slot's reuse, podCpuUsedMilliMs, the
 * load model's own index rebuild (it refills the slot lists the owed products apply to), and every
 * copy of the world (a checkpoint, cloneData), which must hold every addition made so far.
 *
 * Kept here, beside the world and not in it: checkpoints stay plain data, and a copy owes nothing.
 */
type Settle = (world: World) => void;

const owed = new WeakMap<World, Settle>();

/** `settle` writes what `world` is owed; it runs (once) before the ledger is next read or changed. */
export function oweCpu(world: World, settle: Settle): void {
  owed.set(world, settle);
}

/** Writes every owed addition into `world.podCpu.used`. One lookup when nothing is owed. */
export function settleCpu(world: World): void {
  const settle = owed.get(world);
  if (settle === undefined) return;
  owed.delete(world);
  settle(world);
}
