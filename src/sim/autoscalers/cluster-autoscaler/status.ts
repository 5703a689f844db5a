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

export interface GroupStatusView {
  name: string;
  minSize: number;
  maxSize: number;
  targetSize: number;
  ready: number;
  unready: number;
  registered: number;
  backoff?: string;
  scaleUpInProgress: boolean;
  scaleDownCandidates: number;
}

/**
 * A `kubectl -n kube-system get configmap cluster-autoscaler-status -o yaml` data.status body,
 * in the CA's readable (pre-1.30) layout.
 */
export function renderStatusConfigMap(
  at: string,
  health: ClusterHealth,
  groups: readonly GroupStatusView[],
): string {
  const lines: string[] = [`Cluster-autoscaler status at ${at}:`, 'Cluster-wide:'];
  const registered = groups.reduce((s, g) => s + g.registered, 0);
  lines.push(
    `  Health:      ${health.healthy ? 'Healthy' : 'Unhealthy'} (ready=${health.ready} unready=${health.unready} notStarted=0 longNotStarted=0 registered=${registered} longUnregistered=0)`,
  );
  const anyUp = groups.some((g) => g.scaleUpInProgress);
  lines.push(
    `  ScaleUp:     ${anyUp ? 'InProgress' : 'NoActivity'} (ready=${health.ready} registered=${registered})`,
  );
  const candidates = groups.reduce((s, g) => s + g.scaleDownCandidates, 0);
  lines.push(
    `  ScaleDown:   ${candidates > 0 ? 'CandidatesPresent' : 'NoCandidates'} (candidates=${candidates})`,
  );
  lines.push('', 'NodeGroups:');
  for (const g of groups) {
    lines.push(`  Name:        ${g.name}`);
    lines.push(
      `  Health:      Healthy (ready=${g.ready} unready=${g.unready} notStarted=0 longNotStarted=0 registered=${g.registered} longUnregistered=0 cloudProviderTarget=${g.targetSize} (minSize=${g.minSize}, maxSize=${g.maxSize}))`,
    );
    const up = g.backoff ? `Backoff (${g.backoff})` : g.scaleUpInProgress ? 'InProgress' : 'NoActivity';
    lines.push(`  ScaleUp:     ${up} (ready=${g.ready} cloudProviderTarget=${g.targetSize})`);
    lines.push(
      `  ScaleDown:   ${g.scaleDownCandidates > 0 ? 'CandidatesPresent' : 'NoCandidates'} (candidates=${g.scaleDownCandidates})`,
    );
    lines.push('');
  }
  return lines.join('\n');
}
