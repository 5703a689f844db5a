import type { FidelityAdapter } from '../../fidelity/types';
import { hpaGroupForPhase, nodeReadyCondition, podsEvictedAfter } from './nodeHealth';

export const lifecycleFidelity: FidelityAdapter = {
  component: 'Lifecycle',
  shapes: {
    'Lifecycle:defaultTolerationSeconds,lastHeartbeatSecondsAgo,nodeMonitorGracePeriodSeconds': (input: {
      lastHeartbeatSecondsAgo: number[];
      nodeMonitorGracePeriodSeconds: number;
      defaultTolerationSeconds: number;
    }) => ({
      nodeReady: input.lastHeartbeatSecondsAgo.map((s) => nodeReadyCondition(s, input.nodeMonitorGracePeriodSeconds)),
      podsEvicted: input.lastHeartbeatSecondsAgo.map((s) =>
        podsEvictedAfter(s, input.nodeMonitorGracePeriodSeconds, input.defaultTolerationSeconds),
      ),
    }),
    'Lifecycle:phases': (input: { phases: ('Pending' | 'Running' | 'Succeeded' | 'Failed')[] }) => ({
      hpaGroup: input.phases.map(hpaGroupForPhase),
    }),
  },
};
