import type { ContainerSpec, Deployment, World } from '../../core/types';
import { ownedPodIndex } from '../../cluster/pods';

/**
 * Autoscalers that run as ordinary Deployments (cluster-autoscaler, cluster-proportional-autoscaler)
 * are switched on by their manifest: found by image, configured by their command line, and alive
 * only while one of their pods runs.
 */
export interface ControllerDeployment {
  deployment: Deployment;
  container: ContainerSpec;
  /** The container's command followed by its args: the process's argv. */
  argv: string[];
  /** "namespace/name" of the Deployment, made once with the answer (the CA compares it every second). */
  key: string;
}

/** `registry.k8s.io/autoscaling/cluster-autoscaler:v1.30.0` → repository's last path segment matches. */
export function imageIs(image: string, repository: string): boolean {
  const withoutDigest = image.split('@')[0];
  const lastSegment = withoutDigest.split('/').pop() ?? '';
  return lastSegment.split(':')[0] === repository;
}

/** Image repositories per container, cached per container spec (specs are replaced, never mutated). */
const repositoryCache = new WeakMap<ContainerSpec, string>();

function repositoryOf(c: ContainerSpec): string {
  let r = repositoryCache.get(c);
  if (r === undefined) {
    r = (c.image.split('@')[0].split('/').pop() ?? '').split(':')[0];
    repositoryCache.set(c, r);
  }
  return r;
}

/** The last answer per repository, with the deployments and templates it was read from. */
interface LastLookup {
  deployments: Deployment[];
  templates: Deployment['template'][];
  found: ControllerDeployment[];
}
const lastLookups = new Map<string, LastLookup>();

/**
 * The Deployments with a container of this image repository. Called every second by the CA and the
 * CPA: while the same Deployments hold the same templates (a template is replaced on change, never
 * edited in place) the previous answer is returned as is, allocation-free. Read only.
 */
export function deploymentsRunningImage(world: World, repository: string): readonly ControllerDeployment[] {
  const last = lastLookups.get(repository);
  if (last !== undefined && last.deployments.length === world.deployments.size) {
    let i = 0;
    let same = true;
    for (const d of world.deployments.values()) {
      if (last.deployments[i] !== d || last.templates[i] !== d.template) {
        same = false;
        break;
      }
      i++;
    }
    if (same) return last.found;
  }
  const deployments: Deployment[] = [];
  const templates: Deployment['template'][] = [];
  const found: ControllerDeployment[] = [];
  for (const deployment of world.deployments.values()) {
    deployments.push(deployment);
    templates.push(deployment.template);
    for (const container of deployment.template.containers) {
      if (repositoryOf(container) !== repository) continue;
      found.push({ deployment, container, argv: [...container.command, ...container.args], key: `${deployment.namespace}/${deployment.name}` });
      break;
    }
  }
  lastLookups.set(repository, { deployments, templates, found });
  return found;
}

/**
 * A pod of the Deployment whose container has started (Running, or Running and Ready). Asked every
 * second: its ReplicaSets are walked in the world's order and their pods read off the owner index,
 * since the answer does not depend on the order (replicaSetsOf sorts a new list, podsOwnedBy copies one).
 */
export function controllerPodRunning(world: World, d: Deployment): boolean {
  for (const rs of world.replicaSets.values()) {
    if (rs.deployment !== d.name || rs.namespace !== d.namespace) continue;
    const owned = ownedPodIndex(world, 'ReplicaSet', rs.name);
    if (owned === undefined) continue;
    for (const p of owned.values()) if (p.state === 'Running' || p.state === 'Ready') return true;
  }
  return false;
}

export function sameArgv(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((w, i) => w === b[i]));
}
