import type { ControllerLog, Pod, World } from '../core/types';
import { podIsActive } from '../lifecycle/apply';
import { deploymentPods } from '../resources/workloadKinds';
import { argBool, argValue, namespaceArg, type ViewArgs } from './viewArgs';
import { parseLabelSelector, selectorMatches } from './labelSelector';
import { parseGoDuration } from './goDuration';
import { renderLogLine, sourceByDeploymentName, sourceOfContainers, sourceOfDeployment, timestampOf, type LogSource } from './logSources';
import type { CommandResult } from '../core/commands';

export { parseGoDuration } from './goDuration';

const DEPLOYMENT_TYPES = new Set(['deployment', 'deployments', 'deploy', 'deployment.apps', 'deployments.apps']);
const POD_TYPES = new Set(['pod', 'pods', 'po']);

/** A stream kubectl would read: one controller's log, under the pod/container name it runs as. */
interface Stream {
  source: LogSource;
  pod: string;
  container: string;
}

type Streams = { ok: true; streams: Stream[]; notes: string[]; defaultTail: number } | { ok: false; output: string };

const fail = (output: string): Streams => ({ ok: false, output });

function appLogs(what: string, image: string): string {
  return `the playground does not simulate container logs: ${what} runs ${image}, an application, and only the autoscaling controllers' logs are kept (e.g. kubectl logs -n kube-system deploy/cluster-autoscaler, kubectl logs -n karpenter deploy/karpenter, kubectl logs -n keda deploy/keda-operator)`;
}

function streamOfPod(pod: Pod, source: LogSource): Stream {
  const container = pod.spec.containers.find((c) => source.runs(c.image)) ?? pod.spec.containers[0];
  return { source, pod: pod.name, container: container?.name ?? source.controller };
}

function activePodsOf(world: World, deployment: string): Pod[] {
  const d = world.deployments.get(deployment);
  return d ? deploymentPods(world, d).filter(podIsActive).sort((a, b) => a.createdMs - b.createdMs || a.uid - b.uid) : [];
}

/** A controller installed in another of its usual namespaces than the one asked for (karpenter vs kube-system). */
function movedNote(name: string, d: { namespace: string }): string {
  return `(the scenario runs ${name} in namespace ${d.namespace}; showing its logs)`;
}

function deploymentStreams(world: World, name: string, ns: string): Streams {
  const d = world.deployments.get(name);
  const notFound = `Error from server (NotFound): deployments.apps "${name}" not found`;
  if (d) {
    const source = sourceOfDeployment(d);
    const moved = d.namespace !== ns;
    // Workshop commands name the chart's usual namespace (-n karpenter); a scenario may install it in another one.
    if (moved && !source?.namespaces.includes(ns)) return fail(`${notFound}\n(the scenario runs ${name} in namespace ${d.namespace}: kubectl logs -n ${d.namespace} deploy/${name})`);
    if (!source) return fail(appLogs(`deployment/${name}`, d.template.containers[0]?.image ?? 'its image'));
    const pods = activePodsOf(world, name);
    if (pods.length === 0) return fail(`error: timed out waiting for the condition (deployment/${name} has no pods)`);
    const notes = [...(moved ? [movedNote(name, d)] : []), ...(pods.length > 1 ? [`Found ${pods.length} pods, using pod/${pods[0].name}`] : [])];
    return { ok: true, streams: [streamOfPod(pods[0], source)], notes, defaultTail: -1 };
  }
  const source = sourceByDeploymentName(name);
  if (!source) return fail(notFound);
  // Controllers the playground runs without a pod of their own (KEDA, the HPA, the VPA, and the
  // others when the scenario has no Deployment for them) answer in their usual namespaces.
  if (!source.namespaces.includes(ns)) return fail(`${notFound}\n(the playground runs ${name} in namespace ${source.namespaces[0]}: kubectl logs -n ${source.namespaces[0]} deploy/${name})`);
  return { ok: true, streams: [{ source, pod: name, container: source.controller }], notes: [], defaultTail: -1 };
}

function podStreams(world: World, name: string, ns: string, container: string | undefined): Streams {
  const pod = world.pods.get(name);
  if (!pod || pod.namespace !== ns || pod.state === 'Gone') return fail(`Error from server (NotFound): pods "${name}" not found`);
  if (container !== undefined && !pod.spec.containers.some((c) => c.name === container)) {
    return fail(`error: container ${container} is not valid for pod ${name}`);
  }
  const d = pod.deployment ? world.deployments.get(pod.deployment) : undefined;
  const source = d ? sourceOfDeployment(d) : sourceOfContainers(pod.spec.containers);
  if (!source) return fail(appLogs(`pod/${name}`, pod.spec.containers[0]?.image ?? 'its image'));
  return { ok: true, streams: [streamOfPod(pod, source)], notes: [], defaultTail: -1 };
}

