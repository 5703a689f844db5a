import type { World } from '../../core/types';
import { nextFloat } from '../../core/rng';
import { nodesOfGroup } from '../../cloud/nodeGroups';
import { asgNameOf, asgOfNodeGroup, allAsgs, applyAsgToNodeGroup, nodeGroupByAsgName } from '../../cloud/asgWorld';
import { increaseSize, type AutoScalingGroup } from '../../cloud/asg';
import { getConfigMap } from '../../resources/configMapKind';
import { listPdbs } from '../../cluster/disruption/pdb';
import { backoffGroup, checkProvisioning, clearBackoff, isBackedOff } from './backoff';
import { discoverNodeGroups } from './discovery';
import { parsePriorityExpanderConfig, type PriorityConfig } from './expander';
import type { CaOptions } from './flags';
import { STATUS_CONFIGMAP, failedToScaleUpGroupEvent, formatScaleUpPlan, groupSizeSetEvent, scaledUpGroupEvent, goTimeWithMonotonic, log, type GroupIncrease } from './messages';
import { formatGoDuration } from './goFlags';
import { emitCaEvent, printCaLogs } from './output';
import { planScaleUp, type ScaleUpResult } from './scaleUp';
import { applyScaleDown } from './scanScaleDown';
import { whyNodes } from './statusReuse';
import { removeOldUnregisteredNodes } from './unregistered';
import { isClusterHealthy } from './status';
import { writeStatusConfigMap } from './statusConfigMap';
import { reportOnce } from './controllerNotices';
import { stepCaMachine, type CaWorldState } from './state';
import type { CaLogLine, CaNode, RandomSource, ScanGroup } from './types';
import {
  boundCaPodsOf,
  foundPodsLine,
  caNodeOf,
  caPodOf,
  daemonSetSpecs,
  hasStarted,
  isRegistered,
  scaleUpGroupOf,
  startedNodesOfGroup,
  unschedulablePods,
  withoutExpendable,
} from './worldView';
import { msg } from '../../core/message';
import { pushAll } from '../../core/arrays';


/** The last discovery, with the options and ASG views it was made from (both reused while unchanged). */
let lastDiscovery: { options: CaOptions; asgs: readonly AutoScalingGroup[]; warnings: readonly string[]; groups: ScanGroup[]; asgByPool: Map<string, string> } | undefined;

function sameDiscovery(world: World, options: CaOptions, asgs: readonly AutoScalingGroup[]): boolean {
  const last = lastDiscovery;
  if (last === undefined || last.options !== options || last.asgs.length !== asgs.length) return false;
  for (let i = 0; i < asgs.length; i++) if (last.asgs[i] !== asgs[i]) return false;
  for (const g of last.groups) if (world.nodeGroups.get(g.group.name) !== g.group) return false;
  return true;
}

/**
 * The groups the CA manages this scan, and each one's ASG name by node group name. The same
 * options and the same ASG views (allAsgs keeps a group's view while its fields are the same, and
 * the views name their groups) discover the same groups: every scan did it again, spreading the
 * ~60 options into a copy.
 */
export function managedGroups(world: World, options: CaOptions, state: CaWorldState): { groups: ScanGroup[]; asgByPool: ReadonlyMap<string, string> } {
  const asgs = allAsgs(world);
  if (!sameDiscovery(world, options, asgs)) {
    // `--nodes` wants the ASG name; the node group's own name (or eks-<name>) is accepted too, since
    // the generated ASG name is only visible through describe-auto-scaling-groups.
    const nodeGroups = options.nodeGroups.map((spec) => {
      const g = nodeGroupByAsgName(world, spec.name);
      return g ? { ...spec, name: asgNameOf(world, g) } : spec;
    });
    const discovery = discoverNodeGroups({ ...options, nodeGroups }, asgs);
    const groups: ScanGroup[] = [];
    for (const managed of discovery.groups) {
      const group = world.nodeGroups.get(managed.asg.tags['eks:nodegroup-name'] ?? '');
      if (group) groups.push({ managed, group });
    }
    lastDiscovery = { options, asgs, warnings: discovery.warnings, groups, asgByPool: new Map(groups.map((g) => [g.group.name, g.managed.asg.name])) };
  }
  // Every scan, as before: a new CA process (new flags) starts with nothing reported.
  for (const w of lastDiscovery!.warnings) reportOnce(world, state, w, 'W');
  return lastDiscovery!;
}

