import type { Node, World } from '../../core/types';
import { putConfigMap } from '../../resources/configMapKind';
import { isBackedOff } from './backoff';
import { goTimeString } from './output';
import type { CaWorldState } from './state';
import type { ScanGroup } from './types';
import { renderStatusConfigMap, type ClusterHealth, type GroupStatusView } from './status';
import { isReadyCondition, isStarted } from './worldView';
import { countNodesOfGroup } from '../../cloud/nodeGroups';

const isStartedAndReady = (n: Node): boolean => isStarted(n) && isReadyCondition(n);

export const STATUS_CONFIGMAP = { namespace: 'kube-system', name: 'cluster-autoscaler-status' };

/** What the CA writes to kube-system/cluster-autoscaler-status at the end of every loop. */
export function writeStatusConfigMap(
  world: World,
  state: CaWorldState,
  groups: readonly ScanGroup[],
  health: ClusterHealth,
): void {
  const now = world.timeMs / 1000;
  const views: GroupStatusView[] = groups.map((g) => {
    const registered = countNodesOfGroup(world, g.group, isStarted);
    const ready = countNodesOfGroup(world, g.group, isStartedAndReady);
    const name = g.managed.asg.name;
    const backoff = state.backoff[name];
    return {
      name,
      minSize: g.managed.minSize,
      maxSize: g.managed.maxSize,
      targetSize: g.group.desiredCapacity,
      ready,
      unready: registered - ready,
      registered,
      backoff: backoff && isBackedOff(state.backoff, name, now) ? backoff.reason : undefined,
      scaleUpInProgress: state.requests.some((r) => r.group === name),
      scaleDownCandidates: state.why.nodes.filter((n) => n.group === name && n.state === 'unneeded').length,
    };
  });
  const at = goTimeString(world.startEpochMs + world.timeMs);
  const text = renderStatusConfigMap(at, health, views);
  putConfigMap(world, {
    ...STATUS_CONFIGMAP,
    data: { status: text },
    annotations: { 'cluster-autoscaler.kubernetes.io/last-updated': at },
  });
}
