import type { ManifestDoc } from './core/commands';
import type { ScenarioSpec } from './core/scenario';
import type { Node, World } from './core/types';
import { createEmptyWorld, addNotice } from './core/world';
import { scheduleControllers } from './core/controllers';
import { allControllers } from './controllers';
import { launchNode } from './cloud/nodes';
import { mirrorReadyCondition } from './cluster/pods';
import { nodeGroupLabels } from './cloud/nodeGroups';
import { applyCommand, enqueueCommand } from './commands/apply';
import { CLUSTER_AGE_MS, EKS_SYSTEM_MANIFESTS } from './cluster/eksDefaults';
import { enterPodState } from './lifecycle/apply';
import { schedulePendingPods } from './cluster/scheduling/scheduler';
import { syncWorkloads } from './cluster/workloads';
import { kindByManifest } from './resources/registry';
import { installQueues } from './autoscalers/keda/kedaModule';

/**
 * Build the world a scenario starts from: its node groups already running (as an existing EKS
 * cluster would be), the EKS system workloads settled on them, then the scenario's manifests
 * applied at t=0 so their pods go through scheduling and start-up in front of the person.
 */
export function createWorld(spec: ScenarioSpec, manifests: ManifestDoc[]): World {
  const world = createEmptyWorld({
    seed: spec.seed,
    scenarioName: spec.name,
    region: spec.region,
    clusterName: spec.clusterName,
    startEpochMs: Date.parse(spec.startTime),
    tickMs: spec.tickMs,
  });
  for (const g of spec.nodeGroups) world.nodeGroups.set(g.name, { ...g });
  for (const g of world.nodeGroups.values()) {
    for (let i = 0; i < g.desiredCapacity; i++) {
      const zone = g.zones[i % g.zones.length];
      const node = launchNode(world, {
        pool: g.name,
        poolKind: 'nodeGroup',
        instanceType: g.instanceTypes[0],
        capacityType: g.capacityType,
        zone,
        labels: nodeGroupLabels(g),
        taints: g.taints,
      });
      settleNode(world, node);
    }
  }
  world.queue.heap.length = 0;
  if (spec.eksDefaults) {
    applyCommand(world, { type: 'apply', manifests: EKS_SYSTEM_MANIFESTS });
    settleSystemPods(world);
  }
  const notSimulated: ManifestDoc[] = [];
  const supported = manifests.filter((m) => {
    const known = kindByManifest(String(m.apiVersion), String(m.kind));
    if (!known) notSimulated.push(m);
    return known !== undefined;
  });
  for (const m of notSimulated) {
    const name = String((m.metadata as { name?: string } | undefined)?.name ?? '');
    addNotice(world, `${String(m.apiVersion)} ${String(m.kind)} "${name}": not simulated in this build; the document was read but has no effect`);
  }
  // Admission resolves a pod's priority from its class when the pod is created, and the loader
  // accepts a class defined anywhere in the file: classes go first.
  const classesFirst = [...supported.filter(isPriorityClass), ...supported.filter((m) => !isPriorityClass(m))];
  const result = applyCommand(world, { type: 'apply', manifests: classesFirst });
  world.commands.push({ t: 0, input: 'kubectl apply -f scenario.yaml', ok: result.ok, output: result.output });
  for (const load of spec.load) world.loads.set(load.target, { ...load });
  installQueues(world, spec.queues);
  world.readyVersion++;
  for (const cmd of spec.timeline) enqueueCommand(world, cmd);
  scheduleControllers(world, allControllers);
  return world;
}

const isPriorityClass = (m: ManifestDoc): boolean => m.kind === 'PriorityClass';

/** A node that was already running before the scenario: Ready, with its images cached. */
function settleNode(world: World, node: Node): void {
  node.createdMs = -CLUSTER_AGE_MS;
  node.readyMs = -CLUSTER_AGE_MS;
  node.state = 'Ready';
  node.epoch++;
}

/** Fast-forward the EKS add-ons to Running and Ready, as on a cluster that has been up a while. */
function settleSystemPods(world: World): void {
  // The add-ons' controllers and Services are as old as the cluster (kubectl get deploy,ds,svc -A shows their age).
  for (const d of world.deployments.values()) d.createdMs = -CLUSTER_AGE_MS;
  for (const ds of world.daemonSets.values()) ds.createdMs = -CLUSTER_AGE_MS;
  for (const svc of world.services.values()) svc.createdMs = -CLUSTER_AGE_MS;
  syncWorkloads(world);
  schedulePendingPods(world);
  for (const rs of world.replicaSets.values()) rs.createdMs = -CLUSTER_AGE_MS;
  for (const pod of world.pods.values()) {
    if (pod.state === 'Pending') continue;
    pod.createdMs = -CLUSTER_AGE_MS;
    enterPodState(world, pod, 'Running');
    enterPodState(world, pod, 'Ready');
    pod.startedMs = -CLUSTER_AGE_MS;
    pod.readySinceMs = -CLUSTER_AGE_MS;
    for (const c of pod.conditions) {
      c.lastTransitionMs = -CLUSTER_AGE_MS;
      if (c.type === 'Ready') mirrorReadyCondition(pod, c);
    }
  }
  world.queue.heap.length = 0;
  world.events.length = 0;
  world.eventCount = 0;
  world.logs.length = 0;
  world.logCount = 0;
}
