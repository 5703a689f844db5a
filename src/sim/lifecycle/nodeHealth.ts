/**
 * The node-lifecycle controller's view of a silent kubelet (FIDELITY.md §1): Ready turns Unknown
 * after --node-monitor-grace-period, and the taint manager evicts pods once the unreachable taint
 * has outlived the pods' default toleration (kube-apiserver --default-unreachable-toleration-seconds).
 */
export const NODE_MONITOR_GRACE_SECONDS = 40;
export const DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300;

export function nodeReadyCondition(secondsSinceHeartbeat: number, graceSeconds = NODE_MONITOR_GRACE_SECONDS): 'True' | 'Unknown' {
  return secondsSinceHeartbeat > graceSeconds ? 'Unknown' : 'True';
}

export function podsEvictedAfter(
  secondsSinceHeartbeat: number,
  graceSeconds = NODE_MONITOR_GRACE_SECONDS,
  tolerationSeconds = DEFAULT_UNREACHABLE_TOLERATION_SECONDS,
): boolean {
  return secondsSinceHeartbeat >= graceSeconds + tolerationSeconds;
}

/** How the HPA's pod grouping treats a pod phase, before readiness and metrics are looked at. */
export function hpaGroupForPhase(phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed'): string {
  switch (phase) {
    case 'Pending':
      return 'unready';
    case 'Failed':
      return 'ignored';
    case 'Running':
      return 'ready-if-Ready';
    case 'Succeeded':
      // CPU readiness checks look at the Ready condition only for Running pods' start windows;
      // a Succeeded pod that still reports a metric is counted.
      return 'ready-if-metric';
  }
}
