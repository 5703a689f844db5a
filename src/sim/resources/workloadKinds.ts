import type { ManifestDoc } from '../core/commands';
import type { Deployment, Pod, ServicePort, World } from '../core/types';
import { nextInt } from '../core/rng';
import { admitPodTemplate, asObj, asStringMap, podTemplateFromManifest, str, templateHash } from '../manifests/podTemplate';
import { appendPodsOwnedBy, podsOwnedBy } from '../cluster/pods';
import { replicaSetsOf } from '../cluster/workloads';
import { syncDaemonSet } from '../cluster/daemonSets';
import { enterPodState, podIsActive, sendPod } from '../lifecycle/apply';
import { humanDuration, table } from '../views/format';
import { registerKind, type ResourceKind } from './registry';
import { describeDeployment } from './workloadDescribe';
import { describeService } from './serviceDescribe';
import { daemonSetObject, deploymentObject, serviceObject } from './apiObjects';

function meta(doc: ManifestDoc) {
  const m = asObj(doc.metadata);
  return { name: str(m.name), namespace: str(m.namespace, 'default'), labels: asStringMap(m.labels) };
}

export function deploymentFromManifest(world: World, doc: ManifestDoc): Deployment {
  const { name, namespace, labels } = meta(doc);
  const spec = asObj(doc.spec);
  const template = admitPodTemplate(world, podTemplateFromManifest(spec.template), spec.template, `${name}-`);
  const rolling = asObj(asObj(spec.strategy).rollingUpdate);
  const matchLabels = asStringMap(asObj(spec.selector).matchLabels);
  return {
    name,
    namespace,
    labels,
    replicas: spec.replicas === undefined ? 1 : Number(spec.replicas),
    template,
    templateHash: templateHash(template),
    ...(Object.keys(matchLabels).length > 0 ? { selector: matchLabels } : {}),
    maxSurge: (rolling.maxSurge as string | number | undefined) ?? '25%',
    maxUnavailable: (rolling.maxUnavailable as string | number | undefined) ?? '25%',
    createdMs: world.timeMs,
    generation: 1,
    lastScaledBy: 'manifest',
  };
}

export function deploymentPods(world: World, d: Deployment): Pod[] {
  // A loop, not flatMap: flatMap is V8's generic path, several times slower on the HPA's every sync.
  const out: Pod[] = [];
  for (const rs of replicaSetsOf(world, d)) appendPodsOwnedBy(world, 'ReplicaSet', rs.name, out);
  return out;
}

export const deploymentKind: ResourceKind = {
  kind: 'Deployment',
  group: 'apps',
  apiVersions: ['apps/v1'],
  names: ['deployment', 'deployments', 'deploy'],
  plural: 'deployments',
  namespaced: true,
  apply(world, doc) {
    const next = deploymentFromManifest(world, doc);
    const prev = world.deployments.get(next.name);
    world.workloadsDirty = true;
    if (!prev) {
      world.deployments.set(next.name, next);
      return 'created';
    }
    const changed = prev.templateHash !== next.templateHash || prev.replicas !== next.replicas;
    Object.assign(prev, { ...next, createdMs: prev.createdMs, generation: prev.generation + (changed ? 1 : 0) });
    return changed ? 'configured' : 'unchanged';
  },
  list: (world) => [...world.deployments.values()],
  get(world, items) {
    const rows = items.map(({ name }) => {
      const d = world.deployments.get(name)!;
      const pods = deploymentPods(world, d).filter(podIsActive);
      const ready = pods.filter((p) => p.state === 'Ready').length;
      const upToDate = pods.filter((p) => p.ownerName.endsWith(d.templateHash)).length;
      return [name, `${ready}/${d.replicas}`, String(upToDate), String(ready), humanDuration(world.timeMs - d.createdMs)];
    });
    return table(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], rows);
  },
  describe(world, name) {
    return describeDeployment(world, world.deployments.get(name)!);
  },
  object: (world, name) => deploymentObject(world, world.deployments.get(name)!),
  delete(world, name) {
    const d = world.deployments.get(name);
    if (!d) return;
    world.deployments.delete(name);
    for (const rs of replicaSetsOf(world, d)) {
      world.replicaSets.delete(rs.name);
      for (const pod of podsOwnedBy(world, 'ReplicaSet', rs.name)) sendPod(world, pod, 'DELETE');
    }
    world.workloadsDirty = true;
  },
};

