import type { Service, World } from '../core/types';
import { createRng, randomSuffix } from '../core/rng';
import { hash32 } from '../cloud/spotPrices';
import { humanDuration, rfc3339, table } from '../views/format';
import { registerKind, type ResourceKind } from './registry';
import { backendPorts, listWithMore, managesEndpoints, serviceBackends, type Backend } from './serviceBackends';

/**
 * discovery.k8s.io/v1 EndpointSlice: the EndpointSlice controller's one slice per Service (a
 * slice holds up to 100 endpoints, more than any playground Service has). Unlike Endpoints it
 * keeps not-ready and terminating pods, each with its conditions (pkg/controller/endpointslice,
 * k8s 1.33). A Service whose pods are all gone still has its placeholder slice, with no ports.
 */

type Obj = Record<string, unknown>;

const MANAGED_BY = 'endpointslice-controller.k8s.io';

/**
 * The slice's name: generateName `<service>-` plus the API server's random suffix. Drawn from a
 * generator seeded by the Service's identity, not from the world's, so reading a view never moves
 * the simulation's random stream and the name stays put between reads.
 */
export function sliceName(world: World, svc: Service): string {
  const rng = createRng(hash32(`endpointslice|${world.seed}|${svc.namespace}/${svc.name}|${svc.createdMs}`));
  return `${svc.name}-${randomSuffix(rng)}`;
}

function serviceOfSlice(world: World, name: string): Service | undefined {
  for (const svc of world.services.values()) if (managesEndpoints(svc) && sliceName(world, svc) === name) return svc;
  return undefined;
}

export function endpointSliceLabels(world: World, name: string): Record<string, string> {
  const svc = serviceOfSlice(world, name);
  return svc ? { 'endpointslice.kubernetes.io/managed-by': MANAGED_BY, 'kubernetes.io/service-name': svc.name } : {};
}

/** serving follows the pod's Ready condition; ready also needs the pod not to be terminating. */
function endpoint(b: Backend): Obj {
  const serving = b.pod.readyConditionStatus === 'True';
  return {
    addresses: [b.pod.ip],
    conditions: { ready: serving && !b.terminating, serving, terminating: b.terminating },
    nodeName: b.pod.nodeName,
    targetRef: { kind: 'Pod', name: b.pod.name, namespace: b.pod.namespace },
    ...(b.zone ? { zone: b.zone } : {}),
  };
}

function slice(world: World, svc: Service) {
  const backends = serviceBackends(world, svc);
  return { backends, ports: backends.length > 0 ? backendPorts(svc) : [] };
}

function sliceObject(world: World, svc: Service): Obj {
  const { backends, ports } = slice(world, svc);
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    addressType: 'IPv4',
    metadata: {
      name: sliceName(world, svc),
      generateName: `${svc.name}-`,
      namespace: svc.namespace,
      creationTimestamp: rfc3339(svc.createdMs / 1000, world.startEpochMs),
      labels: endpointSliceLabels(world, sliceName(world, svc)),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.name, controller: true, blockOwnerDeletion: true }],
    },
    // No omitempty on either list: an empty slice prints `endpoints: null` and `ports: null`.
    endpoints: backends.length > 0 ? backends.map(endpoint) : null,
    ports: ports.length > 0 ? ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })) : null,
  };
}

export const endpointSliceKind: ResourceKind = {
  kind: 'EndpointSlice',
  group: 'discovery.k8s.io',
  apiVersions: [],
  servedVersion: 'discovery.k8s.io/v1',
  names: ['endpointslice', 'endpointslices'],
  plural: 'endpointslices',
  namespaced: true,
  list: (world) => [...world.services.values()].filter(managesEndpoints).map((svc) => ({ name: sliceName(world, svc), namespace: svc.namespace })),
  get(world, items) {
    const rows = items.map(({ name }) => {
      const svc = serviceOfSlice(world, name)!;
      const { backends, ports } = slice(world, svc);
      // printers.go formatDiscoveryPorts / formatDiscoveryEndpoints: every address counts, ready or not.
      const portCol = listWithMore(ports.map((p) => String(p.port)), ports.length, '<unset>');
      const epCol = listWithMore(backends.map((b) => b.pod.ip), backends.length, '<unset>');
      return [name, 'IPv4', portCol, epCol, humanDuration(world.timeMs - svc.createdMs)];
    });
    return table(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'], rows);
  },
  object: (world, name) => sliceObject(world, serviceOfSlice(world, name)!),
};

registerKind(endpointSliceKind);
