import { isBackedOff } from './backoff';
import { binpackingEstimate, emptyTemplateNode, orderPodsForBinpacking } from './binpacking';
import {
  chooseExpansionOption,
  leastWasteScore,
  type ExpansionOption,
} from './expander';
import { addPodToNode, firstFitIndex, fitNodeOf, podsByNode, type FitNode } from './fit';
import {
  aggregateReasons,
  formatScaleUpPlan,
  log,
  notTriggerScaleUpEvent,
  scaledUpGroupEvent,
  triggeredScaleUpEvent,
} from './messages';
import type { CaPod } from './types';
import { msg } from '../../core/message';
import { pushAll } from '../../core/arrays';
import { balance, capByResourceLimits, sameShape } from './scaleUpSize';
import type { ScaleUpGroup, ScaleUpInput, ScaleUpResult } from './scaleUpTypes';

export type { ScaleUpGroup, ScaleUpInput, ScaleUpOptionSummary, ScaleUpResult } from './scaleUpTypes';

const key = (p: CaPod): string => `${p.namespace}/${p.name}`;

/** static_autoscaler.go unschedulablePodTimeBuffer. */
export const UNSCHEDULABLE_POD_TIME_BUFFER_SECONDS = 2;

/**
 * static_autoscaler.go allPodsAreNew: the oldest pod was created less than the buffer ago (Go's
 * strict After). creationTimestamp reaches the CA through the API in whole seconds, hence the floor.
 * Returns the oldest pod's age, or undefined when some pod is old enough (or of unknown age).
 */
function ageOfOldestIfAllNew(pods: readonly CaPod[], now: number): number | undefined {
  let oldest = Infinity;
  for (const p of pods) {
    if (p.createdAtSeconds === undefined) return undefined;
    oldest = Math.min(oldest, Math.floor(p.createdAtSeconds));
  }
  return oldest + UNSCHEDULABLE_POD_TIME_BUFFER_SECONDS > now ? now - oldest : undefined;
}

/** klogx.PodsLoggingQuota (utils/klogx/defaults.go): MaxPodsLogged, or MaxPodsLoggedV5 from --v=5. */
const podsLoggingQuota = (verbosity: number): number => (verbosity >= 5 ? 1000 : 20);

/** Free room on ready, schedulable existing nodes plus empty template nodes for upcoming ones. */
function simulatedCapacity(input: ScaleUpInput, waiting: readonly CaPod[]): FitNode[] {
  const nodes: FitNode[] = [];
  const podsOn = podsByNode(input.boundPods);
  const waitingOn = podsByNode(waiting.map((p) => ({ ...p, nodeName: p.nominatedNodeName })));
  for (const n of input.nodes) {
    if (!n.ready || n.unschedulable) continue;
    // addPreemptingPodsToSnapshot: forced onto their nominated node, without a fit check.
    const onNode = podsOn.get(n.name) ?? [];
    const nominated = waitingOn.get(n.name);
    nodes.push(fitNodeOf(n, nominated ? onNode.concat(nominated) : onNode));
  }
  for (const g of input.groups) {
    const upcoming = Math.max(0, g.targetSize - g.registeredNodes);
    for (let i = 0; i < upcoming; i++) {
      nodes.push(emptyTemplateNode(`upcoming-${g.name}-${i}`, g.template, input.daemonSets));
    }
  }
  return nodes;
}