/**
 * The priority expander's ConfigMap, read as priority.go reloadConfigMap does: a missing ConfigMap
 * leaves the options unfiltered without a word; a missing key or a bad configuration gives the
 * warning logConfigWarning prints each time the expander runs.
 */
function priorityConfig(world: World, options: CaOptions): { config?: PriorityConfig; warning?: CaLogLine } {
  if (!options.expanders.includes('priority')) return {};
  const cm = getConfigMap(world, 'kube-system', 'cluster-autoscaler-priority-expander');
  if (!cm) return {};
  if (cm.data.priorities === undefined) {
    return { warning: log(0, 'priority.go:87', "Wrong configmap for priority expander, doesn't contain priorities key. Ignoring update.", 'W') };
  }
  const parsed = parsePriorityExpanderConfig(cm.data.priorities);
  if (!parsed.ok) return { warning: log(0, 'priority.go:87', `Wrong configuration for priority expander: ${parsed.error}. Ignoring update.`, 'W') };
  return { config: parsed.config };
}

/** Step 2 of the loop: scale-ups whose nodes did not register in time back their group off. */
function checkProvisionTimeouts(world: World, state: CaWorldState, groups: readonly ScanGroup[], options: CaOptions, now: number, logs: CaLogLine[]): void {
  // No scale-up waiting: nothing to time out, and no need to count every group's nodes (a fresh
  // empty list, as checkProvisioning gives).
  if (state.requests.length === 0) {
    state.requests = [];
    return;
  }
  const registered: Record<string, number> = {};
  const target: Record<string, number> = {};
  for (const g of groups) {
    registered[g.managed.asg.name] = startedNodesOfGroup(world, g.group);
    target[g.managed.asg.name] = g.group.desiredCapacity;
  }
  const check = checkProvisioning(state.requests, registered, target, now);
  const stillPending = new Set(check.pending.map((r) => r.group));
  for (const r of state.requests) {
    if (!stillPending.has(r.group) && !check.timedOut.some((t) => t.group === r.group)) {
      state.backoff = { ...clearBackoff(state.backoff, r.group) };
    }
  }
  state.requests = check.pending;
  for (const t of check.timedOut) {
    const g = groups.find((x) => x.managed.asg.name === t.group);
    if (!g) continue;
    state.backoff = { ...backoffGroup(state.backoff, t.group, now, 'scale-up timed out', options, {
      code: 'timeout',
      message: `Scale-up timed out for node group ${t.group} after ${formatGoDuration(t.afterSeconds)}`,
    }) };
    logs.push(log(0, 'clusterstate.go:278', `Scale-up timed out for node group ${t.group} after ${formatGoDuration(t.afterSeconds)}`, 'W'));
    // Only the group is backed off (clusterstate.go registerFailedScaleUp): nodes that registered late
    // stay and take their pods; instances that never registered go in removeOldUnregisteredNodes.
    emitCaEvent(world, {
      type: 'Warning',
      reason: 'ScaleUpTimedOut',
      message: `Nodes added to group ${t.group} failed to register within ${formatGoDuration(t.afterSeconds)}`,
      involvedObject: STATUS_CONFIGMAP,
    });
    state.lastScaleDownFailAtSeconds = now;
  }
}

/**
 * The AWS provider fills a group's missing instances with placeholders; when the ASG's newest
 * scaling activity since the CA raised its size failed (e.g. InsufficientInstanceCapacity), the
 * placeholders report an OutOfResource error (placeholder-cannot-be-fulfilled). clusterstate then
 * registers a failed scale-up, which backs the group off, and the CA deletes the placeholders,
 * giving the capacity back (cloudprovider/aws/auto_scaling_groups.go, clusterstate.go).
 */
