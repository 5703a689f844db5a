import type { World } from '../../core/types';
import { configMapKind } from '../../resources/configMapKind';
import type { AutoscalerModule } from '../module';
import { cpaController } from './controller';
import { cpaExplanations } from './explain';
import { CPA_STATE_KEY, cpaMachineStateName, type CpaWorldState } from './state';

/** Trace entries "ClusterProportionalAutoscaler/<deployment>": machine state and the last decision. */
export function cpaTraceEntries(world: World): Record<string, Record<string, unknown>> {
  const s = world.autoscalers[CPA_STATE_KEY] as CpaWorldState | undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const instance of Object.values(s?.instances ?? {})) {
    out[`ClusterProportionalAutoscaler/${instance.deployment.split('/')[1]}`] = {
      state: instance.flagErrors.length > 0 ? 'flagError' : instance.podRunning ? cpaMachineStateName(instance) : 'podNotRunning',
      replicas: instance.replicas,
      nodes: instance.nodes,
      cores: instance.cores,
    };
  }
  return out;
}

/** The CPA's loop and the ConfigMap kind it reads its params from (also used by the CA's status). */
export const cpaModule: AutoscalerModule = {
  name: 'cluster-proportional-autoscaler',
  controllers: [cpaController],
  kinds: [configMapKind],
  trace: cpaTraceEntries,
  explain: cpaExplanations,
};
