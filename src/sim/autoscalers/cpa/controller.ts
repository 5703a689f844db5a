import type { Controller } from '../../core/controllers';
import type { ControllerLog, World } from '../../core/types';
import { addNotice, log } from '../../core/world';
import { getConfigMap, putConfigMap } from '../../resources/configMapKind';
import { controllerPodRunning, deploymentsRunningImage, sameArgv, type ControllerDeployment } from '../cluster-autoscaler/controllerPod';
import { formatKlogLine } from '../cluster-autoscaler/messages';
import { isReadyCondition, isRegistered } from '../cluster-autoscaler/worldView';
import { parseCpaFlags, type CpaOptions } from './flags';
import type { CpaNode } from './logic';
import { cpaPoll, type CpaLogLine } from './poll';
import { CPA_STATE_KEY, cpaWorldState, newCpaInstance, stepCpaMachine, type CpaInstanceState } from './state';
import { msg } from '../../core/message';

export const CPA_IMAGE_REPOSITORY = 'cluster-proportional-autoscaler';
const SOURCE = 'cluster-proportional-autoscaler';

function printLogs(world: World, lines: readonly CpaLogLine[], verbosity: number): void {
  for (const line of lines) {
    if (line.v > verbosity) continue;
    const level: ControllerLog['level'] = line.severity === 'E' ? 'ERROR' : line.v >= 4 ? 'DEBUG' : 'INFO';
    log(world, SOURCE, formatKlogLine(line, world.timeMs / 1000, world.startEpochMs), level);
  }
}

function report(world: World, instance: CpaInstanceState, message: string, severity: 'I' | 'E'): void {
  if (instance.reported.includes(message)) return;
  instance.reported.push(message);
  addNotice(world, `${instance.deployment}: ${message}`);
  printLogs(world, [{ v: 0, severity, source: 'autoscaler.go:47', message }], 0);
}

/** What the CPA lists: every node the API server has (Launching instances are not nodes yet). */
export function cpaNodes(world: World): CpaNode[] {
  const out: CpaNode[] = [];
  for (const n of world.nodes.values()) {
    if (!isRegistered(n)) continue;
    out.push({ allocatableCpuMillis: n.allocatable.cpuMillis, ready: isReadyCondition(n), unschedulable: n.unschedulable, labels: n.labels });
  }
  return out;
}

/** One poll (pollAPIServer): count nodes, read params, set the targets' replicas. */
export function pollCpa(world: World, instance: CpaInstanceState, options: CpaOptions): void {
  const current: Record<string, number> = {};
  const missing: string[] = [];
  for (const t of options.targets) {
    const d = t.kind === 'Deployment' ? world.deployments.get(t.name) : undefined;
    if (d && d.namespace === options.namespace) current[t.name] = d.replicas;
    else missing.push(t.name);
  }
  const cm = getConfigMap(world, options.namespace, options.configMap);
  const result = cpaPoll({
    nodes: cpaNodes(world),
    configMapData: cm?.data,
    configMapVersion: cm ? String(cm.resourceVersion) : '',
    options,
    currentReplicas: current,
    previous: instance.previous,
  });
  if (result.createConfigMap) {
    putConfigMap(world, { name: options.configMap, namespace: options.namespace, data: result.createConfigMap });
  }
  const logs = [...result.logs];
  instance.polls += 1;
  instance.lastPollSeconds = world.timeMs / 1000;
  instance.status = result.status;
  if (result.params) instance.previous = result.params;
  const before = options.targets.map((t) => current[t.name]).find((r) => r !== undefined) ?? 0;
  for (const s of result.scale) {
    if (missing.includes(s.target)) continue;
    const d = world.deployments.get(s.target)!;
    d.replicas = s.to;
    d.lastScaledBy = 'cluster-proportional-autoscaler';
    world.workloadsDirty = true;
  }
  for (const name of missing) {
    const kind = options.targets.find((t) => t.name === name)?.kind ?? 'Deployment';
    const why = kind === 'Deployment' ? `deployments.apps "${name}" not found` : `${kind} targets are not simulated in the playground`;
    logs.push({ v: 0, severity: 'E', source: 'autoscaler_server.go:154', message: `Update failure: ${why}` });
  }
  printLogs(world, logs, options.verbosity);
  if (result.decision) {
    instance.replicas = result.decision.replicas;
    instance.nodes = result.decision.nodes;
    instance.cores = result.decision.cores;
  }
  instance.explanation =
    result.error !== undefined ? msg('engine.cpa.paramsError', { error: result.error }) : (result.decision?.explanation ?? null);
  stepCpaMachine(instance, {
    type: 'POLLED',
    paramsError: result.error,
    desiredReplicas: result.decision?.replicas,
    currentReplicas: before,
    explanation: result.decision?.explanation,
  });
}

function syncInstance(world: World, found: ControllerDeployment, instance: CpaInstanceState): void {
  if (!sameArgv(instance.argv, found.argv)) {
    // New flags mean a new process: it re-reads them and starts polling afresh.
    Object.assign(instance, newCpaInstance(instance.deployment, found.argv));
    const parsed = parseCpaFlags(found.argv);
    for (const n of parsed.notices) report(world, instance, n, 'I');
    for (const w of parsed.warnings) report(world, instance, w, 'E');
    for (const e of parsed.errors) report(world, instance, `${e} (the real autoscaler exits on this; it does not run here)`, 'E');
    instance.flagErrors = parsed.errors;
  }
  if (instance.flagErrors.length > 0) return;
  const running = controllerPodRunning(world, found.deployment);
  if (running && !instance.podRunning) instance.nextPollMs = world.timeMs;
  instance.podRunning = running;
  if (!running || world.timeMs < instance.nextPollMs) return;
  const { options } = parseCpaFlags(instance.argv);
  instance.nextPollMs = world.timeMs + Math.max(1, options.pollPeriodSeconds) * 1000;
  pollCpa(world, instance, options);
}

/** Every CPA Deployment is its own process; the engine calls this every second. */
export function runClusterProportionalAutoscalers(world: World): void {
  const found = deploymentsRunningImage(world, CPA_IMAGE_REPOSITORY);
  if (found.length === 0 && world.autoscalers[CPA_STATE_KEY] === undefined) return;
  const state = cpaWorldState(world);
  const live = new Set<string>();
  for (const f of found) {
    const key = `${f.deployment.namespace}/${f.deployment.name}`;
    live.add(key);
    state.instances[key] ??= newCpaInstance(key, []);
    syncInstance(world, f, state.instances[key]);
  }
  for (const [key, instance] of Object.entries(state.instances)) if (!live.has(key)) instance.podRunning = false;
}

export const cpaController: Controller = {
  name: 'cluster-proportional-autoscaler',
  periodMs: 1000,
  phaseMs: 0,
  run: runClusterProportionalAutoscalers,
};