function handleFailedLaunches(world: World, state: CaWorldState, groups: readonly ScanGroup[], options: CaOptions, now: number, logs: CaLogLine[]): void {
  const failures = world.faults?.asgFailures;
  if (!failures) return;
  for (const r of [...state.requests]) {
    const g = groups.find((x) => x.managed.asg.name === r.group);
    const failure = g ? failures[g.group.name] : undefined;
    if (!g || !failure || failure.atMs < r.requestedAtSeconds * 1000) continue;
    const missing = g.group.desiredCapacity - nodesOfGroup(world, g.group).length;
    if (missing <= 0) continue;
    const code = 'placeholder-cannot-be-fulfilled';
    const text = 'AWS cannot provision any more instances for this node group';
    logs.push(log(1, 'clusterstate.go:1145', `Failed adding ${missing} nodes (${missing} unseen previously) to group ${r.group} due to OutOfResource.${code}; errorMessages=[]string{"${text}"}`));
    state.backoff = { ...backoffGroup(state.backoff, r.group, now, `OutOfResource.${code}: ${text}`, options, { code, message: text }) };
    const until = state.backoff[r.group].untilSeconds;
    const untilText = goTimeWithMonotonic(world.startEpochMs + until * 1000, until * 1000 - (state.processStartMs ?? 0));
    logs.push(log(0, 'clusterstate.go:313', `Disabling scale-up for node group ${r.group} until ${untilText}; errorClass=OutOfResource; errorCode=${code}`, 'W'));
    g.group.desiredCapacity = Math.max(g.group.minSize, g.group.desiredCapacity - missing);
    state.requests = state.requests.filter((x) => x !== r);
  }
}

/**
 * executor.go ExecuteScaleUps on the world: per group, the "setting" event, the ASG's new desired
 * capacity, then the "size set to" event and a scale-up registered with clusterstate (its provision
 * timeout); a refused increase backs the group off instead. Returns how many groups grew.
 */
function executeScaleUps(world: World, state: CaWorldState, groups: readonly ScanGroup[], increases: readonly GroupIncrease[], options: CaOptions, now: number, logs: CaLogLine[]): number {
  let applied = 0;
  for (const inc of increases) {
    const g = groups.find((x) => x.managed.asg.name === inc.group);
    if (!g) continue;
    const asg = asgOfNodeGroup(world, g.group);
    const delta = inc.newSize - asg.desiredCapacity;
    if (delta <= 0) continue;
    emitCaEvent(world, scaledUpGroupEvent(inc));
    const change = increaseSize(asg, delta);
    if (change.error) {
      logs.push(log(0, 'static_autoscaler.go:511', `Failed to scale up: failed to increase node group size: ${change.error.message}`, 'E'));
      emitCaEvent(world, failedToScaleUpGroupEvent(inc.group, change.error.message));
      state.backoff = { ...backoffGroup(state.backoff, inc.group, now, change.error.message, options, {
        code: 'cloudProviderError',
        message: `failed to increase node group size: ${change.error.message}`,
      }) };
      continue;
    }
    applyAsgToNodeGroup(g.group, change.asg);
    state.requests.push({
      group: inc.group,
      increase: delta,
      requestedAtSeconds: now,
      expectedAddBySeconds: now + options.maxNodeProvisionTimeSeconds,
    });
    emitCaEvent(world, groupSizeSetEvent(inc));
    state.scaleUps += 1;
    applied += 1;
  }
  return applied;
}

function applyScaleUp(world: World, state: CaWorldState, groups: readonly ScanGroup[], up: ScaleUpResult, options: CaOptions, now: number, logs: CaLogLine[]): number {
  const applied = executeScaleUps(world, state, groups, up.increases, options, now, logs);
  if (applied > 0) {
    state.lastScaleUpAtSeconds = now;
    state.why.lastScaleUp = { atSeconds: now, lines: [...up.explanation], triggeringPods: [...up.triggeringPods] };
  }
  return applied;
}

/**
 * --enforce-node-group-min-size (orchestrator.go ScaleUpToNodeGroupMinSize), the last step of a loop
 * that did not end at a scale-up: groups whose target size is below their min grow to it, unless
 * backed off. A raise counts as a scale-up (postScaleUp: lastScaleUpTime, so scale-down-delay-after-add).
 */
function enforceMinSizes(world: World, state: CaWorldState, groups: readonly ScanGroup[], options: CaOptions, now: number, logs: CaLogLine[]): boolean {
  if (!options.enforceNodeGroupMinSize) return false;
  const plan: GroupIncrease[] = [];
  for (const g of groups) {
    const id = g.managed.asg.name;
    logs.push(log(4, 'orchestrator.go:329', `ScaleUpToNodeGroupMinSize: NodeGroup ${id}, TargetSize ${g.group.desiredCapacity}, MinSize ${g.managed.minSize}, MaxSize ${g.managed.maxSize}`));
    if (g.group.desiredCapacity >= g.managed.minSize) continue;
    if (isBackedOff(state.backoff, id, now)) {
      logs.push(log(0, 'orchestrator.go:335', 'ScaleUpToNodeGroupMinSize: node group is ready to scale up: &{[in backoff after failed scale-up]}', 'W'));
      continue;
    }
    plan.push({ group: id, currentSize: g.group.desiredCapacity, newSize: g.managed.minSize, maxSize: g.managed.maxSize });
  }
  if (plan.length === 0) {
    logs.push(log(1, 'orchestrator.go:373', 'ScaleUpToNodeGroupMinSize: scale up not needed'));
    return false;
  }
  logs.push(log(1, 'orchestrator.go:377', `ScaleUpToNodeGroupMinSize: final scale-up plan: ${formatScaleUpPlan(plan)}`));
  for (const inc of plan) logs.push(log(0, 'executor.go:164', `Scale-up: setting group ${inc.group} size to ${inc.newSize}`));
  if (executeScaleUps(world, state, groups, plan, options, now, logs) === 0) return false;
  state.lastScaleUpAtSeconds = now;
  return true;
}

