import type { TraceSample } from '../../sim/trace/trace';
import type { VpaChartSource } from '../autoscalers/worldLookups';
import { bool, fieldOverHistory, namesOverHistory, num, record } from '../autoscalers/traceEntries';
import { DASH, seriesColor } from './palette';
import type { Label, PanelModel, Series } from './series';

/**
 * Panels that exist only when the scenario has the autoscaler: the VPA's recommendation against
 * request against usage (per VPA and container), KEDA's queues and ScaledObjects, Karpenter's
 * NodeClaims and the Cluster Autoscaler's node counts.
 */

const any = (vs: readonly (number | null)[]) => vs.some((v) => v !== null);

function line(
  key: string,
  label: string,
  color: string,
  dash: number[],
  step: boolean,
  values: (number | null)[],
): Series {
  return { key, label, color, dash, step, values };
}

/**
 * The VPA records a chart point per container at each recommender pass (once a minute), with the
 * mean request and usage over the target's running pods: those points are the panel's own times.
 */
export function vpaPanels(sources: readonly VpaChartSource[], label: Label): PanelModel[] {
  const out: PanelModel[] = [];
  for (const src of sources) {
    const containers = [...new Set(src.points.map((p) => p.container))].sort();
    for (const container of containers) {
      const points = src.points.filter((p) => p.container === container);
      const times = points.map((p) => p.t);
      const names = { vpa: src.vpa, container };
      const idSuffix = containers.length > 1 ? `${src.vpa}-${container}` : src.vpa;
      const common = { yMin: 0, times };
      const [target, bound, request, usage] = [
        seriesColor(0),
        seriesColor(0),
        seriesColor(1),
        seriesColor(2),
      ];
      out.push(
        {
          ...common,
          id: `vpa-cpu-${idSuffix}`,
          titleKey: label('autoscalers.chart.vpaCpu', names),
          unit: 'm',
          yMaxAtLeast: 100,
          decimals: 0,
          series: [
            line(
              'vpa-cpu/target',
              label('autoscalers.chart.target'),
              target,
              DASH.solid,
              true,
              points.map((p) => p.targetCpu),
            ),
            line(
              'vpa-cpu/lower',
              label('autoscalers.chart.lowerBound'),
              bound,
              DASH.bound,
              true,
              points.map((p) => p.lowerCpu),
            ),
            line(
              'vpa-cpu/upper',
              label('autoscalers.chart.upperBound'),
              bound,
              DASH.target,
              true,
              points.map((p) => p.upperCpu),
            ),
            line(
              'vpa-cpu/request',
              label('autoscalers.chart.request'),
              request,
              DASH.desired,
              true,
              points.map((p) => p.requestCpu),
            ),
            line(
              'vpa-cpu/usage',
              label('autoscalers.chart.usage'),
              usage,
              DASH.solid,
              false,
              points.map((p) => p.usageCpu),
            ),
          ],
        },
        {
          ...common,
          id: `vpa-memory-${idSuffix}`,
          titleKey: label('autoscalers.chart.vpaMemory', names),
          unit: 'MiB',
          yMaxAtLeast: 64,
          decimals: 0,
          series: [
            line(
              'vpa-mem/target',
              label('autoscalers.chart.target'),
              target,
              DASH.solid,
              true,
              points.map((p) => p.targetMemory),
            ),
            line(
              'vpa-mem/lower',
              label('autoscalers.chart.lowerBound'),
              bound,
              DASH.bound,
              true,
              points.map((p) => p.lowerMemory),
            ),
            line(
              'vpa-mem/upper',
              label('autoscalers.chart.upperBound'),
              bound,
              DASH.target,
              true,
              points.map((p) => p.upperMemory),
            ),
            line(
              'vpa-mem/request',
              label('autoscalers.chart.request'),
              request,
              DASH.desired,
              true,
              points.map((p) => p.requestMemory),
            ),
            line(
              'vpa-mem/usage',
              label('autoscalers.chart.usage'),
              usage,
              DASH.solid,
              false,
              points.map((p) => p.usageMemory),
            ),
          ],
        },
      );
    }
  }
  return out;
}