function selectorStreams(world: World, selectorText: string, ns: string, allNs: boolean): Streams {
  const selector = parseLabelSelector(selectorText);
  if (!selector.ok) return fail(selector.error);
  const matching = [...world.pods.values()].filter((p) => podIsActive(p) && selectorMatches(selector.requirements, p.labels));
  let pods = matching.filter((p) => allNs || p.namespace === ns);
  const notes: string[] = [];
  if (pods.length === 0) {
    const elsewhere = matching.find((p) => sourceOfContainers(p.spec.containers));
    if (!elsewhere) return fail(`No resources found in ${ns} namespace.`);
    if (!sourceOfContainers(elsewhere.spec.containers)!.namespaces.includes(ns)) {
      return fail(`No resources found in ${ns} namespace.\n(the scenario runs those pods in namespace ${elsewhere.namespace}: kubectl logs -n ${elsewhere.namespace} -l ${selectorText})`);
    }
    pods = matching.filter((p) => p.namespace === elsewhere.namespace);
    notes.push(movedNote(elsewhere.deployment || elsewhere.name, elsewhere));
  }
  const streams: Stream[] = [];
  for (const pod of pods) {
    const source = sourceOfContainers(pod.spec.containers);
    if (source && !streams.some((s) => s.source === source)) streams.push(streamOfPod(pod, source));
  }
  if (streams.length === 0) return fail(appLogs(`every pod matching ${selectorText}`, pods[0].spec.containers[0]?.image ?? 'its image'));
  // With a selector kubectl shows the last 10 lines of each pod unless --tail says otherwise.
  return { ok: true, streams, notes, defaultTail: 10 };
}

function streamsFor(world: World, v: ViewArgs): Streams {
  const ns = namespaceArg(v);
  const selector = argValue(v, 'selector');
  const [target, containerArg] = v.positional;
  if (selector !== undefined) {
    if (target !== undefined) return fail('error: only one of a selector or a resource name can be specified');
    return selectorStreams(world, selector, ns, argBool(v, 'all-namespaces'));
  }
  if (target === undefined) {
    return fail("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
  }
  const slash = target.indexOf('/');
  const container = argValue(v, 'container') ?? containerArg;
  if (slash < 0) return podStreams(world, target, ns, container);
  const [type, name] = [target.slice(0, slash).toLowerCase(), target.slice(slash + 1)];
  if (DEPLOYMENT_TYPES.has(type)) return deploymentStreams(world, name, ns);
  if (POD_TYPES.has(type)) return podStreams(world, name, ns, container);
  return fail(`error: the playground keeps controller logs only: use deployment/NAME or a pod name (got ${type}/${name})`);
}

/** --since / --since-time as the earliest sim second to show. */
function earliestSecond(world: World, v: ViewArgs): { ok: true; t: number } | { ok: false; output: string } {
  const since = argValue(v, 'since');
  const sinceTime = argValue(v, 'since-time');
  if (since !== undefined && sinceTime !== undefined) return { ok: false, output: 'error: at most one of `sinceTime` or `sinceSeconds` may be specified' };
  if (since !== undefined) {
    const d = parseGoDuration(since);
    if (!d.ok) return { ok: false, output: `error: invalid argument "${since}" for "--since" flag: ${d.error}` };
    return { ok: true, t: world.timeMs / 1000 - Math.ceil(d.seconds) };
  }
  if (sinceTime !== undefined) {
    const epochMs = Date.parse(sinceTime);
    if (!Number.isFinite(epochMs)) return { ok: false, output: `error: --since-time must be in RFC3339 format, got "${sinceTime}"` };
    return { ok: true, t: (epochMs - world.startEpochMs) / 1000 };
  }
  return { ok: true, t: -Infinity };
}

function linesOf(world: World, stream: Stream, earliest: number, tail: number, v: ViewArgs): string[] {
  const kept: ControllerLog[] = world.logs.filter((l) => l.controller === stream.source.controller && l.t >= earliest && !(stream.source.hidesDebug && l.level === 'DEBUG'));
  const stamp = argBool(v, 'timestamps');
  const prefix = argBool(v, 'prefix') ? `[pod/${stream.pod}/${stream.container}] ` : '';
  // The container log is kept line by line (an ERROR's stacktrace is several), so --tail counts
  // those lines and --timestamps/--prefix mark each one.
  const physical = (l: ControllerLog) => renderLogLine(world, stream.source, l).split('\n').map((text) => `${prefix}${stamp ? `${timestampOf(world, l.t)} ` : ''}${text}`);
  if (tail < 0) return kept.flatMap(physical);
  // Only the newest entries are rendered: the ring holds thousands and --tail wants a few lines.
  const newest: string[][] = [];
  for (let i = kept.length - 1, n = 0; i >= 0 && n < tail; i--) {
    newest.push(physical(kept[i]));
    n += newest[newest.length - 1].length;
  }
  const lines = newest.reverse().flat();
  return lines.slice(Math.max(0, lines.length - tail));
}

/**
 * `kubectl logs` for the controllers the playground runs: deployment/NAME, a controller's pod, or
 * -l SELECTOR; --tail, --since, --since-time, --timestamps, --prefix, --limit-bytes. `-f` prints
 * what exists (the console does not stream). An application pod's containers have no simulated log.
 */
export function logsView(world: World, v: ViewArgs): CommandResult {
  const found = streamsFor(world, v);
  if (!found.ok) return { ok: false, output: found.output };
  if (argBool(v, 'previous')) {
    const s = found.streams[0];
    return { ok: false, output: `Error from server (BadRequest): previous terminated container "${s.container}" in pod "${s.pod}" not found` };
  }
  const earliest = earliestSecond(world, v);
  if (!earliest.ok) return earliest;
  const tailText = argValue(v, 'tail');
  const tail = tailText === undefined ? found.defaultTail : Number.parseInt(tailText, 10);
  const lines = found.streams.flatMap((s) => linesOf(world, s, earliest.t, Number.isFinite(tail) ? tail : -1, v));
  let output = [...found.notes, ...lines].join('\n');
  const limit = Number.parseInt(argValue(v, 'limit-bytes') ?? '', 10);
  if (Number.isFinite(limit) && limit >= 0) output = output.slice(0, limit);
  return { ok: true, output };
}
