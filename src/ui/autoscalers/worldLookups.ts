import type { World } from '../../sim/core/types';
import { engine } from '../../store/engine';
import type { VpaChartPoint } from '../../sim/autoscalers/vpa/worldState';
import type { CpaWorldState } from '../../sim/autoscalers/cpa/state';

/**
 * Read-only lookups in the world for what the trace samples do not carry: the VPA's own
 * per-container chart points, objects' namespaces, and a CPA's target and ConfigMap.
 * None of these create state (the engine's `vpaState()` would), so the UI cannot change the world.
 */

export interface VpaChartSource {
  vpa: string;
  namespace: string;
  target: string;
  points: readonly VpaChartPoint[];
}

export function vpaChartSources(world: World): VpaChartSource[] {
  return engine().vpaObjects(world).map((o) => ({
    vpa: o.vpa.metadata.name,
    namespace: o.vpa.metadata.namespace ?? 'default',
    target: o.vpa.spec.targetRef.name,
    points: o.chart,
  }));
}

/** A cheap fingerprint of the VPA chart points, to memoise panels on. */
export function vpaChartStamp(world: World): string {
  return engine().vpaObjects(world)
    .map((o) => `${o.chart.length}@${o.chart[o.chart.length - 1]?.t ?? -1}`)
    .join(',');
}

export interface CpaTargets {
  namespace: string;
  configMap: string;
  targets: string[];
}

/** The CPA named `name` (its Deployment's name): what it scales and which ConfigMap it reads. */
export function cpaTargets(world: World, name: string): CpaTargets | undefined {
  const state = world.autoscalers[engine().CPA_STATE_KEY] as CpaWorldState | undefined;
  if (!state) return undefined;
  const instance = Object.values(state.instances).find((i) => i.deployment.split('/').pop() === name);
  if (!instance) return undefined;
  const { options } = engine().parseCpaFlags(instance.argv);
  const [deploymentNamespace] = instance.deployment.includes('/')
    ? instance.deployment.split('/')
    : ['default'];
  return {
    namespace: options.namespace || deploymentNamespace,
    configMap: options.configMap,
    targets: options.targets.map((t) => `${t.kind.toLowerCase()}/${t.name}`),
  };
}

/** Namespace of a namespaced object by kind and name, when the world can tell. */
export function namespaceOf(world: World, kind: string, name: string): string | undefined {
  if (kind === 'VerticalPodAutoscaler')
    return engine().vpaObjects(world).find((o) => o.vpa.metadata.name === name)?.vpa.metadata.namespace;
  if (kind === 'ClusterProportionalAutoscaler') return cpaTargets(world, name)?.namespace;
  return undefined;
}