/** Per queue: depth (visible + in flight) and the oldest message's age. */
export function queuePanels(history: readonly TraceSample[], label: Label): PanelModel[] {
  return namesOverHistory(history, 'Queue').flatMap((name): PanelModel[] => {
    const field = (f: string) => fieldOverHistory(history, 'Queue', name, (e) => num(e[f]));
    return [
      {
        id: `queue-depth-${name}`,
        titleKey: label('autoscalers.chart.queueDepth', { name }),
        unit: label('autoscalers.chart.messages'),
        yMin: 0,
        yMaxAtLeast: 5,
        decimals: 0,
        series: [
          line(
            `queue/${name}/depth`,
            label('autoscalers.chart.depth'),
            seriesColor(0),
            DASH.solid,
            false,
            field('depth'),
          ),
          line(
            `queue/${name}/visible`,
            label('autoscalers.chart.visible'),
            seriesColor(1),
            DASH.desired,
            false,
            field('visible'),
          ),
          line(
            `queue/${name}/inFlight`,
            label('autoscalers.chart.inFlight'),
            seriesColor(2),
            DASH.bound,
            false,
            field('inFlight'),
          ),
        ],
      },
      {
        id: `queue-age-${name}`,
        titleKey: label('autoscalers.chart.queueAge', { name }),
        unit: 's',
        yMin: 0,
        yMaxAtLeast: 5,
        decimals: 0,
        series: [
          line(
            `queue/${name}/age`,
            label('autoscalers.chart.oldestAge'),
            seriesColor(5),
            DASH.solid,
            false,
            field('oldestAgeSeconds'),
          ),
        ],
      },
    ];
  });
}

/** Per ScaledObject: the replicas KEDA holds and a band while its triggers are active. */
export function scaledObjectPanels(history: readonly TraceSample[], label: Label): PanelModel[] {
  return namesOverHistory(history, 'ScaledObject').map((name) => {
    const key = `ScaledObject/${name}`;
    const hpaName = history.map((s) => s.autoscalers[key]?.hpa).find((h) => typeof h === 'string');
    const hpaDesired = hpaName
      ? fieldOverHistory(history, 'HorizontalPodAutoscaler', hpaName, (e) => num(e.desiredReplicas))
      : [];
    const series = [
      line(
        `so/${name}/replicas`,
        label('autoscalers.chart.replicas'),
        seriesColor(0),
        DASH.solid,
        true,
        fieldOverHistory(history, 'ScaledObject', name, (e) => num(e.replicas)),
      ),
    ];
    if (any(hpaDesired))
      series.push(
        line(
          `so/${name}/hpaDesired`,
          label('autoscalers.chart.hpaDesired'),
          seriesColor(1),
          DASH.desired,
          true,
          hpaDesired,
        ),
      );
    return {
      id: `scaledobject-${name}` as const,
      titleKey: label('autoscalers.chart.scaledObject', { name }),
      unit: '',
      yMin: 0,
      yMaxAtLeast: 2,
      decimals: 0,
      series,
      bands: [
        {
          key: `so/${name}/active`,
          label: label('autoscalers.chart.active'),
          color: seriesColor(2),
          on: history.map((s) => bool(s.autoscalers[key]?.active) === true),
        },
        {
          key: `so/${name}/fallback`,
          label: label('autoscalers.chart.fallback'),
          color: seriesColor(5),
          on: history.map((s) => bool(s.autoscalers[key]?.fallback) === true),
        },
      ].filter((b) => b.on.some(Boolean) || b.key.endsWith('/active')),
    };
  });
}

