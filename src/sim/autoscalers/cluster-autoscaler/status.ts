import type { CaLogLine, CaNode } from './types';
import { log } from './messages';

export interface ClusterHealth {
  healthy: boolean;
  ready: number;
  unready: number;
  total: number;
  log?: CaLogLine;
}

/**
 * clusterstate.IsClusterHealthy: unhealthy only when unready nodes exceed both
 * --ok-total-unready-count and --max-total-unready-percentage of all nodes.
 */
export function isClusterHealthy(
  nodes: readonly CaNode[],
  opts: { okTotalUnreadyCount: number; maxTotalUnreadyPercentage: number },
): ClusterHealth {
  const total = nodes.length;
  let ready = 0;
  for (const n of nodes) if (n.ready) ready++;
  const unready = total - ready;
  const healthy = !(
    unready > opts.okTotalUnreadyCount && unready > (opts.maxTotalUnreadyPercentage / 100) * total
  );
  return {
    healthy,
    ready,
    unready,
    total,
    log: healthy
      ? undefined
      : log(0, 'static_autoscaler.go:423', 'Cluster is not ready for autoscaling', 'W'),
  };
}
