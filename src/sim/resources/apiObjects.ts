import type { ContainerSpec, DaemonSet, Deployment, Node, Pod, PodTemplate, ReplicaSet, Service, World } from '../core/types';
import { formatCpu, formatMemory } from '../core/quantity';
import { podsOwnedBy } from '../cluster/pods';
import { podIsActive } from '../lifecycle/apply';
import { deploymentStatus, replicaSetAnnotations } from './workloadDescribe';
import { podPhase } from '../lifecycle/phase';
import { rfc3339 } from '../views/format';
import { CONTAINER_RUNTIME, KERNEL, KUBELET_VERSION, OS_IMAGE, internalIpOf } from '../cluster/eksDefaults';

/**
 * The built-in objects as the API server returns them to `kubectl get -o yaml|json|jsonpath`:
 * only fields the engine models, with the API server's defaults where every real object has them
 * (schedulerName, the DefaultTolerationSeconds tolerations, lastProbeTime: null). Keys come out in
 * any order; the printers sort them, as kubectl's unstructured objects do.
 */

type Obj = Record<string, unknown>;

const time = (world: World, ms: number): string => rfc3339(ms / 1000, world.startEpochMs);

function nonEmpty<T extends object>(o: T): T | undefined {
  return Object.keys(o).length > 0 ? o : undefined;
}

function quantities(r: { cpuMillis: number; memoryMiB: number }): Obj | undefined {
  const out: Obj = {};
  if (r.cpuMillis) out.cpu = formatCpu(r.cpuMillis);
  if (r.memoryMiB) out.memory = formatMemory(r.memoryMiB);
  return nonEmpty(out);
}

/** The API server's default: Always for an untagged or :latest image, IfNotPresent otherwise. */
function pullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon < 0 || last.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function container(c: ContainerSpec): Obj {
  const resources: Obj = {};
  const limits = quantities(c.limits);
  const requests = quantities(c.requests);
  if (limits) resources.limits = limits;
  if (requests) resources.requests = requests;
  return {
    name: c.name,
    image: c.image,
    imagePullPolicy: pullPolicy(c.image),
    resources,
    ...(c.command.length > 0 ? { command: c.command } : {}),
    ...(c.args.length > 0 ? { args: c.args } : {}),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

/** The admission plugin DefaultTolerationSeconds adds these to every pod that does not set them. */
const DEFAULT_TOLERATIONS = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
];

function podSpec(t: PodTemplate, withDefaults: boolean): Obj {
  const tolerations: Obj[] = t.tolerations.map((x) => ({ ...x }));
  if (withDefaults) for (const d of DEFAULT_TOLERATIONS) if (!t.tolerations.some((x) => x.key === d.key)) tolerations.push(d);
  return {
    containers: t.containers.map(container),
    ...(t.initContainers.length > 0 ? { initContainers: t.initContainers.map(container) } : {}),
    ...(nonEmpty(t.nodeSelector) ? { nodeSelector: t.nodeSelector } : {}),
    ...(t.priority ? { priority: t.priority } : withDefaults ? { priority: 0 } : {}),
    ...(t.priorityClassName ? { priorityClassName: t.priorityClassName } : {}),
    ...(t.preemptionPolicy ? { preemptionPolicy: t.preemptionPolicy } : withDefaults ? { preemptionPolicy: 'PreemptLowerPriority' } : {}),
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    terminationGracePeriodSeconds: t.terminationGracePeriodSeconds,
    ...(tolerations.length > 0 ? { tolerations } : {}),
  };
}

function template(t: PodTemplate, labels: Record<string, string>): Obj {
  return { metadata: { labels, ...(nonEmpty(t.annotations) ? { annotations: t.annotations } : {}) }, spec: podSpec(t, false) };
}

function containerState(world: World, pod: Pod): Obj {
  switch (pod.state) {
    case 'Pending':
    case 'Scheduled':
    case 'ContainerCreating':
      return { waiting: { reason: 'ContainerCreating' } };
    case 'CrashLoopBackOff':
      return { waiting: { reason: 'CrashLoopBackOff' } };
    case 'OOMKilled':
      return { terminated: { exitCode: 137, reason: 'OOMKilled' } };
    case 'Succeeded':
      return { terminated: { exitCode: 0, reason: 'Completed' } };
    default:
      return { running: { startedAt: time(world, pod.startedMs) } };
  }
}

function qosClass(pod: Pod): string {
  const cs = pod.spec.containers;
  if (cs.every((c) => c.limits.cpuMillis > 0 && c.limits.memoryMiB > 0 && c.requests.cpuMillis === c.limits.cpuMillis && c.requests.memoryMiB === c.limits.memoryMiB)) return 'Guaranteed';
  return cs.some((c) => c.requests.cpuMillis || c.requests.memoryMiB || c.limits.cpuMillis || c.limits.memoryMiB) ? 'Burstable' : 'BestEffort';
}

export function podObject(world: World, pod: Pod): Obj {
  const started = pod.state === 'Running' || pod.state === 'Ready' || pod.state === 'Terminating';
  const metadata: Obj = {
    name: pod.name,
    namespace: pod.namespace,
    creationTimestamp: time(world, pod.createdMs),
    labels: pod.labels,
    ...(nonEmpty(pod.spec.annotations) ? { annotations: pod.spec.annotations } : {}),
  };
  if (pod.ownerKind !== 'None') {
    metadata.generateName = `${pod.ownerName}-`;
    metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: pod.ownerKind, name: pod.ownerName, controller: true, blockOwnerDeletion: true }];
  }
  if (pod.state === 'Terminating') {
    metadata.deletionTimestamp = time(world, pod.deletionMs + pod.spec.terminationGracePeriodSeconds * 1000);
    metadata.deletionGracePeriodSeconds = pod.spec.terminationGracePeriodSeconds;
  }
  const spec = podSpec(pod.spec, true);
  if (pod.nodeName) spec.nodeName = pod.nodeName;
  const status: Obj = {
    phase: podPhase(pod),
    qosClass: qosClass(pod),
    conditions: pod.conditions.map((c) => ({
      type: c.type,
      status: c.status,
      lastProbeTime: null,
      lastTransitionTime: time(world, c.lastTransitionMs),
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
    })),
  };
  if (pod.nominatedNodeName) status.nominatedNodeName = pod.nominatedNodeName;
  if (pod.scheduledMs !== -1) status.startTime = time(world, pod.scheduledMs);
  if (pod.ip) status.podIP = pod.ip;
  if (pod.ip) status.podIPs = [{ ip: pod.ip }];
  if (pod.scheduledMs !== -1) {
    status.containerStatuses = pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image,
      ready: pod.state === 'Ready',
      restartCount: pod.restarts,
      started,
      state: containerState(world, pod),
      ...(pod.lastTerminationReason ? { lastState: { terminated: { reason: pod.lastTerminationReason } } } : {}),
    }));
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec, status };
}

