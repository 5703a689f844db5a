import type { Service, World } from '../core/types';
import { maxOf, pushAll } from '../core/arrays';
import { humanDuration, rfc3339, table } from '../views/format';
import { registerKind, type ResourceKind } from './registry';
import { backendPorts, listWithMore, managesEndpoints, serviceBackends, type Backend, type BackendPort } from './serviceBackends';

/**
 * core/v1 Endpoints: one per Service with a selector, named after it, as the endpoints controller
 * keeps them. Ready pods are `addresses`, the others `notReadyAddresses`; terminating pods are
 * dropped (pkg/controller/endpoint, k8s 1.33).
 */

type Obj = Record<string, unknown>;

interface Subset {
  addresses: Backend[];
  notReady: Backend[];
  ports: BackendPort[];
}

/**
 * Every pod serves the same numeric ports, so RepackSubsets folds them into one subset. With no
 * port to serve there is no subset at all, which kubectl prints as <none>.
 */
function subsetsOf(world: World, svc: Service): Subset[] {
  const ports = backendPorts(svc);
  const backends = serviceBackends(world, svc).filter((b) => !b.terminating);
  if (ports.length === 0 || backends.length === 0) return [];
  return [{ addresses: backends.filter((b) => b.ready), notReady: backends.filter((b) => !b.ready), ports }];
}

function serviceOf(world: World, name: string): Service {
  return world.services.get(name)!;
}

/** printers.go formatEndpoints: ip:port for every port of every ready address; only ready ones count. */
function endpointsColumn(subsets: Subset[]): string {
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let total = 0;
  for (const s of subsets) {
    for (const p of s.ports) {
      total += s.addresses.length;
      for (const a of s.addresses) list.push(`${a.pod.ip}:${p.port}`);
    }
  }
  return listWithMore(list, total, '');
}

function address(b: Backend): Obj {
  return { ip: b.pod.ip, nodeName: b.pod.nodeName, targetRef: { kind: 'Pod', name: b.pod.name, namespace: b.pod.namespace } };
}

function endpointsObject(world: World, svc: Service): Obj {
  const subsets = subsetsOf(world, svc).map((s) => ({
    ...(s.addresses.length > 0 ? { addresses: s.addresses.map(address) } : {}),
    ...(s.notReady.length > 0 ? { notReadyAddresses: s.notReady.map(address) } : {}),
    ports: s.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol })),
  }));
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: svc.name, namespace: svc.namespace, creationTimestamp: rfc3339(svc.createdMs / 1000, world.startEpochMs) },
    ...(subsets.length > 0 ? { subsets } : {}),
  };
}

/** Go's tabwriter as kubectl describe sets it up: cells padded to the widest in their block, plus two spaces. */
function tabbed(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => maxOf(rows.map((r) => r[i].length)) + 2);
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join(''));
}

/** kubectl describe endpoints (describe.go describeEndpoints): each subset ends with a blank line. */
function describeEndpoints(world: World, svc: Service): string {
  const ips = (bs: Backend[]) => bs.map((b) => b.pod.ip).join(',') || '<none>';
  const lines = tabbed([['Name:', svc.name], ['Namespace:', svc.namespace], ['Labels:', '<none>'], ['Annotations:', '<none>']]);
  lines.push('Subsets:');
  for (const s of subsetsOf(world, svc)) {
    pushAll(lines, tabbed([['  Addresses:', ips(s.addresses)], ['  NotReadyAddresses:', ips(s.notReady)]]));
    lines.push('  Ports:');
    pushAll(lines, tabbed([['    Name', 'Port', 'Protocol'], ['    ----', '----', '--------'], ...s.ports.map((p) => [`    ${p.name || '<unset>'}`, String(p.port), p.protocol])]));
    lines.push('');
  }
  lines.push('Events:  <none>');
  return lines.join('\n');
}

export const endpointsKind: ResourceKind = {
  kind: 'Endpoints',
  group: '',
  apiVersions: [],
  servedVersion: 'v1',
  names: ['endpoints', 'ep'],
  plural: 'endpoints',
  namespaced: true,
  warning: 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  list: (world) => [...world.services.values()].filter(managesEndpoints),
  get(world, items) {
    const rows = items.map(({ name }) => {
      const svc = serviceOf(world, name);
      return [name, endpointsColumn(subsetsOf(world, svc)), humanDuration(world.timeMs - svc.createdMs)];
    });
    return table(['NAME', 'ENDPOINTS', 'AGE'], rows);
  },
  describe: (world, name) => describeEndpoints(world, serviceOf(world, name)),
  object: (world, name) => endpointsObject(world, serviceOf(world, name)),
};

registerKind(endpointsKind);