function emitScaleUpEvents(world: World, state: CaWorldState, up: ScaleUpResult): void {
  const stillPending = new Set<string>();
  for (const e of up.events) {
    // executeScaleUps emitted the group's events as it grew it.
    if (e.reason === 'ScaledUpGroup') continue;
    if (e.reason === 'NotTriggerScaleUp') {
      const key = `${e.involvedObject.namespace ?? ''}/${e.involvedObject.name}`;
      stillPending.add(key);
      if (state.notTriggered[key] === e.message) continue;
      state.notTriggered[key] = e.message;
    }
    emitCaEvent(world, e);
  }
  for (const key of Object.keys(state.notTriggered)) if (!stillPending.has(key)) delete state.notTriggered[key];
}

/** Lists the views are written into before they are compared with the last scan's (read only outside registeredNodeViews). */
const scratchNodes: CaNode[] = [];
const scratchStarted: CaNode[] = [];
/** The last scan's lists, handed out again while a scan finds the same views (read only). */
let lastNodes: CaNode[] = [];
let lastStarted: CaNode[] = [];

/** `last` when `scratch` holds the same views, else a copy of `scratch`. */
function sameOrCopy(last: CaNode[], scratch: readonly CaNode[]): CaNode[] {
  if (last.length === scratch.length) {
    let i = 0;
    while (i < last.length && last[i] === scratch[i]) i++;
    if (i === last.length) return last;
  }
  return scratch.slice();
}

/**
 * The registered nodes' views and those of the started ones, in node order. Written into two
 * scratch lists and compared with the last scan's: most scans list the very same views, and two
 * lists grown by push were ~3 MB of a medium-ca hour. Lists handed out are never written to.
 */
function registeredNodeViews(world: World, asgByPool: ReadonlyMap<string, string>): { nodes: CaNode[]; started: CaNode[] } {
  let n = 0;
  let s = 0;
  // forEach: a for...of allocated an iterator result per node per scan (runCaScan was too large
  // for V8 to optimize it away).
  world.nodes.forEach((node) => {
    if (!isRegistered(node) || node.state === 'Terminating') return;
    const view = caNodeOf(node, asgByPool);
    scratchNodes[n++] = view;
    if (hasStarted(node)) scratchStarted[s++] = view;
  });
  scratchNodes.length = n;
  scratchStarted.length = s;
  lastNodes = sameOrCopy(lastNodes, scratchNodes);
  lastStarted = sameOrCopy(lastStarted, scratchStarted);
  return { nodes: lastNodes, started: lastStarted };
}

/** Nodes the groups' targets ask for that have not started yet. */
function upcomingNodes(world: World, groups: readonly ScanGroup[]): number {
  let upcoming = 0;
  for (const g of groups) upcoming += Math.max(0, g.group.desiredCapacity - startedNodesOfGroup(world, g.group));
  return upcoming;
}

/**
 * The world's random source as the planners take it, one function per world: under tsx (the bench
 * and the tests) a closure made per scan is also named by a defineProperty call.
 */
const rngs = new WeakMap<World, RandomSource>();

function rngOf(world: World): RandomSource {
  let rng = rngs.get(world);
  if (rng === undefined) rngs.set(world, (rng = () => nextFloat(world.rng)));
  return rng;
}

