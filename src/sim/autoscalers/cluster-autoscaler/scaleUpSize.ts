import { log } from './messages';
import type { GroupIncrease } from './messages';
import type { ScaleUpGroup, ScaleUpInput } from './scaleUpTypes';
import type { CaLogLine } from './types';

/**
 * How big a chosen scale-up is and where it lands: the cluster-wide --cores-total/--memory-total
 * cap (core/scaleup/resource/manager.go) and the spread over similar groups with
 * --balance-similar-node-groups (processors/nodegroupset).
 */

/** The new node count, lowered so the cluster stays within --cores-total and --memory-total. */
export function capByResourceLimits(
  newNodes: number,
  group: ScaleUpGroup,
  input: ScaleUpInput,
  logs: CaLogLine[],
): number {
  const coresOf = (cpuMillis: number): number => cpuMillis / 1000;
  const gibOf = (mib: number): number => mib / 1024;
  let cores = 0;
  let mem = 0;
  for (const n of input.nodes) {
    cores += coresOf(n.capacity.cpuMillis);
    mem += gibOf(n.capacity.memoryMiB);
  }
  for (const g of input.groups) {
    const upcoming = Math.max(0, g.targetSize - g.registeredNodes);
    cores += upcoming * coresOf(g.template.capacity.cpuMillis);
    mem += upcoming * gibOf(g.template.capacity.memoryMiB);
  }
  const perNodeCores = coresOf(group.template.capacity.cpuMillis);
  const perNodeMem = gibOf(group.template.capacity.memoryMiB);
  const byCores = Math.floor((input.options.coresTotal.max - cores) / perNodeCores);
  const byMem = Math.floor((input.options.memoryTotalGiB.max - mem) / perNodeMem);
  const capped = Math.max(0, Math.min(newNodes, byCores, byMem));
  if (capped < newNodes) {
    logs.push(
      log(
        1,
        'manager.go:171',
        `Capping scale-up size due to limit for resource ${byCores <= byMem ? 'cpu' : 'memory'}`,
      ),
    );
  }
  return capped;
}

/** Spread `newNodes` over similar groups, always growing the smallest (BalanceScaleUpBetweenGroups). */
export function balance(groups: readonly ScaleUpGroup[], newNodes: number): GroupIncrease[] {
  const sizes = groups.map((g) => ({ g, size: g.targetSize }));
  let left = newNodes;
  while (left > 0) {
    const open = sizes
      .filter((s) => s.size < s.g.maxSize)
      .sort((a, b) => a.size - b.size || a.g.name.localeCompare(b.g.name));
    if (open.length === 0) break;
    open[0].size += 1;
    left -= 1;
  }
  return sizes
    .filter((s) => s.size > s.g.targetSize)
    .map((s) => ({ group: s.g.name, currentSize: s.g.targetSize, newSize: s.size, maxSize: s.g.maxSize }));
}

/** Groups similar enough to balance: the same node capacity and pod slots (a simplification of compare_nodegroups.go). */
export function sameShape(a: ScaleUpGroup, b: ScaleUpGroup): boolean {
  return (
    a.template.capacity.cpuMillis === b.template.capacity.cpuMillis &&
    a.template.capacity.memoryMiB === b.template.capacity.memoryMiB &&
    a.template.allocatable.pods === b.template.allocatable.pods
  );
}
