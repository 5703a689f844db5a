import type { Deployment, PodTemplate, ReplicaSet, World } from '../core/types';
import { formatCpu, formatMemory } from '../core/quantity';
import { pushAll } from '../core/arrays';
import { podsOwnedBy } from '../cluster/pods';
import { replicaSetsOf, resolvePercent } from '../cluster/workloads';
import { podIsActive } from '../lifecycle/apply';
import { describeBlock, rfc1123z, table } from '../views/format';
import { eventsFor } from '../views/events';

/**
 * `kubectl describe deployment` and `kubectl describe rs`, laid out as kubectl's describers print
 * them (k8s.io/kubectl/pkg/describe: DeploymentDescriber, ReplicaSetDescriber, DescribePodTemplate).
 * The engine keeps no ports, environment or volumes, so those lines print kubectl's `<none>`.
 */

const labelLines = (labels: Record<string, string>, indent: number): string =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(`\n${' '.repeat(indent)}`) || '<none>';

const selectorText = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** Limits and Requests, spaced as `kubectl describe pod` prints them (podKinds.ts). */
function resourceLines(title: 'Limits' | 'Requests', r: { cpuMillis: number; memoryMiB: number }): string[] {
  if (!r.cpuMillis && !r.memoryMiB) return [];
  const pad = title === 'Limits' ? '  ' : '     ';
  const out = [`    ${title}:`];
  if (r.cpuMillis) out.push(`      cpu:   ${pad}${formatCpu(r.cpuMillis)}`);
  if (r.memoryMiB) out.push(`      memory:${pad}${formatMemory(r.memoryMiB)}`);
  return out;
}

/** DescribePodTemplate: the template's labels, containers with their resources, selectors and tolerations. */
function podTemplateLines(template: PodTemplate, labels: Record<string, string>): string[] {
  const out = ['Pod Template:', `  Labels:  ${labelLines(labels, 11)}`, '  Containers:'];
  for (const c of template.containers) {
    out.push(`   ${c.name}:`, `    Image:      ${c.image}`, '    Port:       <none>', '    Host Port:  <none>');
    if (c.command.length > 0) pushAll(out, ['    Command:', ...c.command.map((s) => `      ${s}`)]);
    if (c.args.length > 0) pushAll(out, ['    Args:', ...c.args.map((s) => `      ${s}`)]);
    pushAll(out, resourceLines('Limits', c.limits));
    pushAll(out, resourceLines('Requests', c.requests));
    out.push('    Environment:  <none>', '    Mounts:       <none>');
  }
  const nodeSelector = selectorText(template.nodeSelector);
  const tolerations = template.tolerations.map((t) => `${t.key ?? ''}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}${t.operator === 'Exists' && !t.key ? ' op=Exists' : ''}`);
  out.push('  Volumes:         <none>', `  Node-Selectors:  ${nodeSelector || '<none>'}`, `  Tolerations:     ${tolerations.join('\n                   ') || '<none>'}`);
  return out;
}

/** The deployment controller's revision of each of its ReplicaSets: 1 for the oldest kept, in creation order. */
function revisionOf(world: World, d: Deployment, rs: ReplicaSet): number {
  return replicaSetsOf(world, d).indexOf(rs) + 1;
}

/** What the deployment controller's status sync counts: its ReplicaSets, pods, updated and available ones. */
export function deploymentStatus(world: World, d: Deployment) {
  const sets = replicaSetsOf(world, d);
  const current = sets.find((rs) => rs.templateHash === d.templateHash);
  const pods = sets.flatMap((rs) => podsOwnedBy(world, 'ReplicaSet', rs.name)).filter(podIsActive);
  const updated = current ? pods.filter((p) => p.ownerName === current.name).length : 0;
  // minReadySeconds is 0: a Ready pod is available.
  const available = pods.filter((p) => p.state === 'Ready').length;
  const minAvailable = d.replicas - resolvePercent(d.maxUnavailable, d.replicas, false);
  const complete = updated === d.replicas && available === d.replicas && pods.length === d.replicas;
  return { sets, current, pods, updated, available, minAvailable, complete };
}

