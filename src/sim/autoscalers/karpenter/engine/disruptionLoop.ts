import type { World } from '../../../core/types';
import { computeDisruption, expiredNodes, validateCommand } from '../disruption/controller';
import type { DisruptionCommand } from '../disruption/methods';
import { disruptionLogLine, instanceTypeList, type LogStyle } from '../logs';
import { formatDuration } from '../units';
import { abandoningCommand, commandId, deletingExpiredNodeClaim } from '../logsV1';
import { karpenterEvent, karpenterLog, pruneEventKeys } from './logging';
import { disruptionState, sendMachine } from './machineDriver';
import { deleteNodeClaim, launchNodeClaim, taintDisrupted, untaintDisrupted } from './nodeClaims';
import { styleOfPool, type KarpenterState } from './state';
import { disruptionInput, disruptionNodes, plainDisruptionNode } from './worldViews';
import { msg, type Message } from '../../../core/message';

/**
 * Karpenter's disruption controller. Every 10 s (when no command is in flight) it runs
 * Emptiness → multi-node → single-node consolidation; a command then waits 15 s, is validated
 * against the cluster as it is then, and is executed: taint, launch the replacement and wait for
 * it to initialize, then delete the candidates (drain, terminate). Expiration runs beside it.
 */

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function commandStyle(state: KarpenterState, cmd: DisruptionCommand): LogStyle {
  return styleOfPool(state, cmd.candidates[0]?.nodePool ?? '');
}

