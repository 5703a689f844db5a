import type { Command, CommandResult, ManifestDoc, TimedCommand } from '../core/commands';
import type { World } from '../core/types';
import { addNotice } from '../core/world';
import { checkEviction } from '../cluster/disruption/eviction';
import { kindByManifest, kindByName, notFound, qualifiedName } from '../resources/registry';
import { sendNode } from '../lifecycle/apply';
import { createPod } from '../cluster/pods';
import { noteAnyPodChanged } from '../cluster/podChanges';
import { podTemplateFromManifest, str } from '../manifests/podTemplate';
import { runView } from './views';
import { applyAutoscaleCommand, applyHpaBounds } from './autoscale';
import { updateAutoScalingGroup } from './aws';
import { interruptSpotInstance } from '../autoscalers/karpenter/engine/interruption';
import { restartRollout, setDeploymentResources } from './workloadChanges';
import { sendSpotInterruption, terminateInstances } from './ec2';
import { applyFaultCommand } from '../faults/apply';
import '../resources/all';
import { msg } from '../core/message';

/** What a request costs when a load generator targets a service the scenario did not describe (php-apache's cost). */
const DEFAULT_CPU_PER_REQUEST_MILLIS = 50;

// CommandResult lives in core/commands (kinds and autoscalers return it too); re-exported here.
export type { CommandResult };

/** Queue a command for the next tick boundary at or after its time. */
export function enqueueCommand(world: World, cmd: TimedCommand): void {
  const list = world.pendingCommands;
  let i = list.length;
  while (i > 0 && list[i - 1].atMs > cmd.atMs) i--;
  list.splice(i, 0, cmd);
}

export function applyDueCommands(world: World): void {
  while (world.pendingCommands.length > 0 && world.pendingCommands[0].atMs <= world.timeMs) {
    const cmd = world.pendingCommands.shift()!;
    const result = applyGuarded(world, cmd);
    world.readyVersion++;
    noteAnyPodChanged(world);
    world.commands.push({ t: world.timeMs / 1000, input: cmd.input, ok: result.ok, output: result.output });
  }
}