/** Karpenter: NodeClaims per NodePool, with those launching (not registered yet) and deleting. */
export function nodeClaimPanels(history: readonly TraceSample[], label: Label): PanelModel[] {
  const pools = namesOverHistory(history, 'NodePool');
  if (pools.length === 0) return [];
  const series = pools.flatMap((pool, i) => {
    const field = (f: string) => fieldOverHistory(history, 'NodePool', pool, (e) => num(e[f]));
    const color = seriesColor(i);
    return [
      line(
        `np/${pool}/claims`,
        label('autoscalers.chart.nodeClaims', { name: pool }),
        color,
        DASH.solid,
        true,
        field('nodeClaims'),
      ),
      line(
        `np/${pool}/launching`,
        label('autoscalers.chart.launching', { name: pool }),
        color,
        DASH.desired,
        true,
        field('launching'),
      ),
      line(
        `np/${pool}/deleting`,
        label('autoscalers.chart.deleting', { name: pool }),
        color,
        DASH.bound,
        true,
        field('deleting'),
      ),
    ];
  });
  return [
    {
      id: 'nodeclaims-karpenter',
      titleKey: label('autoscalers.chart.nodeClaimsTitle'),
      unit: '',
      yMin: 0,
      yMaxAtLeast: 2,
      decimals: 0,
      series,
    },
  ];
}

/** Cluster Autoscaler: each node group's target size, and nodes upcoming, unneeded and deleting. */
export function clusterAutoscalerPanels(history: readonly TraceSample[], label: Label): PanelModel[] {
  return namesOverHistory(history, 'ClusterAutoscaler').map((name) => {
    const field = (f: string) => fieldOverHistory(history, 'ClusterAutoscaler', name, (e) => num(e[f]));
    const groups = new Set<string>();
    const key = `ClusterAutoscaler/${name}`;
    for (const s of history)
      for (const g of Object.keys(record(s.autoscalers[key]?.desired) ?? {})) groups.add(g);
    const series = [...groups].sort().map((g, i) =>
      line(
        `ca/${g}/target`,
        label('autoscalers.chart.groupTarget', { name: g }),
        seriesColor(i),
        DASH.solid,
        true,
        fieldOverHistory(history, 'ClusterAutoscaler', name, (e) => num(record(e.desired)?.[g])),
      ),
    );
    series.push(
      line(
        'ca/upcoming',
        label('autoscalers.chart.upcoming'),
        seriesColor(groups.size),
        DASH.desired,
        true,
        field('upcomingNodes'),
      ),
      line(
        'ca/unneeded',
        label('autoscalers.chart.unneeded'),
        seriesColor(groups.size + 1),
        DASH.bound,
        true,
        field('unneededNodes'),
      ),
      line(
        'ca/deleting',
        label('autoscalers.chart.deletingNodes'),
        seriesColor(groups.size + 2),
        DASH.target,
        true,
        field('deletingNodes'),
      ),
    );
    return {
      id: `ca-nodes-${name}` as const,
      titleKey: label('autoscalers.chart.clusterAutoscaler'),
      unit: '',
      yMin: 0,
      yMaxAtLeast: 2,
      decimals: 0,
      series,
    };
  });
}

export interface AutoscalerPanels {
  /** Shown right after the replicas panel: what drives the workload. */
  workload: PanelModel[];
  /** Shown right after the nodes panel: what drives the nodes. */
  nodes: PanelModel[];
}

export function buildAutoscalerPanels(
  history: readonly TraceSample[],
  vpas: readonly VpaChartSource[],
  label: Label,
): AutoscalerPanels {
  return {
    workload: [
      ...vpaPanels(vpas, label),
      ...scaledObjectPanels(history, label),
      ...queuePanels(history, label),
    ],
    nodes: [...nodeClaimPanels(history, label), ...clusterAutoscalerPanels(history, label)],
  };
}

/** The base panels with the autoscaler panels slotted in after replicas and after nodes. */
export function placeAutoscalerPanels(base: readonly PanelModel[], extra: AutoscalerPanels): PanelModel[] {
  return base.flatMap((p) =>
    p.id === 'replicas' ? [p, ...extra.workload] : p.id === 'nodes' ? [p, ...extra.nodes] : [p],
  );
}