/** One pass of the CA's main loop (RunOnce), applied to the world. */
export function runCaScan(world: World, state: CaWorldState, options: CaOptions): void {
  const now = world.timeMs / 1000;
  const logs: CaLogLine[] = [log(4, 'static_autoscaler.go:275', 'Starting main loop')];
  const found = foundPodsLine(world);
  if (found) logs.push(log(0, 'static_autoscaler.go:1172', found));
  const { groups, asgByPool } = managedGroups(world, options, state);
  // Registered nodes' views, built once (nothing before the plans below changes a registered node,
  // and no plan writes to these views), in one pass rather than a spread, a filter and a map.
  // Nodes that never became Ready are still upcoming capacity, not scale-down candidates.
  const { nodes, started: startedNodes } = registeredNodeViews(world, asgByPool);
  const health = isClusterHealthy(startedNodes, options);
  state.deleting = state.deleting.filter((n) => world.nodes.has(n));
  removeOldUnregisteredNodes(world, groups, options, now, logs);
  if (!health.healthy) {
    if (health.log) logs.push(health.log);
    emitCaEvent(world, { type: 'Warning', reason: 'ClusterUnhealthy', message: 'Cluster is unhealthy', involvedObject: STATUS_CONFIGMAP });
    // static_autoscaler.go: an unhealthy cluster makes the planner forget its unneeded nodes
    // (CleanUpUnneededNodes); their timers start again once it is healthy.
    state.unneededSince = {};
    printCaLogs(world, logs, options.verbosity);
    stepCaMachine(state, { nowSeconds: now, tooManyUnready: true, scaleUpTriggered: false, upcomingNodes: upcomingNodes(world, groups), backedOffGroups: 0, unneededNodes: 0, deletingNodes: state.deleting.length });
    writeStatusConfigMap(world, state, groups, health, options);
    return;
  }
  checkProvisionTimeouts(world, state, groups, options, now, logs);
  handleFailedLaunches(world, state, groups, options, now, logs);

  const pdbs = listPdbs(world);
  const bound = withoutExpendable(boundCaPodsOf(world, pdbs), options.expendablePodsPriorityCutoff);
  const pending = unschedulablePods(world).map((p) => caPodOf(p));
  const scaleUpGroups = groups.map((g) => scaleUpGroupOf(world, g.group, g.managed)).filter((g) => g !== undefined);
  const priority = priorityConfig(world, options);
  const up = planScaleUp({
    nowSeconds: now,
    pendingPods: pending,
    nodes,
    boundPods: bound,
    groups: scaleUpGroups,
    daemonSets: daemonSetSpecs(world),
    options,
    backoff: state.backoff,
    rng: rngOf(world),
    priorities: priority.config,
    priorityWarning: priority.warning,
  });
  pushAll(logs, up.logs);
  const applied = applyScaleUp(world, state, groups, up, options, now, logs);
  emitScaleUpEvents(world, state, up);

  // static_autoscaler.go postScaleUp: a loop that executed a scale-up (or failed to) ends there;
  // the planner keeps last loop's unneeded nodes and the scale-down waits for the next loop.
  const down = up.increases.length > 0 ? undefined : applyScaleDown(world, state, groups, startedNodes, bound, options, now, up.result === 'InCooldown');
  const minLogs: CaLogLine[] = [];
  const minRaised = up.increases.length > 0 ? false : enforceMinSizes(world, state, groups, options, now, minLogs);
  // The loop's lines in their order, printed back to back (the same text as one list, without
  // copying the scale-down's few hundred lines into this one).
  printCaLogs(world, logs, options.verbosity);
  if (down !== undefined) printCaLogs(world, down.logs, options.verbosity);
  printCaLogs(world, minLogs, options.verbosity);

  const unneeded = down ? down.nodes.filter((n) => n.state === 'unneeded').length : state.unneededNodes;
  state.unneededNodes = unneeded;
  state.upcomingNodes = upcomingNodes(world, groups);
  const backedOff = pending.length > 0 ? groups.filter((g) => isBackedOff(state.backoff, g.managed.asg.name, now)).length : 0;
  stepCaMachine(state, {
    nowSeconds: now,
    tooManyUnready: false,
    scaleUpTriggered: applied > 0 || minRaised,
    upcomingNodes: state.upcomingNodes,
    backedOffGroups: backedOff,
    unneededNodes: unneeded,
    deletingNodes: state.deleting.length,
  });
  state.why = {
    ...state.why,
    scanAtSeconds: now,
    scaleUp: up.explanation,
    scaleDown: down === undefined ? state.why.scaleDown : down.cooldown ? [msg('engine.ca.cooldown', { reason: down.cooldown })] : [],
    nodes: down === undefined ? state.why.nodes : whyNodes(state.why.nodes, down.nodes),
  };
  writeStatusConfigMap(world, state, groups, health, options);
}
