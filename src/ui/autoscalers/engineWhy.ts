import type { World } from '../../sim/core/types';
import type { Explanation } from '../../sim/autoscalers/module';
import { engine } from '../../store/engine';

/**
 * Explanations the engine keeps but does not publish through `autoscalerExplanations`: the VPA
 * recommender's formula lines and the updater's last pass (world state), and Karpenter's
 * `karpenterWhy`. Read-only; every line is an engine message, translated by the card.
 */
export function engineWhy(world: World): (kind: string, name: string) => Explanation[] {
  return (kind, name) => {
    if (kind === 'VerticalPodAutoscaler') {
      const obj = engine().vpaObjects(world).find((o) => o.vpa.metadata.name === name);
      if (!obj) return [];
      const out: Explanation[] = [];
      if (obj.lastUpdate.decisions.length > 0) {
        out.push({
          object: `${kind}/${name} (updater)`,
          state: obj.machine.value,
          at: obj.lastUpdate.t,
          lines: obj.lastUpdate.decisions.map((d) => ({ key: `engine.vpa.decision.${d.action}`, params: { pod: d.pod, reason: d.reason } })),
        });
      }
      // The recommender writes its explanation at the pass that also records a chart point.
      const at = obj.chart[obj.chart.length - 1]?.t ?? -1;
      if (obj.explanation.length > 0)
        out.push({
          object: `${kind}/${name} (recommender)`,
          state: obj.machine.value,
          at,
          lines: obj.explanation,
        });
      return out;
    }
    if (kind === 'NodePool') {
      const lines = engine().karpenterWhy(world);
      // karpenterWhy states its own times per line; the card shows no single time for it (at < 0).
      return lines.length > 0 ? [{ object: 'Karpenter', state: '', at: -1, lines }] : [];
    }
    return [];
  };
}
