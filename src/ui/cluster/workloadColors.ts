import type { ClusterSlice } from '../../sim/views/gridSlice';
import { seriesColor } from '../theme/palette';
import { workloadOf } from './podStatus';

/** Workloads in a stable order (Deployments by name, then bare pods) so colours don't shuffle as pods come and go. */
export function workloadColorMap(world: ClusterSlice): Map<string, string> {
  const names = new Set<string>();
  for (const d of [...world.deployments.keys()].sort()) names.add(d);
  const others: string[] = [];
  for (const p of world.pods.values()) {
    if (p.ownerKind === 'DaemonSet' || p.state === 'Gone') continue;
    const w = workloadOf(p);
    if (!names.has(w)) others.push(w);
  }
  for (const w of others.sort()) names.add(w);
  const map = new Map<string, string>();
  let i = 0;
  for (const n of names) map.set(n, seriesColor(i++));
  return map;
}