/** A command that throws fails like a refused one: the run goes on and the log says why. */
function applyGuarded(world: World, cmd: TimedCommand): CommandResult {
  try {
    return applyCommand(world, cmd.command);
  } catch (err) {
    return { ok: false, output: `error: ${cmd.input}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function applyManifests(world: World, docs: ManifestDoc[]): CommandResult {
  const lines: string[] = [];
  let ok = true;
  for (const doc of docs) {
    const apiVersion = str(doc.apiVersion);
    const kindName = str(doc.kind);
    const name = String((doc.metadata as { name?: string } | undefined)?.name ?? '');
    const kind = kindByManifest(apiVersion, kindName);
    if (!kind?.apply) {
      ok = false;
      lines.push(`error: resource mapping not found for name: "${name}" namespace: "" from "STDIN": no matches for kind "${kindName}" in version "${apiVersion}"`);
      continue;
    }
    for (const w of kind.warnings?.(doc) ?? []) lines.push(w);
    try {
      lines.push(`${qualifiedName(kind, name)} ${kind.apply(world, doc)}`);
    } catch (err) {
      ok = false;
      lines.push(`error: ${qualifiedName(kind, name)}: ${(err as Error).message}`);
    }
  }
  return { ok, output: lines.join('\n') };
}

export function applyCommand(world: World, cmd: Command): CommandResult {
  switch (cmd.type) {
    case 'apply':
      return applyManifests(world, cmd.manifests);
    case 'scale': {
      const kind = kindByName(cmd.kind);
      const d = world.deployments.get(cmd.name);
      if (!kind || kind.kind !== 'Deployment') {
        return { ok: false, output: `error: scaling ${cmd.kind} is not supported in the playground (deployments only)`, msg: msg('engine.command.scaleDeploymentsOnly', { kind: cmd.kind }) };
      }
      if (!d) return { ok: false, output: notFound(kind, cmd.name) };
      d.replicas = cmd.replicas;
      d.lastScaledBy = 'kubectl scale';
      world.workloadsDirty = true;
      return { ok: true, output: `${qualifiedName(kind, cmd.name)} scaled` };
    }
    case 'delete': {
      const kind = kindByName(cmd.kind);
      if (!kind?.delete) return { ok: false, output: `error: the server doesn't have a resource type "${cmd.kind}"` };
      if (!kind.list(world).some((o) => o.name === cmd.name)) return { ok: false, output: notFound(kind, cmd.name) };
      kind.delete(world, cmd.name, cmd.namespace);
      for (const load of world.loads.values()) {
        if (load.generators) load.generators = load.generators.filter((g) => g.pod !== cmd.name);
      }
      // As kubectl prints it: the resource with its API group (deployment.apps "web" deleted).
      return { ok: true, output: `${kind.kind.toLowerCase()}${kind.group ? `.${kind.group}` : ''} "${cmd.name}" deleted` };
    }
    case 'cordon':
    case 'uncordon':
    case 'drain': {
      const node = world.nodes.get(cmd.node);
      if (!node || node.state === 'Launching') return { ok: false, output: `Error from server (NotFound): nodes "${cmd.node}" not found` };
      if (cmd.type === 'uncordon') {
        const changed = sendNode(world, node, 'UNCORDON');
        return { ok: true, output: `node/${node.name} ${changed ? 'uncordoned' : 'already uncordoned'}` };
      }
      if (cmd.type === 'cordon') {
        const changed = sendNode(world, node, 'CORDON');
        return { ok: true, output: `node/${node.name} ${changed ? 'cordoned' : 'already cordoned'}` };
      }
      if (!cmd.ignoreDaemonsets) {
        return {
          ok: false,
          output: `node/${node.name} cordoned\nerror: unable to drain node "${node.name}" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)`,
        };
      }
      // kubectl drain evicts through the Eviction API; a PodDisruptionBudget refusal is retried (the
      // engine's drain keeps trying every step) and printed as kubectl prints it.
      const lines = [`node/${node.name} cordoned`];
      let blocked = false;
      for (const name of node.podNames) {
        const pod = world.pods.get(name);
        if (!pod || pod.ownerKind === 'DaemonSet' || pod.state === 'Terminating' || pod.state === 'Gone') continue;
        lines.push(`evicting pod ${pod.namespace}/${pod.name}`);
        const r = checkEviction(world, pod);
        if (!r.ok) {
          blocked = true;
          lines.push(`error when evicting pods/"${pod.name}" -n "${pod.namespace}" (will retry after 5s): ${r.message}`);
        }
      }
      sendNode(world, node, 'DRAIN');
      if (!blocked) lines.push(`node/${node.name} drained`);
      return { ok: true, output: lines.join('\n') };
    }
    case 'autoscale':
      return applyAutoscaleCommand(world, cmd);
    case 'setHpaBounds':
      return applyHpaBounds(world, cmd);
    case 'runLoadGenerator': {
      if (world.pods.has(cmd.podName)) return { ok: false, output: `Error from server (AlreadyExists): pods "${cmd.podName}" already exists` };
      const template = podTemplateFromManifest({
        metadata: { labels: { run: cmd.podName } },
        spec: { containers: [{ name: cmd.podName, image: cmd.image }] },
      });
      createPod(world, { name: cmd.podName, namespace: 'default', ownerKind: 'None', ownerName: '', deployment: '', template });
      const load = world.loads.get(cmd.target);
      const generator = { pod: cmd.podName, thinkTimeMs: cmd.thinkTimeMs };
      if (load) {
        load.generators = [...(load.generators ?? []), generator];
      } else {
        world.loads.set(cmd.target, {
          target: cmd.target,
          cpuPerRequestMillis: DEFAULT_CPU_PER_REQUEST_MILLIS,
          memoryPerInflightMiB: 1,
          timeoutMs: 30_000,
          generators: [generator],
        });
        addNotice(world, `load-generator: the scenario gives ${cmd.target} no load entry, so each request is assumed to cost ${DEFAULT_CPU_PER_REQUEST_MILLIS}m of CPU`);
      }
      return { ok: true, output: `pod/${cmd.podName} created` };
    }
    case 'setLoad': {
      const load = world.loads.get(cmd.target);
      if (!load) return { ok: false, output: `error: no load targets "${cmd.target}"` };
      if (cmd.rps !== undefined) load.profile = [{ atMs: world.timeMs, rps: cmd.rps, rampMs: 0 }];
      if (cmd.clients !== undefined) load.clients = { count: cmd.clients, thinkTimeMs: cmd.thinkTimeMs ?? load.clients?.thinkTimeMs ?? 10 };
      return { ok: true, output: `load/${cmd.target} set` };
    }
    case 'updateAsg':
      return updateAutoScalingGroup(world, cmd);
    case 'interruptSpot':
      return interruptSpotInstance(world, cmd.node);
    case 'killNode': {
      const node = world.nodes.get(cmd.node);
      if (!node) return { ok: false, output: `Error from server (NotFound): nodes "${cmd.node}" not found` };
      sendNode(world, node, 'FAULT');
      return { ok: true, output: `node/${node.name} stopped responding`, msg: msg('engine.fault.nodeStopped', { node: node.name }) };
    }
    case 'view':
      return runView(world, cmd.args);
    case 'setResources':
      return setDeploymentResources(world, cmd);
    case 'rolloutRestart':
      return restartRollout(world, cmd);
    case 'terminateInstances':
      return terminateInstances(world, cmd);
    case 'sendSpotInterruption':
      return sendSpotInterruption(world, cmd);
    case 'zoneOutage':
    case 'metricsServerOutage':
    case 'capacityShortage':
      return applyFaultCommand(world, cmd);
    default: {
      // Commands are validated at the door (src/scenario/commandSchema.ts); this guards whatever slips past.
      const type = (cmd as { type?: unknown }).type;
      return { ok: false, output: `error: unknown command type "${String(type)}"` };
    }
  }
}
