import type { TraceSample } from '../../sim/trace/trace';
import type { PanelModel } from './series';

/**
 * Embed mode for one workload (`#…&embed=1&w=NAME`): keep that workload's series (and its load's,
 * keyed by its Service) and the cluster-wide ones (node groups, capacity types, autoscalers); drop
 * the other workloads' series, and any panel left with none. A workload the trace does not chart
 * (a kube-system Deployment, one not created yet) keeps only the cluster-wide panels: showing every
 * workload's series instead put another workload's replicas under its name.
 */
export function onlyWorkload(panels: PanelModel[], workload: string, history: readonly TraceSample[]): PanelModel[] {
  const named = new Set<string>();
  for (const s of history) {
    for (const w of Object.keys(s.workloads)) named.add(w);
    for (const l of Object.keys(s.load)) named.add(l);
  }
  const keep = (key: string) => {
    const owner = key.split('/')[0];
    return !named.has(owner) || owner === workload;
  };
  return panels.map((p) => ({ ...p, series: p.series.filter((s) => keep(s.key)) })).filter((p) => p.series.length > 0);
}