/** The annotations the deployment controller sets on one of its ReplicaSets. */
export function replicaSetAnnotations(world: World, d: Deployment, rs: ReplicaSet): Record<string, string> {
  return {
    'deployment.kubernetes.io/desired-replicas': String(d.replicas),
    'deployment.kubernetes.io/max-replicas': String(d.replicas + resolvePercent(d.maxSurge, d.replicas, true)),
    'deployment.kubernetes.io/revision': String(revisionOf(world, d, rs)),
  };
}

export function describeDeployment(world: World, d: Deployment): string {
  const { current, pods, updated, available, minAvailable, complete, sets } = deploymentStatus(world, d);
  const old = sets.filter((rs) => rs !== current && rs.replicas > 0);
  const rsLine = (rs: ReplicaSet) => `${rs.name} (${podsOwnedBy(world, 'ReplicaSet', rs.name).filter(podIsActive).length}/${rs.replicas} replicas created)`;
  const head = describeBlock([
    ['Name', d.name],
    ['Namespace', d.namespace],
    ['CreationTimestamp', rfc1123z(d.createdMs / 1000, world.startEpochMs)],
    ['Labels', labelLines(d.labels, 24)],
    ['Annotations', `deployment.kubernetes.io/revision: ${current ? revisionOf(world, d, current) : 0}`],
    ['Selector', selectorText(d.selector ?? d.template.labels)],
    ['Replicas', `${d.replicas} desired | ${updated} updated | ${pods.length} total | ${available} available | ${Math.max(0, pods.length - available)} unavailable`],
    ['StrategyType', 'RollingUpdate'],
    ['MinReadySeconds', '0'],
    ['RollingUpdateStrategy', `${d.maxUnavailable} max unavailable, ${d.maxSurge} max surge`],
  ]);
  const conditions = [
    available >= minAvailable ? ['  Available', 'True', 'MinimumReplicasAvailable'] : ['  Available', 'False', 'MinimumReplicasUnavailable'],
    ['  Progressing', 'True', complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated'],
  ];
  return [
    head,
    ...podTemplateLines(d.template, d.template.labels),
    'Conditions:',
    table(['  Type', 'Status', 'Reason'], [['  ----', '------', '------'], ...conditions]),
    `OldReplicaSets:  ${old.map(rsLine).join(', ') || '<none>'}`,
    `NewReplicaSet:   ${current ? rsLine(current) : '<none>'}`,
    eventsFor(world, 'Deployment', d.name),
  ].join('\n');
}

export function describeReplicaSet(world: World, rs: ReplicaSet): string {
  const labels = { ...rs.template.labels, 'pod-template-hash': rs.templateHash };
  const pods = podsOwnedBy(world, 'ReplicaSet', rs.name).filter(podIsActive);
  const running = pods.filter((p) => p.state === 'Running' || p.state === 'Ready').length;
  const d = world.deployments.get(rs.deployment);
  const annotations = d
    ? Object.entries(replicaSetAnnotations(world, d, rs))
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n                ')
    : '<none>';
  const head = describeBlock([
    ['Name', rs.name],
    ['Namespace', rs.namespace],
    ['Selector', selectorText({ ...(d?.selector ?? rs.template.labels), 'pod-template-hash': rs.templateHash })],
    ['Labels', labelLines(labels, 16)],
    ['Annotations', annotations],
    ['Controlled By', `Deployment/${rs.deployment}`],
    ['Replicas', `${pods.length} current / ${rs.replicas} desired`],
    ['Pods Status', `${running} Running / ${pods.length - running} Waiting / 0 Succeeded / 0 Failed`],
  ]);
  return [head, ...podTemplateLines(rs.template, labels), eventsFor(world, 'ReplicaSet', rs.name)].join('\n');
}
