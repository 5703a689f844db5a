import type { World } from './types';
import { podIsActive, podPhase } from '../lifecycle/phase';
import { podsOwnedBy } from '../cluster/pods';

/**
 * Things that must hold after every tick. Tests call this each step; a violation names the
 * object and the numbers so the failing tick can be replayed.
 */
export function checkInvariants(world: World): string[] {
  const problems: string[] = [];
  const boundTo = new Map<string, string>();
  for (const node of world.nodes.values()) {
    let cpu = 0;
    let mem = 0;
    let pods = 0;
    for (const name of node.podNames) {
      const p = world.pods.get(name);
      if (!p) {
        problems.push(`node ${node.name} lists pod ${name} that does not exist`);
        continue;
      }
      if (boundTo.has(name)) problems.push(`pod ${name} is bound to ${boundTo.get(name)} and ${node.name}`);
      boundTo.set(name, node.name);
      if (p.nodeName !== node.name) problems.push(`pod ${name} is listed on ${node.name} but bound to ${p.nodeName}`);
      cpu += p.request.cpuMillis;
      mem += p.request.memoryMiB;
      pods++;
    }
    const r = node.requested;
    if (r.cpuMillis !== cpu || Math.abs(r.memoryMiB - mem) > 1e-6 || r.pods !== pods) {
      problems.push(`node ${node.name} requested ${JSON.stringify(r)} but its pods sum to cpu ${cpu} mem ${mem} pods ${pods}`);
    }
    if (cpu > node.allocatable.cpuMillis) problems.push(`node ${node.name} over-committed on cpu: ${cpu}m > ${node.allocatable.cpuMillis}m`);
    if (mem > node.allocatable.memoryMiB + 1e-6) problems.push(`node ${node.name} over-committed on memory: ${mem}Mi > ${node.allocatable.memoryMiB}Mi`);
    if (pods > node.allocatable.pods) problems.push(`node ${node.name} has ${pods} pods > ${node.allocatable.pods}`);
  }
  for (const pod of world.pods.values()) {
    if (pod.nodeName && !boundTo.has(pod.name) && world.nodes.has(pod.nodeName)) problems.push(`pod ${pod.name} bound to ${pod.nodeName} which does not list it`);
    if (pod.state !== 'Pending' && !pod.nodeName && pod.state !== 'Gone') problems.push(`pod ${pod.name} is ${pod.state} without a node`);
    if (pod.state === 'Scheduled' && pod.scheduledMs === world.timeMs) {
      const node = world.nodes.get(pod.nodeName);
      if (!node || node.state !== 'Ready' || (node.unschedulable && pod.ownerKind !== 'DaemonSet')) {
        if (pod.ownerKind !== 'DaemonSet') problems.push(`pod ${pod.name} was bound to ${pod.nodeName}, which is not Ready and schedulable`);
      }
    }
  }
  // The CPU ledger: each live pod holds its own slot, and no free slot is held.
  const slotHolder = new Map<number, string>();
  const free = new Set(world.podCpu.free);
  if (free.size !== world.podCpu.free.length) problems.push('a CPU ledger slot is free twice');
  for (const pod of world.pods.values()) {
    const s = pod.cpuSlot;
    if (!(s >= 0 && s < world.podCpu.next)) problems.push(`pod ${pod.name} holds CPU slot ${s}, outside the ${world.podCpu.next} allocated`);
    if (slotHolder.has(s)) problems.push(`pods ${slotHolder.get(s)} and ${pod.name} share CPU slot ${s}`);
    if (free.has(s)) problems.push(`pod ${pod.name} holds CPU slot ${s}, which is on the free list`);
    slotHolder.set(s, pod.name);
    const columns = [world.podCpu.metricCpuMillis[s], world.podCpu.metricMemoryMiB[s]];
    const metric = pod.metric ? [pod.metric.cpuMillis, pod.metric.memoryMiB] : [NaN, NaN];
    if (!Object.is(columns[0], metric[0]) || !Object.is(columns[1], metric[1])) problems.push(`pod ${pod.name}'s metric columns hold ${columns.join(', ')}, but its metric ${metric.join(', ')}`);
    // The VPA recommender reads a sample's time from the ledger's scrape column.
    if (pod.metric && pod.metric.timestampMs !== world.podCpu.scrapeMs[s]) problems.push(`pod ${pod.name}'s metric was taken at ${pod.metric.timestampMs} ms, but its slot was last scraped at ${world.podCpu.scrapeMs[s]} ms`);
    // Readers that list only pods past the Pending phase (the VPA recommender's) rely on it.
    if (pod.metric && podPhase(pod) === 'Pending') problems.push(`pod ${pod.name} is ${pod.state} (phase Pending) but has a metric`);
    const ready = pod.conditions.find((c) => c.type === 'Ready');
    if ((ready?.status ?? '') !== pod.readyConditionStatus || (ready?.lastTransitionMs ?? -1) !== pod.readyConditionSinceMs) {
      problems.push(`pod ${pod.name} mirrors Ready as ${pod.readyConditionStatus || 'absent'} since ${pod.readyConditionSinceMs}, but its condition is ${ready ? `${ready.status} since ${ready.lastTransitionMs}` : 'absent'}`);
    }
  }
  for (const rs of world.replicaSets.values()) {
    const active = podsOwnedBy(world, 'ReplicaSet', rs.name).filter(podIsActive).length;
    if (!world.workloadsDirty && active !== rs.replicas) problems.push(`replicaset ${rs.name} wants ${rs.replicas} but owns ${active} active pods`);
  }
  return problems;
}