export const daemonSetKind: ResourceKind = {
  kind: 'DaemonSet',
  group: 'apps',
  apiVersions: ['apps/v1'],
  names: ['daemonset', 'daemonsets', 'ds'],
  plural: 'daemonsets',
  namespaced: true,
  apply(world, doc) {
    const { name, namespace } = meta(doc);
    const existed = world.daemonSets.has(name);
    const ds = { name, namespace, template: admitPodTemplate(world, podTemplateFromManifest(asObj(doc.spec).template), asObj(doc.spec).template, `${name}-`), createdMs: world.timeMs };
    world.daemonSets.set(name, ds);
    syncDaemonSet(world, ds, (pod) => enterPodState(world, pod, 'Scheduled'));
    return existed ? 'configured' : 'created';
  },
  list: (world) => [...world.daemonSets.values()],
  get(world, items) {
    const rows = items.map(({ name }) => {
      const ds = world.daemonSets.get(name)!;
      const pods = podsOwnedBy(world, 'DaemonSet', name).filter(podIsActive);
      const ready = pods.filter((p) => p.state === 'Ready').length;
      const desired = pods.length;
      const selector = Object.entries(ds.template.nodeSelector).map(([k, v]) => `${k}=${v}`).join(',') || '<none>';
      return [name, String(desired), String(pods.length), String(ready), String(desired), String(ready), selector, humanDuration(world.timeMs - ds.createdMs)];
    });
    return table(['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'], rows);
  },
  object: (world, name) => daemonSetObject(world, world.daemonSets.get(name)!),
  delete(world, name) {
    world.daemonSets.delete(name);
    for (const pod of podsOwnedBy(world, 'DaemonSet', name)) sendPod(world, pod, 'DELETE');
  },
};

/**
 * spec.clusterIP as written: an IPv4 address the allocator hands out as asked, or "None" for a
 * headless Service. Anything else (or nothing) gets an address from the service CIDR.
 */
function requestedClusterIP(raw: unknown): string | undefined {
  if (raw === 'None') return 'None';
  if (typeof raw !== 'string') return undefined;
  const parts = raw.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255) ? raw : undefined;
}

export const serviceKind: ResourceKind = {
  kind: 'Service',
  group: '',
  apiVersions: ['v1'],
  names: ['service', 'services', 'svc'],
  plural: 'services',
  namespaced: true,
  apply(world, doc) {
    const { name, namespace } = meta(doc);
    const existed = world.services.has(name);
    const spec = asObj(doc.spec);
    const portList = (Array.isArray(spec.ports) ? spec.ports : []).map((raw): ServicePort => {
      const p = asObj(raw);
      const port = Number(p.port);
      const target = p.targetPort;
      return { name: str(p.name), port, protocol: str(p.protocol, 'TCP'), targetPort: typeof target === 'string' || typeof target === 'number' ? target : port };
    });
    world.services.set(name, {
      name,
      namespace,
      labels: asStringMap(asObj(doc.metadata).labels),
      selector: asStringMap(spec.selector),
      clusterIP: requestedClusterIP(spec.clusterIP) ?? `10.100.${nextInt(world.rng, 0, 255)}.${nextInt(world.rng, 1, 254)}`,
      ports: portList.map((p) => `${p.port}/${p.protocol}`).join(',') || '<none>',
      portList,
      createdMs: world.timeMs,
    });
    return existed ? 'unchanged' : 'created';
  },
  list: (world) => [...world.services.values()],
  get(world, items) {
    const rows = items.map(({ name }) => {
      const s = world.services.get(name)!;
      return [name, 'ClusterIP', s.clusterIP, '<none>', s.ports, humanDuration(world.timeMs - s.createdMs)];
    });
    return table(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], rows);
  },
  object: (world, name) => serviceObject(world, world.services.get(name)!),
  describe: (world, name) => describeService(world, world.services.get(name)!),
  delete(world, name) {
    world.services.delete(name);
  },
};

for (const k of [deploymentKind, daemonSetKind, serviceKind]) registerKind(k);
