import type { World } from '../../../core/types';
import { disruptionState, provisioningState } from './machineDriver';
import { peekKarpenterState } from './state';

/**
 * What the "why" panel shows for Karpenter: the last batch (which pods went together, the cheapest
 * instance types it chose among, what launched), the disruption decision (candidates, price before
 * and after) and the budgets that limited it.
 */
export function karpenterWhy(world: World): string[] {
  const s = peekKarpenterState(world);
  if (!s) return [];
  const lines = [`provisioning: ${provisioningState(s.machine.value)}; disruption: ${disruptionState(s.machine.value)}`];
  const p = s.lastProvisioning;
  if (p) {
    lines.push(`last batch at ${p.atMs / 1000}s: ${p.pods} pending pod(s)`);
    for (const c of p.nodeClaims) {
      const cheapest = c.cheapest.map((x) => `${x.instanceType} $${x.price}/h`).join(', ');
      lines.push(`  ${c.name}: ${c.pods.length} pod(s) requesting ${c.requests}; ${c.optionCount === 1 ? '1 type fits' : `${c.optionCount} types fit`}, cheapest ${cheapest}; launched ${c.launched}`);
    }
    for (const e of p.errors) lines.push(`  ${e.pod} not scheduled: ${e.error}`);
  }
  if (s.lastDisruption) lines.push(`disruption at ${s.lastDisruption.atMs / 1000}s: ${s.lastDisruption.text}`);
  for (const b of s.budgets.filter((v) => v.allowed < 2147483647)) {
    lines.push(`budget ${b.nodePool}/${b.reason}: ${b.allowed} of ${b.nodes} node(s) allowed, ${b.disrupting} disrupting, ${b.remaining} left`);
  }
  return lines;
}