function nodeReady(node: Node): boolean {
  return node.state === 'Ready' || node.state === 'Cordoned' || node.state === 'Draining';
}

export function nodeObject(world: World, node: Node): Obj {
  const ip = internalIpOf(node.name);
  const arch = node.labels['kubernetes.io/arch'] ?? 'amd64';
  const resources = (r: { cpuMillis: number; memoryMiB: number; pods: number }) => ({
    cpu: formatCpu(r.cpuMillis),
    memory: `${Math.round(r.memoryMiB * 1024)}Ki`,
    pods: String(r.pods),
  });
  const since = node.readyMs >= 0 ? node.readyMs : node.createdMs;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      creationTimestamp: time(world, node.createdMs),
      labels: node.labels,
      ...(nonEmpty(node.annotations) ? { annotations: node.annotations } : {}),
    },
    spec: {
      providerID: node.providerId,
      ...(node.taints.length > 0 ? { taints: node.taints.map((t) => ({ ...t })) } : {}),
      ...(node.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      capacity: resources(node.capacity),
      allocatable: resources(node.allocatable),
      conditions: [
        {
          type: 'Ready',
          status: nodeReady(node) ? 'True' : node.state === 'Registered' ? 'False' : 'Unknown',
          reason: nodeReady(node) ? 'KubeletReady' : 'KubeletNotReady',
          lastHeartbeatTime: time(world, world.timeMs),
          lastTransitionTime: time(world, since),
        },
      ],
      ...(ip !== '<none>' ? { addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: node.name }, { type: 'InternalDNS', address: node.name }] } : {}),
      // The same AL2023 image `get nodes -o wide` prints (nodesWide.ts): the OS is not modelled.
      nodeInfo: {
        architecture: arch,
        containerRuntimeVersion: CONTAINER_RUNTIME,
        kernelVersion: `${KERNEL}.${arch === 'arm64' ? 'aarch64' : 'x86_64'}`,
        kubeletVersion: KUBELET_VERSION,
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
      },
    },
  };
}

