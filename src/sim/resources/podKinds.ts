import type { Node, Pod, World } from '../core/types';
import { formatCpu, formatMemory } from '../core/quantity';
import { sendPod } from '../lifecycle/apply';
import { describeBlock, humanDuration, rfc1123z, table } from '../views/format';
import { registerKind, type ResourceKind } from './registry';
import { createPod } from '../cluster/pods';
import { admitPodTemplate, podTemplateFromManifest } from '../manifests/podTemplate';
import { eventsFor } from '../views/events';
import { KUBELET_VERSION } from '../cluster/eksDefaults';
import { nodeObject, podObject } from './apiObjects';

/** What `kubectl get pods` prints in STATUS for each lifecycle state. */
export function podStatusText(pod: Pod): string {
  switch (pod.state) {
    case 'Scheduled':
    case 'ContainerCreating':
      return 'ContainerCreating';
    case 'Ready':
      return 'Running';
    case 'OOMKilled':
      return 'OOMKilled';
    default:
      return pod.state;
  }
}

function podReadyText(pod: Pod): string {
  const n = pod.spec.containers.length;
  return `${pod.state === 'Ready' ? n : 0}/${n}`;
}

function restartsText(world: World, pod: Pod): string {
  return pod.restarts > 0 ? `${pod.restarts} (${humanDuration(world.timeMs - pod.startedMs)} ago)` : '0';
}

function nodeStatusText(node: Node): string {
  const ready = node.state === 'Ready' || node.state === 'Cordoned' || node.state === 'Draining' ? 'Ready' : 'NotReady';
  return node.unschedulable ? `${ready},SchedulingDisabled` : ready;
}

export const podKind: ResourceKind = {
  kind: 'Pod',
  group: '',
  apiVersions: ['v1'],
  names: ['pod', 'pods', 'po'],
  plural: 'pods',
  namespaced: true,
  list: (world) => [...world.pods.values()].filter((p) => p.state !== 'Gone'),
  apply(world, doc) {
    // A bare v1 Pod: no controller owns it, so nothing recreates it once it is gone.
    const meta = (doc.metadata ?? {}) as { name?: unknown; namespace?: unknown };
    const name = typeof meta.name === 'string' ? meta.name : '';
    if (name === '') throw new Error('resource name may not be empty');
    const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
    const template = admitPodTemplate(world, podTemplateFromManifest(doc), doc, name);
    const existing = world.pods.get(name);
    if (existing && existing.state !== 'Gone') {
      if (JSON.stringify(existing.spec) === JSON.stringify(template)) return 'unchanged';
      // The API server allows only image, activeDeadlineSeconds, tolerations and a few more to change.
      throw new Error(`Pod "${name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`);
    }
    createPod(world, { name, namespace, ownerKind: 'None', ownerName: '', deployment: '', template });
    return 'created';
  },
  get(world, items, output) {
    const wide = output === 'wide';
    const rows = items.map(({ name }) => {
      const p = world.pods.get(name)!;
      const row = [name, podReadyText(p), podStatusText(p), restartsText(world, p), humanDuration(world.timeMs - p.createdMs)];
      if (wide) row.push(p.ip || '<none>', p.nodeName || '<none>', p.nominatedNodeName || '<none>', '<none>');
      return row;
    });
    const headers = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
    if (wide) headers.push('IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES');
    return table(headers, rows);
  },
  object: (world, name) => podObject(world, world.pods.get(name)!),
  describe(world, name) {
    const p = world.pods.get(name)!;
    const out: string[] = [];
    // The longer key of a pod with a class widens the value column; the label lines follow it.
    const labelIndent = ' '.repeat(p.spec.priorityClassName ? 'Priority Class Name:'.length + 2 : 14);
    out.push(
      describeBlock([
        ['Name', p.name],
        ['Namespace', p.namespace],
        ['Priority', String(p.spec.priority)],
        ...(p.spec.priorityClassName ? [['Priority Class Name', p.spec.priorityClassName] as [string, string]] : []),
        ['Node', p.nodeName ? `${p.nodeName}` : '<none>'],
        ['Start Time', p.scheduledMs !== -1 ? rfc1123z(p.scheduledMs / 1000, world.startEpochMs) : '<none>'],
        ['Labels', Object.entries(p.labels).map(([k, v]) => `${k}=${v}`).join(`\n${labelIndent}`) || '<none>'],
        ['Status', p.state === 'Ready' ? 'Running' : p.state === 'Terminating' ? 'Terminating' : p.state === 'Pending' || p.state === 'Scheduled' || p.state === 'ContainerCreating' ? 'Pending' : podStatusText(p)],
        ['Controlled By', p.ownerKind === 'None' ? '<none>' : `${p.ownerKind}/${p.ownerName}`],
      ]),
    );
    out.push('Containers:');
    for (const c of p.spec.containers) {
      out.push(`  ${c.name}:`);
      out.push(describeBlock([['Image', c.image], ['State', p.state === 'Ready' || p.state === 'Running' ? 'Running' : 'Waiting'], ['Restart Count', String(p.restarts)]], '    '));
      if (p.lastTerminationReason) out.push(`    Last State:     Terminated\n      Reason:       ${p.lastTerminationReason}`);
      if (c.limits.cpuMillis || c.limits.memoryMiB) {
        out.push('    Limits:');
        if (c.limits.cpuMillis) out.push(`      cpu:     ${formatCpu(c.limits.cpuMillis)}`);
        if (c.limits.memoryMiB) out.push(`      memory:  ${formatMemory(c.limits.memoryMiB)}`);
      }
      if (c.requests.cpuMillis || c.requests.memoryMiB) {
        out.push('    Requests:');
        if (c.requests.cpuMillis) out.push(`      cpu:        ${formatCpu(c.requests.cpuMillis)}`);
        if (c.requests.memoryMiB) out.push(`      memory:     ${formatMemory(c.requests.memoryMiB)}`);
      }
    }
    out.push('Conditions:');
    out.push(table(['  Type', 'Status'], p.conditions.map((c) => [`  ${c.type}`, c.status])));
    const qos = p.spec.containers.every((c) => c.requests.cpuMillis === c.limits.cpuMillis && c.requests.memoryMiB === c.limits.memoryMiB && c.limits.cpuMillis > 0 && c.limits.memoryMiB > 0)
      ? 'Guaranteed'
      : p.spec.containers.some((c) => c.requests.cpuMillis || c.requests.memoryMiB)
        ? 'Burstable'
        : 'BestEffort';
    out.push(`QoS Class:                   ${qos}`);
    out.push(`Node-Selectors:              ${Object.entries(p.spec.nodeSelector).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'}`);
    out.push(eventsFor(world, 'Pod', p.name));
    return out.join('\n');
  },
  delete(world, name) {
    const p = world.pods.get(name);
    if (p) sendPod(world, p, 'DELETE');
  },
};

