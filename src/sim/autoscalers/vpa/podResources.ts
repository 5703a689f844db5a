/**
 * Between the engine's containers (millicores, MiB, 0 = unset) and the VPA's resource lists
 * (millicores, bytes, absent = unset), and the one place that rewrites a pod's resources: used by
 * admission (pod not yet bound) and by in-place resize (pod bound: its node's `requested` follows).
 */
import type { ContainerSpec, Pod, Resources, World } from '../../core/types';
import { templateLimit, templateRequest } from '../../cluster/pods';
import { notePodChanged } from '../../cluster/podChanges';
import type { ContainerResources } from './admission';
import { BYTES_PER_MIB, type ResourceAmounts } from './types';

function amounts(r: Resources): ResourceAmounts {
  return {
    ...(r.cpuMillis > 0 ? { cpu: r.cpuMillis } : {}),
    ...(r.memoryMiB > 0 ? { memory: Math.round(r.memoryMiB * BYTES_PER_MIB) } : {}),
  };
}

function engineResources(a: ResourceAmounts): Resources {
  return { cpuMillis: a.cpu ?? 0, memoryMiB: a.memory !== undefined ? a.memory / BYTES_PER_MIB : 0 };
}

export function podContainerResources(pod: Pod): ContainerResources[] {
  return pod.spec.containers.map((c) => ({ name: c.name, requests: amounts(c.requests), limits: amounts(c.limits) }));
}

/** Sum of container requests in VPA units, for the in-place fit check. */
export function totalRequests(containers: readonly ContainerResources[]): { cpuMillis: number; memoryBytes: number } {
  let cpuMillis = 0;
  let memoryBytes = 0;
  for (const c of containers) {
    cpuMillis += c.requests.cpu ?? 0;
    memoryBytes += c.requests.memory ?? 0;
  }
  return { cpuMillis, memoryBytes };
}

/**
 * Give the pod these container resources. The pod's spec is copied first: it is shared with its
 * ReplicaSet's template. A bound pod's node reserves the difference; loads re-read pod caps.
 */
export function setPodContainerResources(world: World, pod: Pod, containers: readonly ContainerResources[]): void {
  const next: ContainerSpec[] = pod.spec.containers.map((c) => {
    const r = containers.find((x) => x.name === c.name);
    return r ? { ...c, requests: engineResources(r.requests), limits: engineResources(r.limits) } : c;
  });
  pod.spec = { ...pod.spec, containers: next };
  const oldRequest = pod.request;
  pod.request = templateRequest(pod.spec);
  pod.limit = templateLimit(pod.spec);
  const node = pod.nodeName ? world.nodes.get(pod.nodeName) : undefined;
  if (node) {
    node.requested.cpuMillis += pod.request.cpuMillis - oldRequest.cpuMillis;
    node.requested.memoryMiB += pod.request.memoryMiB - oldRequest.memoryMiB;
    world.schedulerDirty = true;
  }
  world.readyVersion++;
  notePodChanged(world, pod);
}
