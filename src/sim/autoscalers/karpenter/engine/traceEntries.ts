import type { World } from '../../../core/types';
import { disruptionState, provisioningState } from './machineDriver';
import { peekKarpenterState } from './state';

/**
 * "NodePool/<name>" entries of each trace sample: the controller's state as a person would name
 * it, and the pool's NodeClaims (counted before their nodes register, as eks-node-viewer does).
 */
export function karpenterTraceEntries(world: World): Record<string, Record<string, unknown>> {
  const state = peekKarpenterState(world);
  if (!state) return {};
  const out: Record<string, Record<string, unknown>> = {};
  const provisioning = provisioningState(state.machine.value);
  const disruption = disruptionState(state.machine.value);
  for (const entry of Object.values(state.nodePools)) {
    const name = entry.pool.name;
    const claims = Object.values(state.nodeClaims).filter((c) => c.nodePool === name);
    const live = claims.filter((c) => c.deletingMs < 0);
    const cpu = claims.reduce((s, c) => s + c.capacity.cpuMillis, 0);
    const memory = claims.reduce((s, c) => s + c.capacity.memoryMiB, 0);
    const inCommand = state.pendingCommand?.command.candidates.some((c) => c.nodePool === name) ?? false;
    out[`NodePool/${name}`] = {
      state: provisioning !== 'idle' ? provisioning : inCommand || disruption !== 'idle' ? disruption.split('.')[0] : 'idle',
      provisioning,
      disruption,
      nodes: claims.filter((c) => c.registeredMs >= 0 && world.nodes.has(c.nodeName)).length,
      nodeClaims: claims.length,
      launching: claims.filter((c) => c.registeredMs < 0).length,
      deleting: claims.length - live.length,
      cpu,
      memory,
      costPerHour: Math.round(live.reduce((s, c) => s + c.price, 0) * 10_000) / 10_000,
      instanceTypes: [...new Set(live.map((c) => `${c.instanceType}/${c.capacityType}`))].sort(),
      ...(entry.pool.limits.cpuMillis !== undefined ? { limitCpu: entry.pool.limits.cpuMillis } : {}),
    };
  }
  return out;
}
