import type { World } from '../../core/types';
import { formatGoDuration } from './goFlags';
import type { Explanation } from '../module';
import { caMachineStateName, caState } from './state';
import { msg, type Message } from '../../core/message';
import { pushAll } from '../../core/arrays';

/**
 * The CA's "why": what the last scan saw (pending pods and the plan, per-node utilization against
 * the threshold and the unneeded timers) and the last scale-up and scale-down it carried out.
 */
export function caExplanations(world: World): Explanation[] {
  const s = caState(world);
  if (!s || s.deployment === '') return [];
  const object = `ClusterAutoscaler/${s.deployment.split('/')[1]}`;
  const state = s.flagErrors.length > 0 ? 'flagError' : s.podRunning ? caMachineStateName(s) : 'podNotRunning';
  const lines: Message[] = [];
  if (s.flagErrors.length > 0) pushAll(lines, s.flagErrors.map((e) => msg('engine.common.notRunning', { error: e })));
  else if (!s.podRunning) lines.push(msg('engine.common.waitingForPod', { deployment: s.deployment }));
  pushAll(lines, s.why.scaleUp, s.why.scaleDown);
  for (const n of s.why.nodes) lines.push(n.explanation);
  if (s.upcomingNodes > 0) lines.push(msg('engine.ca.upcoming', { nodes: s.upcomingNodes }));
  for (const [group, b] of Object.entries(s.backoff)) {
    const left = b.untilSeconds - world.timeMs / 1000;
    if (left > 0) lines.push(msg('engine.ca.backoff', { group, left: formatGoDuration(Math.ceil(left)), reason: b.reason }));
  }
  const out: Explanation[] = [{ object, state, at: s.why.scanAtSeconds, lines }];
  if (s.why.lastScaleUp) {
    out.push({
      object: `${object} (last scale-up)`,
      heading: msg('engine.why.lastScaleUp', { object }),
      // In progress only while the requested nodes are not all Ready; afterwards the entry is history.
      state: s.upcomingNodes > 0 || s.requests.length > 0 ? 'scaleUpInProgress' : 'scaleUpCompleted',
      at: s.why.lastScaleUp.atSeconds,
      lines: [...s.why.lastScaleUp.lines, msg('engine.ca.triggeredBy', { pods: s.why.lastScaleUp.triggeringPods.join(', ') })],
    });
  }
  if (s.why.lastScaleDown) {
    out.push({
      object: `${object} (last scale-down)`,
      heading: msg('engine.why.lastScaleDown', { object }),
      state: 'scalingDown',
      at: s.why.lastScaleDown.atSeconds,
      lines: s.why.lastScaleDown.lines,
    });
  }
  return out;
}
