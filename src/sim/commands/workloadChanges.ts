import type { Command, ResourceChange } from '../core/commands';
import type { ContainerSpec, Deployment, PodTemplate, World } from '../core/types';
import { formatCpu, formatMemory } from '../core/quantity';
import { kindByName, notFound, qualifiedName } from '../resources/registry';
import { templateHash } from '../manifests/podTemplate';
import type { CommandResult } from '../core/commands';
import { msg } from '../core/message';

type SetResources = Extract<Command, { type: 'setResources' }>;
type RolloutRestart = Extract<Command, { type: 'rolloutRestart' }>;

/** The annotation `kubectl rollout restart` stamps on the pod template. */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

type Found = { ok: true; deployment: Deployment; shown: string } | { ok: false; result: CommandResult };

/** The Deployment a workload command names, or kubectl's error for it. */
function findDeployment(world: World, kindName: string, name: string, namespace: string, verb: string): Found {
  const kind = kindByName(kindName);
  if (!kind) return { ok: false, result: { ok: false, output: `error: the server doesn't have a resource type "${kindName}"` } };
  if (kind.kind !== 'Deployment') {
    const output = `error: ${verb} is simulated for Deployments only in the playground (got ${kind.plural})`;
    return { ok: false, result: { ok: false, output, msg: msg('engine.command.deploymentsOnly', { verb, kind: kind.plural }) } };
  }
  const d = world.deployments.get(name);
  if (!d || d.namespace !== namespace) return { ok: false, result: { ok: false, output: notFound(kind, name) } };
  return { ok: true, deployment: d, shown: qualifiedName(kind, name) };
}

/**
 * Swap in a changed pod template. The template object is shared with the current ReplicaSet, so a
 * change is always a new object; the new hash makes the Deployment controller roll out a new ReplicaSet.
 */
function replaceTemplate(world: World, d: Deployment, template: PodTemplate): void {
  d.template = template;
  d.templateHash = templateHash(template);
  d.generation++;
  world.workloadsDirty = true;
}

function merged(current: ContainerSpec['requests'], change: ResourceChange): ContainerSpec['requests'] {
  return { cpuMillis: change.cpuMillis ?? current.cpuMillis, memoryMiB: change.memoryMiB ?? current.memoryMiB };
}

/** The API server's check that a request does not exceed its limit (0 = no limit). */
function requestOverLimit(c: ContainerSpec, index: number, deployment: string): string | undefined {
  const field = `spec.template.spec.containers[${index}].resources.requests`;
  if (c.limits.cpuMillis > 0 && c.requests.cpuMillis > c.limits.cpuMillis) {
    return `The Deployment "${deployment}" is invalid: ${field}: Invalid value: "${formatCpu(c.requests.cpuMillis)}": must be less than or equal to cpu limit of ${formatCpu(c.limits.cpuMillis)}`;
  }
  if (c.limits.memoryMiB > 0 && c.requests.memoryMiB > c.limits.memoryMiB) {
    return `The Deployment "${deployment}" is invalid: ${field}: Invalid value: "${formatMemory(c.requests.memoryMiB)}": must be less than or equal to memory limit of ${formatMemory(c.limits.memoryMiB)}`;
  }
  return undefined;
}

/** `kubectl set resources deployment NAME [-c C] --requests=… --limits=…`. */
export function setDeploymentResources(world: World, cmd: SetResources): CommandResult {
  const found = findDeployment(world, cmd.kind, cmd.name, cmd.namespace, 'kubectl set resources');
  if (!found.ok) return found.result;
  const d = found.deployment;
  const selected = (c: ContainerSpec) => cmd.container === '*' || c.name === cmd.container;
  if (!d.template.containers.some(selected)) return { ok: false, output: `error: unable to find container named ${cmd.container}` };
  const containers = d.template.containers.map((c) => (selected(c) ? { ...c, requests: merged(c.requests, cmd.requests), limits: merged(c.limits, cmd.limits) } : c));
  for (let i = 0; i < containers.length; i++) {
    const invalid = requestOverLimit(containers[i], i, d.name);
    if (invalid) return { ok: false, output: invalid };
  }
  const template = { ...d.template, containers };
  if (templateHash(template) === d.templateHash) return { ok: true, output: `${found.shown} resource requirements updated` };
  replaceTemplate(world, d, template);
  return { ok: true, output: `${found.shown} resource requirements updated` };
}

/** RFC 3339 at whole seconds, as kubectl formats restartedAt (UTC here: the sim has no local zone). */
function rfc3339(world: World): string {
  return new Date(world.startEpochMs + world.timeMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `kubectl rollout restart deployment/NAME`. */
export function restartRollout(world: World, cmd: RolloutRestart): CommandResult {
  const found = findDeployment(world, cmd.kind, cmd.name, cmd.namespace, 'kubectl rollout restart');
  if (!found.ok) return found.result;
  const d = found.deployment;
  const stamp = rfc3339(world);
  if (d.template.annotations[RESTARTED_AT_ANNOTATION] === stamp) {
    // kubectl refuses a second restart within the same second: the patch would change nothing.
    return { ok: false, output: `error: failed to create patch for ${found.shown}: if restart has already been triggered within the past second, please wait before attempting to trigger another` };
  }
  replaceTemplate(world, d, { ...d.template, annotations: { ...d.template.annotations, [RESTARTED_AT_ANNOTATION]: stamp } });
  return { ok: true, output: `${found.shown} restarted` };
}