export function deploymentObject(world: World, d: Deployment): Obj {
  const { sets, current, pods, updated, available: ready, minAvailable, complete } = deploymentStatus(world, d);
  const status: Obj = {
    observedGeneration: d.generation,
    conditions: [
      { type: 'Available', status: ready >= minAvailable ? 'True' : 'False', reason: ready >= minAvailable ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', message: ready >= minAvailable ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.' },
      { type: 'Progressing', status: 'True', reason: complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', message: complete ? `ReplicaSet "${current?.name ?? ''}" has successfully progressed.` : `ReplicaSet "${current?.name ?? ''}" is progressing.` },
    ],
  };
  // omitempty: zero counts are left out, as the API server's JSON does.
  if (pods.length) status.replicas = pods.length;
  if (updated) status.updatedReplicas = updated;
  if (ready) status.readyReplicas = ready;
  if (ready) status.availableReplicas = ready;
  if (pods.length - ready > 0) status.unavailableReplicas = pods.length - ready;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: d.name,
      namespace: d.namespace,
      creationTimestamp: time(world, d.createdMs),
      generation: d.generation,
      annotations: { 'deployment.kubernetes.io/revision': String(current ? sets.indexOf(current) + 1 : 0) },
      ...(nonEmpty(d.labels) ? { labels: d.labels } : {}),
    },
    spec: {
      replicas: d.replicas,
      selector: { matchLabels: d.selector ?? d.template.labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: d.maxSurge, maxUnavailable: d.maxUnavailable } },
      template: template(d.template, d.template.labels),
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
    },
    status,
  };
}

export function daemonSetObject(world: World, ds: DaemonSet): Obj {
  const pods = podsOwnedBy(world, 'DaemonSet', ds.name).filter(podIsActive);
  const ready = pods.filter((p) => p.state === 'Ready').length;
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: ds.name, namespace: ds.namespace, creationTimestamp: time(world, ds.createdMs) },
    spec: { selector: { matchLabels: ds.template.labels }, template: template(ds.template, ds.template.labels), updateStrategy: { type: 'RollingUpdate' } },
    status: { currentNumberScheduled: pods.length, desiredNumberScheduled: pods.length, numberReady: ready, numberAvailable: ready || undefined, updatedNumberScheduled: pods.length, numberMisscheduled: 0 },
  };
}

export function serviceObject(world: World, s: Service): Obj {
  const ports = s.portList.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol, targetPort: p.targetPort }));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s.name, namespace: s.namespace, creationTimestamp: time(world, s.createdMs), ...(Object.keys(s.labels).length > 0 ? { labels: s.labels } : {}) },
    // What the API server defaults on a single-stack IPv4 cluster such as EKS's.
    spec: {
      clusterIP: s.clusterIP,
      clusterIPs: [s.clusterIP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports,
      ...(Object.keys(s.selector).length > 0 ? { selector: s.selector } : {}),
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  };
}

export function replicaSetObject(world: World, rs: ReplicaSet): Obj {
  const pods = podsOwnedBy(world, 'ReplicaSet', rs.name).filter(podIsActive);
  const ready = pods.filter((p) => p.state === 'Ready').length;
  const d = world.deployments.get(rs.deployment);
  const labels = { ...rs.template.labels, 'pod-template-hash': rs.templateHash };
  const status: Obj = { replicas: pods.length, observedGeneration: 1 };
  if (ready) status.readyReplicas = ready;
  if (ready) status.availableReplicas = ready;
  if (pods.length) status.fullyLabeledReplicas = pods.length;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: rs.name,
      namespace: rs.namespace,
      creationTimestamp: time(world, rs.createdMs),
      labels,
      ...(d ? { annotations: replicaSetAnnotations(world, d, rs) } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: rs.deployment, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      replicas: rs.replicas,
      selector: { matchLabels: { ...(d?.selector ?? rs.template.labels), 'pod-template-hash': rs.templateHash } },
      template: template(rs.template, labels),
    },
    status,
  };
}
