import type { World } from '../core/types';
import type { HpaWorldState } from '../autoscalers/hpa/controller';

/** What the workload controls need to know of one HPA: what it scales, and whether KEDA owns it. */
export interface HpaTarget {
  name: string;
  namespace: string;
  /** The scaled workload (spec.scaleTargetRef), e.g. Deployment "php-apache". */
  targetKind: string;
  targetName: string;
  /**
   * The ScaledObject that made this HPA (KEDA labels it scaledobject.keda.sh/name). KEDA writes the
   * HPA from the ScaledObject on every reconcile, so bounds patched on the HPA do not last.
   */
  scaledObject?: string;
  /**
   * The bounds and CPU target in the world now (spec.minReplicas, maxReplicas, the cpu Resource
   * metric's averageUtilization). The trace sample has them too, but only every 5 s: a slider
   * reading it snapped back to the old value for up to 5 s after its command applied.
   */
  minReplicas: number;
  maxReplicas: number;
  cpuTargetPercent?: number;
}

/** Every HPA in the world with its scale target, by name. A name is not a target: kubectl autoscale --name can differ. */
export function hpaTargets(world: World): HpaTarget[] {
  // Read without hpaState(), which would create the state on a world that has none.
  const hpa = world.autoscalers.hpa as HpaWorldState | undefined;
  if (hpa === undefined) return [];
  const out: HpaTarget[] = [];
  for (const key of Object.keys(hpa.records).sort()) {
    const { metadata, spec } = hpa.records[key].hpa;
    const scaledObject = metadata.labels?.['scaledobject.keda.sh/name'];
    const cpu = spec.metrics?.find((m) => m.type === 'Resource' && m.resource.name === 'cpu');
    const cpuTargetPercent = cpu?.type === 'Resource' ? cpu.resource.target.averageUtilization : undefined;
    out.push({
      name: metadata.name,
      namespace: metadata.namespace ?? 'default',
      targetKind: spec.scaleTargetRef.kind,
      targetName: spec.scaleTargetRef.name,
      ...(scaledObject !== undefined ? { scaledObject } : {}),
      minReplicas: spec.minReplicas ?? 1,
      maxReplicas: spec.maxReplicas,
      ...(cpuTargetPercent !== undefined ? { cpuTargetPercent } : {}),
    });
  }
  return out;
}
