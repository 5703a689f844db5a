import type { World } from '../../../core/types';
import { disruptionState, provisioningState } from './machineDriver';
import { peekKarpenterState } from './state';
import { msg, type Message } from '../../../core/message';

/**
 * What the "why" panel shows for Karpenter: the last batch (which pods went together, the cheapest
 * instance types it chose among, what launched), the disruption decision (candidates, price before
 * and after) and the budgets that limited it.
 */
export function karpenterWhy(world: World): Message[] {
  const s = peekKarpenterState(world);
  if (!s) return [];
  const lines = [
    msg('engine.karpenter.states', {
      provisioning: stateMsg(provisioningState(s.machine.value)),
      disruption: stateMsg(disruptionState(s.machine.value)),
    }),
  ];
  const p = s.lastProvisioning;
  if (p) {
    lines.push(msg('engine.karpenter.batch', { at: p.atMs / 1000, pods: p.pods }));
    for (const c of p.nodeClaims) {
      const cheapest = c.cheapest.map((x) => `${x.instanceType} $${x.price}/h`).join(', ');
      lines.push(
        msg(c.optionCount === 1 ? 'engine.karpenter.claimOne' : 'engine.karpenter.claim', {
          name: c.name,
          pods: c.pods.length,
          requests: c.requests,
          types: c.optionCount,
          cheapest,
          launched: c.launched,
        }),
      );
      if (c.fallback) lines.push(c.fallback);
    }
    for (const e of p.errors) lines.push(msg('engine.karpenter.notScheduled', { pod: e.pod, error: e.error }));
  }
  if (s.lastDisruption) lines.push(msg('engine.karpenter.disruption', { at: s.lastDisruption.atMs / 1000, text: s.lastDisruption.text }));
  for (const b of s.budgets.filter((v) => v.allowed < 2147483647)) {
    lines.push(
      msg('engine.karpenter.budget', { pool: b.nodePool, reason: b.reason, allowed: b.allowed, nodes: b.nodes, disrupting: b.disrupting, remaining: b.remaining }),
    );
  }
  return lines;
}

/** "validating.waiting" → "validating (waiting)", each state's name translated. */
function stateMsg(path: string): Message {
  const [parent, child] = path.split('.');
  const named = (name: string) => msg(`engine.state.${name}`);
  return child ? msg('engine.karpenter.subState', { parent: named(parent), child: named(child) }) : named(parent);
}