/** One scale-up decision of the CA's loop (ScaleUpOrchestrator.ScaleUp and its pod filters). */
export function planScaleUp(input: ScaleUpInput): ScaleUpResult {
  const { options, nowSeconds: now } = input;
  const out: ScaleUpResult = {
    result: 'NotNeeded',
    increases: [],
    triggeringPods: [],
    awaitingPods: [],
    remainingPods: [],
    tooNewPods: [],
    expendablePods: [],
    options: [],
    skippedGroups: {},
    explanation: [],
    logs: [],
    events: [],
  };
  const candidates: CaPod[] = [];
  const waiting: CaPod[] = [];
  let nodeNames: Set<string> | undefined;
  for (const p of input.pendingPods) {
    if ((p.priority ?? 0) < options.expendablePodsPriorityCutoff) {
      out.expendablePods.push(key(p));
      continue;
    }
    // core/utils/expendable.go FilterOutExpendableAndSplit: a pod nominated to a node that still exists waits
    // for its preemption's victims, and counts as running there rather than asking for a node.
    if (p.nominatedNodeName && (nodeNames ??= new Set(input.nodes.map((n) => n.name))).has(p.nominatedNodeName)) {
      waiting.push(p);
      out.logs.push(log(4, 'expendable.go:41', `Pod ${p.name} will be scheduled after low priority pods are preempted on ${p.nominatedNodeName}. Ignoring in scale up.`));
      continue;
    }
    // static_autoscaler.go filterOutYoungPods: only pods older than the delay (strictly) may trigger.
    const age = p.createdAtSeconds === undefined ? Infinity : now - p.createdAtSeconds;
    if (!(age > options.newPodScaleUpDelaySeconds)) {
      out.tooNewPods.push(key(p));
      out.logs.push(
        log(3, 'static_autoscaler.go:971', `Pod ${p.name} is ${age.toFixed(3)} seconds old, too new to consider unschedulable`),
      );
      continue;
    }
    candidates.push(p);
  }
  // Pods that existing free room or upcoming nodes will take do not trigger another scale-up.
  // Nothing to place (the usual loop): the free-room simulation would go unread.
  const room = candidates.length > 0 ? simulatedCapacity(input, waiting) : [];
  const unschedulable: CaPod[] = [];
  for (const p of [...candidates].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0))) {
    const i = firstFitIndex(p, room);
    if (i >= 0) {
      room[i] = addPodToNode(room[i], p);
      out.awaitingPods.push(key(p));
    } else {
      unschedulable.push(p);
    }
  }
  const upcomingTotal = input.groups.reduce((s, g) => s + Math.max(0, g.targetSize - g.registeredNodes), 0);
  if (unschedulable.length === 0) {
    out.logs.push(log(1, 'static_autoscaler.go:527', 'No unschedulable pods'));
    if (out.awaitingPods.length > 0) {
      out.explanation.push(
        msg('engine.ca.awaiting', { pods: out.awaitingPods.length, upcoming: upcomingTotal }),
      );
    }
    return out;
  }
  // More pods usually follow the first ones of a rescale within a second or two: the CA waits one
  // loop for them, and skips this loop's scale-down as if the pods had been handled.
  const oldestAge = ageOfOldestIfAllNew(unschedulable, now);
  if (oldestAge !== undefined) {
    out.result = 'InCooldown';
    out.logs.push(log(1, 'static_autoscaler.go:553', 'Unschedulable pods are very new, waiting one iteration for more'));
    out.explanation.push(msg('engine.ca.podsVeryNew', { pods: unschedulable.length, age: oldestAge, buffer: UNSCHEDULABLE_POD_TIME_BUFFER_SECONDS }));
    return out;
  }
  // klogx.PodsLoggingQuota: the first MaxPodsLogged pods by name, then a count of the rest.
  const quota = podsLoggingQuota(options.verbosity);
  for (const p of unschedulable.slice(0, quota))
    out.logs.push(log(1, 'orchestrator.go:98', `Pod ${key(p)} is unschedulable`));
  if (unschedulable.length > quota)
    out.logs.push(log(1, 'orchestrator.go:100', `${unschedulable.length - quota} other pods are also unschedulable`));
  out.logs.push(log(4, 'orchestrator.go:110', `Upcoming ${upcomingTotal} nodes`));

  const rejected: Record<string, Record<string, string[]>> = {};
  const addReason = (pod: string, group: string, reason: string): void => {
    rejected[pod] ??= {};
    (rejected[pod][group] ??= []).push(reason);
  };
  const expansion: ExpansionOption[] = [];
  const byName = new Map(input.groups.map((g) => [g.name, g]));
  const acceptedSomewhere = new Set<string>();
  for (const g of input.groups) {
    let skip: string | undefined;
    if (isBackedOff(input.backoff, g.name, now)) skip = 'in backoff after failed scale-up';
    else if (g.targetSize >= g.maxSize) {
      skip = 'max node group size reached';
      out.logs.push(log(4, 'orchestrator.go:420', `Skipping node group ${g.name} - max size reached`));
    }
    if (skip) {
      out.skippedGroups[g.name] = skip;
      for (const p of unschedulable) addReason(key(p), g.name, skip);
      continue;
    }
    const limit = Math.min(options.maxNodesPerScaleUp, g.maxSize - g.targetSize);
    const estimate = binpackingEstimate(
      unschedulable.map((p) => ({ ...p, name: key(p) })),
      g.template,
      input.daemonSets,
      limit,
      `template-node-for-${g.name}`,
      room,
    );
    for (const u of estimate.unfit) addReason(u.pod, g.name, u.reason);
    for (const p of estimate.scheduledPods) acceptedSomewhere.add(p);
    for (const p of estimate.limited) acceptedSomewhere.add(p);
    if (estimate.nodeCount === 0) {
      out.logs.push(log(4, 'orchestrator.go:152', `No pod can fit to ${g.name}`));
      continue;
    }
    const podsByKey = new Map(unschedulable.map((p) => [key(p), p]));
    const option: ExpansionOption = {
      nodeGroup: g.name,
      nodeCount: estimate.nodeCount,
      pods: estimate.scheduledPods.map((name) => ({ name, requests: podsByKey.get(name)!.requests })),
      nodeCapacity: g.template.capacity,
      pricePerHour: g.pricePerHour,
    };
    expansion.push(option);
    const waste = leastWasteScore(option).score;
    out.options.push({
      group: g.name,
      nodeCount: option.nodeCount,
      pods: estimate.scheduledPods,
      wasteScore: waste,
    });
    const fit = { group: g.name, nodes: option.nodeCount, instanceType: g.instanceType, pods: option.pods.length, waste: waste.toFixed(2) };
    out.explanation.push(
      estimate.limited.length > 0
        ? msg('engine.ca.optionCapped', { ...fit, more: estimate.limited.length, max: g.maxSize })
        : msg('engine.ca.option', fit),
    );
  }
  for (const p of unschedulable) {
    if (acceptedSomewhere.has(key(p))) continue;
    const reasons = aggregateReasons(rejected[key(p)] ?? {});
    out.remainingPods.push({ pod: key(p), reasons });
    out.events.push(notTriggerScaleUpEvent(p, reasons));
  }
  if (expansion.length === 0) {
    out.result = 'NoOptionsAvailable';
    out.logs.push(log(1, 'orchestrator.go:168', 'No expansion options'));
    out.explanation.push(msg('engine.ca.noGroup', { pods: unschedulable.length }));
    return out;
  }
  const decision = chooseExpansionOption(expansion, options.expanders, {
    rng: input.rng,
    priorities: input.priorities,
    priorityWarning: input.priorityWarning,
  });
  pushAll(out.logs, decision.logs);
  for (const step of decision.steps)
    out.explanation.push(msg('engine.ca.expanderStep', { expander: step.expander, detail: step.detail, kept: step.kept.join(', ') }));
  const best = decision.chosen!;
  const bestGroup = byName.get(best.nodeGroup)!;
  out.logs.push(log(1, 'orchestrator.go:185', `Best option to resize: ${best.nodeGroup}`));
  out.logs.push(
    log(1, 'orchestrator.go:189', `Estimated ${best.nodeCount} nodes needed in ${best.nodeGroup}`),
  );

  let newNodes = best.nodeCount;
  if (options.maxNodesTotal > 0) {
    const current = input.nodes.length + upcomingTotal;
    if (current + newNodes > options.maxNodesTotal) {
      out.logs.push(
        log(1, 'orchestrator.go:688', `Capping size to max cluster total size (${options.maxNodesTotal})`),
      );
      newNodes = options.maxNodesTotal - current;
      if (newNodes < 1) {
        out.result = 'Error';
        out.error = 'max node total count already reached';
        out.explanation.push(
          msg('engine.ca.maxNodesTotal', { max: options.maxNodesTotal, nodes: current }),
        );
        return out;
      }
    }
  }
  newNodes = capByResourceLimits(newNodes, bestGroup, input, out.logs);
  if (newNodes < 1) {
    out.result = 'Error';
    out.error = 'max cluster cpu/memory limit reached';
    out.explanation.push(msg('engine.ca.resourceLimits'));
    return out;
  }
  let targets: ScaleUpGroup[] = [bestGroup];
  if (options.balanceSimilarNodeGroups) {
    const similar = input.groups.filter(
      (g) => g.name !== bestGroup.name && sameShape(g, bestGroup) && out.skippedGroups[g.name] === undefined,
    );
    targets = [bestGroup, ...similar];
    if (targets.length > 1) {
      const names = targets.map((g) => g.name).join(', ');
      out.logs.push(
        log(
          1,
          'orchestrator.go:729',
          `Splitting scale-up between ${targets.length} similar node groups: {${names}}`,
        ),
      );
    }
  }
  out.increases = balance(targets, newNodes);
  out.result = 'Successful';
  out.logs.push(log(1, 'orchestrator.go:261', `Final scale-up plan: ${formatScaleUpPlan(out.increases)}`));
  for (const inc of out.increases) {
    out.logs.push(log(0, 'executor.go:164', `Scale-up: setting group ${inc.group} size to ${inc.newSize}`));
    out.events.push(scaledUpGroupEvent(inc));
  }
  const triggering = new Set(best.pods.map((p) => p.name));
  for (const p of orderPodsForBinpacking(unschedulable, bestGroup.template)) {
    if (!triggering.has(key(p))) continue;
    out.triggeringPods.push(key(p));
    out.events.push(triggeredScaleUpEvent(p, out.increases));
  }
  out.explanation.push(
    newNodes < best.nodeCount
      ? msg('engine.ca.planCapped', { pods: unschedulable.length, plan: formatScaleUpPlan(out.increases), nodes: best.nodeCount })
      : msg('engine.ca.plan', { pods: unschedulable.length, plan: formatScaleUpPlan(out.increases) }),
  );
  return out;
}