export const nodeKind: ResourceKind = {
  kind: 'Node',
  group: '',
  apiVersions: ['v1'],
  names: ['node', 'nodes', 'no'],
  plural: 'nodes',
  namespaced: false,
  list: (world) => [...world.nodes.values()].filter((n) => n.state !== 'Launching').map((n) => ({ name: n.name, namespace: '' })),
  get(world, items, output) {
    const wide = output === 'wide';
    const rows = items.map(({ name }) => {
      const n = world.nodes.get(name)!;
      const row = [name, nodeStatusText(n), '<none>', humanDuration(world.timeMs - n.createdMs), KUBELET_VERSION];
      if (wide) row.push(n.labels['topology.kubernetes.io/zone'], n.instanceType, n.capacityType);
      return row;
    });
    const headers = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'];
    if (wide) headers.push('ZONE', 'INSTANCE-TYPE', 'CAPACITY-TYPE');
    return table(headers, rows);
  },
  object: (world, name) => nodeObject(world, world.nodes.get(name)!),
  describe(world, name) {
    const n = world.nodes.get(name)!;
    const pods = n.podNames.map((p) => world.pods.get(p)).filter((p): p is Pod => !!p);
    const pct = (a: number, b: number) => `${Math.round((a / b) * 100)}%`;
    const lim = pods.reduce((a, p) => ({ cpu: a.cpu + p.limit.cpuMillis, mem: a.mem + p.limit.memoryMiB }), { cpu: 0, mem: 0 });
    return [
      describeBlock([
        ['Name', n.name],
        ['Roles', '<none>'],
        ['Labels', Object.entries(n.labels).map(([k, v]) => `${k}=${v}`).join('\n                    ')],
        ['Taints', n.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join('\n') || (n.unschedulable ? 'node.kubernetes.io/unschedulable:NoSchedule' : '<none>')],
        ['Unschedulable', String(n.unschedulable)],
        ['ProviderID', n.providerId],
      ]),
      'Capacity:',
      `  cpu:                ${n.capacity.cpuMillis / 1000}`,
      `  memory:             ${n.capacity.memoryMiB * 1024}Ki`,
      `  pods:               ${n.capacity.pods}`,
      'Allocatable:',
      `  cpu:                ${formatCpu(n.allocatable.cpuMillis)}`,
      `  memory:             ${Math.round(n.allocatable.memoryMiB * 1024)}Ki`,
      `  pods:               ${n.allocatable.pods}`,
      `Non-terminated Pods:          (${pods.length} in total)`,
      table(
        ['  Namespace', 'Name', 'CPU Requests', 'CPU Limits', 'Memory Requests', 'Memory Limits', 'Age'],
        pods.map((p) => [
          `  ${p.namespace}`,
          p.name,
          `${formatCpu(p.request.cpuMillis)} (${pct(p.request.cpuMillis, n.allocatable.cpuMillis)})`,
          `${formatCpu(p.limit.cpuMillis)} (${pct(p.limit.cpuMillis, n.allocatable.cpuMillis)})`,
          `${formatMemory(p.request.memoryMiB)} (${pct(p.request.memoryMiB, n.allocatable.memoryMiB)})`,
          `${formatMemory(p.limit.memoryMiB)} (${pct(p.limit.memoryMiB, n.allocatable.memoryMiB)})`,
          humanDuration(world.timeMs - p.createdMs),
        ]),
      ),
      'Allocated resources:',
      '  (Total limits may be over 100 percent, i.e., overcommitted.)',
      table(
        ['  Resource', 'Requests', 'Limits'],
        [
          ['  cpu', `${formatCpu(n.requested.cpuMillis)} (${pct(n.requested.cpuMillis, n.allocatable.cpuMillis)})`, `${formatCpu(lim.cpu)} (${pct(lim.cpu, n.allocatable.cpuMillis)})`],
          ['  memory', `${formatMemory(n.requested.memoryMiB)} (${pct(n.requested.memoryMiB, n.allocatable.memoryMiB)})`, `${formatMemory(lim.mem)} (${pct(lim.mem, n.allocatable.memoryMiB)})`],
        ],
      ),
      eventsFor(world, 'Node', n.name),
    ].join('\n');
  },
};

for (const k of [podKind, nodeKind]) registerKind(k);