export function explainCommand(cmd: DisruptionCommand): Message {
  const names = cmd.candidates.map((c) => `${c.name} (${c.instanceType} ${c.capacityType}, $${c.price}/h)`).join(', ');
  const before = cmd.candidates.reduce((s, c) => s + c.price, 0);
  const after = cmd.replacement ? cmd.replacement.launch.price : 0;
  const what = cmd.replacement
    ? msg('engine.karpenter.replace', {
        capacityType: cmd.replacement.launch.capacityType,
        types: instanceTypeList(cmd.replacement.nodeClaim.instanceTypeOptions.map((o) => o.name)),
        instanceType: cmd.replacement.launch.instanceType,
      })
    : cmd.method === 'emptiness'
      ? msg('engine.karpenter.delete')
      : msg('engine.karpenter.deleteFit');
  const reason = msg(cmd.method === 'emptiness' ? 'engine.karpenter.whyEmpty' : 'engine.karpenter.whyUnderutilized');
  return msg('engine.karpenter.command', { method: cmd.method, reason: cmd.reason, names, why: reason, what, before: round(before), after: round(after) });
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The 10 s poll. */
export function runDisruptionPoll(world: World, state: KarpenterState): void {
  pruneEventKeys(world, state);
  expireNodeClaims(world, state);
  if (disruptionState(state.machine.value) !== 'idle') return;
  if (Object.keys(state.nodePools).length === 0) return;
  sendMachine(state, { type: 'DISRUPTION_POLL' }, world.timeMs);
  const result = computeDisruption(disruptionInput(world, state));
  state.budgets = result.budgets;
  for (const e of result.events) karpenterEvent(world, state, e);
  if (!result.command) {
    sendMachine(state, { type: 'NO_COMMAND' }, world.timeMs);
    return;
  }
  // Candidates are stored as plain data: the world is checkpointed by copying plain data.
  const command = { ...result.command, candidates: result.command.candidates.map(plainDisruptionNode) };
  state.pendingCommand = { command, foundMs: world.timeMs };
  state.lastDisruption = { atMs: world.timeMs, text: msg('engine.karpenter.found', { command: explainCommand(result.command), seconds: 15 }) };
  sendMachine(state, { type: 'COMMAND_FOUND' }, world.timeMs);
}

/** The per-second part: validation when its wait is over, then execution. */
export function advanceDisruption(world: World, state: KarpenterState): void {
  const phase = disruptionState(state.machine.value);
  const pending = state.pendingCommand;
  if (phase === 'validating.due') {
    if (!pending) {
      sendMachine(state, { type: 'COMMAND_INVALID' }, world.timeMs);
      return;
    }
    const verdict = validateCommand(pending.command, disruptionInput(world, state));
    if (!verdict.valid) {
      const style = commandStyle(state, pending.command);
      karpenterLog(
        world,
        style === 'v0.27'
          ? { level: 'INFO', logger: 'controller.deprovisioning', message: `abandoning ${pending.command.method} command, ${verdict.reason ?? 'not valid'}`, fields: {} }
          : abandoningCommand(pending.command),
        style,
      );
      state.lastDisruption = { atMs: world.timeMs, text: msg('engine.karpenter.abandoned', { reason: verdict.reason ?? '' }) };
      state.pendingCommand = null;
      sendMachine(state, { type: 'COMMAND_INVALID' }, world.timeMs);
      return;
    }
    sendMachine(state, { type: 'COMMAND_VALID' }, world.timeMs);
    startCommand(world, state);
    return;
  }
  if (phase === 'disrupting') continueCommand(world, state);
}

function startCommand(world: World, state: KarpenterState): void {
  const pending = state.pendingCommand;
  if (!pending) {
    sendMachine(state, { type: 'DISRUPTION_DONE' }, world.timeMs);
    return;
  }
  const cmd = pending.command;
  const style = commandStyle(state, cmd);
  karpenterLog(world, disruptionLogLine(cmd, style, commandId(cmd, pending.foundMs)), style);
  pending.executedMs = world.timeMs;
  for (const c of cmd.candidates) {
    const node = world.nodes.get(c.name);
    if (node) taintDisrupted(node);
  }
  if (cmd.replacement) {
    const pool = cmd.replacement.nodeClaim.nodePool;
    const claim = launchNodeClaim(world, state, pool, cmd.replacement.launch, `replacement for ${cmd.candidates.map((c) => c.name).join(', ')}`);
    pending.replacementClaim = claim.name;
    const reason = `${cmd.reason}/${titleCase(cmd.decision)}`;
    karpenterEvent(world, state, { kind: 'NodeClaim', name: claim.name, type: 'Normal', reason: 'DisruptionLaunching', message: `Launching NodeClaim: ${reason}` }, false);
    for (const c of cmd.candidates) {
      karpenterEvent(world, state, { kind: 'Node', name: c.name, type: 'Normal', reason: 'DisruptionWaitingReadiness', message: 'Waiting on readiness to continue disruption' }, false);
    }
    state.lastDisruption = { atMs: world.timeMs, text: msg('engine.karpenter.executing', { command: explainCommand(cmd), claim: claim.name }) };
    return;
  }
  finishCommand(world, state);
}

function continueCommand(world: World, state: KarpenterState): void {
  const pending = state.pendingCommand;
  if (!pending?.replacementClaim) {
    finishCommand(world, state);
    return;
  }
  const replacement = state.nodeClaims[pending.replacementClaim];
  if (!replacement || replacement.deletingMs >= 0) {
    // The replacement never came up: un-taint the candidates and start over, as upstream does.
    for (const c of pending.command.candidates) {
      const node = world.nodes.get(c.name);
      if (node) untaintDisrupted(node);
    }
    state.lastDisruption = { atMs: world.timeMs, text: msg('engine.karpenter.replacementFailed', { claim: pending.replacementClaim }) };
    state.pendingCommand = null;
    sendMachine(state, { type: 'DISRUPTION_DONE' }, world.timeMs);
    return;
  }
  if (replacement.initializedMs >= 0) finishCommand(world, state);
}

function finishCommand(world: World, state: KarpenterState): void {
  const pending = state.pendingCommand;
  if (pending) {
    const cmd = pending.command;
    const reason = `${cmd.reason}/${titleCase(cmd.decision)}`;
    for (const c of cmd.candidates) {
      const claim = state.nodeClaims[c.nodeClaimName];
      if (!claim) continue;
      karpenterEvent(world, state, { kind: 'Node', name: c.name, type: 'Normal', reason: 'DisruptionTerminating', message: `Disrupting Node: ${reason}` }, false);
      karpenterEvent(world, state, { kind: 'NodeClaim', name: claim.name, type: 'Normal', reason: 'DisruptionTerminating', message: `Disrupting NodeClaim: ${reason}` }, false);
      deleteNodeClaim(world, state, claim);
    }
    state.lastDisruption = { atMs: world.timeMs, text: msg('engine.karpenter.executed', { command: explainCommand(cmd) }) };
  }
  state.pendingCommand = null;
  sendMachine(state, { type: 'DISRUPTION_DONE' }, world.timeMs);
}

/** NodeClaims past their NodePool's expireAfter are deleted without a budget check. */
function expireNodeClaims(world: World, state: KarpenterState): void {
  const pools = Object.values(state.nodePools).map((e) => e.pool);
  // No pool expires its nodes (the usual case): nothing to find, so skip building every node's view.
  if (!pools.some((p) => p.template.expireAfterSeconds !== null && p.template.expireAfterSeconds !== undefined)) return;
  const expired = expiredNodes(disruptionNodes(world, state).filter((n) => n.nodePool), pools, world.timeMs / 1000);
  for (const n of expired) {
    const claim = state.nodeClaims[n.nodeClaimName];
    if (!claim || claim.deletingMs >= 0) continue;
    const style = styleOfPool(state, claim.nodePool);
    const ttl = state.nodePools[claim.nodePool]?.pool.template.expireAfterSeconds ?? 0;
    karpenterLog(
      world,
      style === 'v0.27'
        ? { level: 'INFO', logger: 'controller.deprovisioning', message: `deprovisioning via expiration delete, terminating 1 machines ${n.name}/${n.instanceType}/${n.capacityType}`, fields: {} }
        : deletingExpiredNodeClaim(claim.name, claim.registeredMs >= 0 ? claim.nodeName : ''),
      style,
    );
    karpenterEvent(world, state, { kind: 'NodeClaim', name: claim.name, type: 'Normal', reason: 'Expired', message: `NodeClaim expired after ${formatDuration(ttl)}` }, false);
    deleteNodeClaim(world, state, claim);
  }
}
