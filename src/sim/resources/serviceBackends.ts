import type { Pod, Service, World } from '../core/types';
import { podPhase } from '../lifecycle/phase';

/**
 * What the endpoints and EndpointSlice controllers read from a Service: the pods its selector
 * picks and the ports they serve. Both objects are derived here on every read, never stored, so
 * they cannot drift from the pods (the real controllers converge within a second; the
 * playground's views are taken between ticks, when they would have).
 */

export interface Backend {
  pod: Pod;
  ready: boolean;
  terminating: boolean;
  zone: string;
}

export interface BackendPort {
  name: string;
  port: number;
  protocol: string;
}

/** A Service without a selector is left alone by both controllers: its endpoints are whatever a person writes. */
export function managesEndpoints(svc: Service): boolean {
  return Object.keys(svc.selector).length > 0;
}

function selects(svc: Service, pod: Pod): boolean {
  if (pod.namespace !== svc.namespace) return false;
  for (const k in svc.selector) if (pod.labels[k] !== svc.selector[k]) return false;
  return true;
}

/**
 * ShouldPodBeInEndpoints (pkg/api/v1/endpoints, k8s 1.33): a pod with an IP that has not
 * finished. Terminating pods are kept here; the Endpoints object drops them, EndpointSlice
 * marks them terminating.
 */
function hasEndpoint(pod: Pod): boolean {
  if (pod.ip === '' || pod.state === 'Gone') return false;
  const phase = podPhase(pod);
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/**
 * The Service's backends ordered as RepackSubsets orders addresses (LessEndpointAddress: the IP's
 * bytes, then the pod's UID), so Endpoints and EndpointSlice list them alike.
 */
export function serviceBackends(world: World, svc: Service): Backend[] {
  const out: Backend[] = [];
  for (const pod of world.pods.values()) {
    if (!selects(svc, pod) || !hasEndpoint(pod)) continue;
    const zone = world.nodes.get(pod.nodeName)?.labels['topology.kubernetes.io/zone'] ?? '';
    out.push({ pod, ready: pod.state === 'Ready', terminating: pod.state === 'Terminating', zone });
  }
  return out.sort((a, b) => (a.pod.ip < b.pod.ip ? -1 : a.pod.ip > b.pod.ip ? 1 : a.pod.uid - b.pod.uid));
}

/**
 * The ports endpoints carry: each Service port's targetPort. A named targetPort is looked up in
 * the pod's container ports (podutil.FindPort), which the engine does not keep, so such a port
 * finds no pod: the real controller skips a pod whose containers lack the name.
 */
export function backendPorts(svc: Service): BackendPort[] {
  return svc.portList.flatMap((p) => (typeof p.targetPort === 'number' ? [{ name: p.name, port: p.targetPort, protocol: p.protocol }] : []));
}

/** kubectl's list cut-off for the ENDPOINTS column (printers.go formatEndpoints, listWithMoreString). */
export const LISTED_ENDPOINTS = 3;

export function listWithMore(list: readonly string[], total: number, empty: string): string {
  const shown = list.slice(0, LISTED_ENDPOINTS).join(',');
  if (total > LISTED_ENDPOINTS) return `${shown} + ${total - LISTED_ENDPOINTS} more...`;
  return shown === '' ? empty : shown;
}
