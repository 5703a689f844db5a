import type { World } from '../../core/types';
import type { Explanation } from '../module';
import { CPA_STATE_KEY, cpaMachineStateName, type CpaWorldState } from './state';
import { msg, type Message } from '../../core/message';
import { pushAll } from '../../core/arrays';

/** Each CPA's last decision, e.g. "4 schedulable nodes → ladder step [4, 3] → 3 replicas". */
export function cpaExplanations(world: World): Explanation[] {
  const s = world.autoscalers[CPA_STATE_KEY] as CpaWorldState | undefined;
  return Object.values(s?.instances ?? {}).map((i) => {
    const lines: Message[] = [];
    if (i.flagErrors.length > 0) pushAll(lines, i.flagErrors.map((e) => msg('engine.common.notRunning', { error: e })));
    else if (!i.podRunning) lines.push(msg('engine.common.waitingForPod', { deployment: i.deployment }));
    if (i.status) {
      const st = i.status;
      lines.push(msg('engine.cpa.status', { schedulableNodes: st.schedulableNodes, totalNodes: st.totalNodes, schedulableCores: st.schedulableCores, totalCores: st.totalCores }));
    }
    if (i.explanation) lines.push(i.explanation);
    return {
      object: `ClusterProportionalAutoscaler/${i.deployment.split('/')[1]}`,
      state: i.flagErrors.length > 0 ? 'flagError' : i.podRunning ? cpaMachineStateName(i) : 'podNotRunning',
      at: i.lastPollSeconds,
      lines,
    };
  });
}
