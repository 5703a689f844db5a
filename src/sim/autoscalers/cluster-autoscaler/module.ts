import type { World } from '../../core/types';
import type { AutoscalerModule } from '../module';
import { clusterAutoscalerController } from './controller';
import { caExplanations } from './explain';
import { caMachineStateName, caState } from './state';

/** Trace entry "ClusterAutoscaler/<deployment>" while a CA Deployment exists. */
export function caTraceEntries(world: World): Record<string, Record<string, unknown>> {
  const s = caState(world);
  if (!s || s.deployment === '') return {};
  const desired: Record<string, number> = {};
  for (const g of world.nodeGroups.values()) desired[g.name] = g.desiredCapacity;
  return {
    [`ClusterAutoscaler/${s.deployment.split('/')[1]}`]: {
      state: s.flagErrors.length > 0 ? 'flagError' : s.podRunning ? caMachineStateName(s) : 'podNotRunning',
      scaleUps: s.scaleUps,
      scaleDowns: s.scaleDowns,
      unneededNodes: s.unneededNodes,
      upcomingNodes: s.upcomingNodes,
      deletingNodes: s.deleting.length,
      desired,
    },
  };
}

export const clusterAutoscalerModule: AutoscalerModule = {
  name: 'cluster-autoscaler',
  controllers: [clusterAutoscalerController],
  kinds: [],
  trace: caTraceEntries,
  explain: caExplanations,
};
