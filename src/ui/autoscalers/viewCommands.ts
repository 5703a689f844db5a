import type { World } from '../../sim/core/types';
import { engine } from '../../store/engine';
import { cpaTargets, namespaceOf } from './worldLookups';

/**
 * The read-only command lines a person would type to look at one autoscaler object, as the
 * console would take them. They are answered by the engine's own views (`runView`), so the card
 * shows exactly what the console prints.
 */
export function viewCommands(world: World, kind: string, name: string): string[] {
  const ns = namespaceOf(world, kind, name);
  const nsFlag = ns && ns !== 'default' ? ` -n ${ns}` : '';
  switch (kind) {
    case 'HorizontalPodAutoscaler':
      return [`kubectl describe hpa ${name}${nsFlag}`, `kubectl get hpa ${name}${nsFlag}`];
    case 'VerticalPodAutoscaler':
      return [`kubectl get vpa ${name}${nsFlag}`, `kubectl describe vpa ${name}${nsFlag}`, 'kubectl get krr'];
    case 'ScaledObject':
      return [`kubectl get scaledobject ${name}${nsFlag}`, `kubectl describe scaledobject ${name}${nsFlag}`];
    case 'NodePool':
      return ['kubectl get nodeclaims', 'kubectl get nodepools', `kubectl describe nodepool ${name}`];
    case 'ClusterAutoscaler':
      return [
        'kubectl describe configmap cluster-autoscaler-status -n kube-system',
        'aws autoscaling describe-auto-scaling-groups',
      ];
    case 'ClusterProportionalAutoscaler': {
      const cpa = cpaTargets(world, name);
      const cpaNs = cpa && cpa.namespace !== 'default' ? ` -n ${cpa.namespace}` : '';
      return [
        ...(cpa?.targets ?? []).map((t) => `kubectl get ${t}${cpaNs}`),
        `kubectl logs deployment/${name}${nsFlag} --tail=6`,
        ...(cpa?.configMap ? [`kubectl get configmap ${cpa.configMap}${cpaNs} -o yaml`] : []),
      ];
    }
    default:
      return [];
  }
}

export interface ViewOutput {
  command: string;
  output: string;
  ok: boolean;
}

/** Runs one of the lines above against the world (read-only). Arguments have no quoting to undo. */
export function runCardView(world: World, command: string): ViewOutput {
  try {
    const r = engine().runView(world, command.split(/\s+/).filter(Boolean));
    return { command, output: r.output, ok: r.ok };
  } catch (err) {
    return { command, output: (err as Error).message, ok: false };
  }
}
