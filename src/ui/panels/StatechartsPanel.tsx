import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { stateLabel } from '../i18n/message';
import type { AnyStateMachine } from 'xstate';
import { podMachine } from '../../sim/lifecycle/podMachine';
import { nodeMachine } from '../../sim/lifecycle/nodeMachine';
import { hpaMachine } from '../../sim/autoscalers/hpa/hpaMachine';
import { kedaMachine } from '../../sim/autoscalers/keda/kedaMachine';
import { vpaMachine } from '../../sim/autoscalers/vpa/vpaMachine';
import { caMachine } from '../../sim/autoscalers/cluster-autoscaler/caMachine';
import { cpaMachine } from '../../sim/autoscalers/cpa/cpaMachine';
import { karpenterMachine } from '../../sim/autoscalers/karpenter/karpenterMachine';
import { engine } from '../../store/engine';
import { usePlayground } from '../../store/playgroundStore';
import { useSessionVersion } from '../common/useSession';
import type { Session } from '../../sim/session';
import { BOX, statechartGraph, type StatechartGraph } from './statechartGraph';

interface MachineEntry {
  key: string;
  title: string;
  machine: AnyStateMachine;
  /** Trace "Kind/name" prefixes whose `state` is this machine's. */
  traceKinds: string[];
}

const MACHINES: MachineEntry[] = [
  { key: 'pod', title: 'statecharts.pod', machine: podMachine, traceKinds: [] },
  { key: 'node', title: 'statecharts.node', machine: nodeMachine, traceKinds: [] },
  { key: 'hpa', title: 'HorizontalPodAutoscaler', machine: hpaMachine, traceKinds: ['HorizontalPodAutoscaler'] },
  { key: 'keda', title: 'KEDA ScaledObject', machine: kedaMachine, traceKinds: ['ScaledObject'] },
  { key: 'vpa', title: 'VerticalPodAutoscaler', machine: vpaMachine, traceKinds: ['VerticalPodAutoscaler'] },
  { key: 'ca', title: 'Cluster Autoscaler', machine: caMachine, traceKinds: ['ClusterAutoscaler', 'cluster-autoscaler'] },
  { key: 'cpa', title: 'Cluster Proportional Autoscaler', machine: cpaMachine, traceKinds: ['ClusterProportionalAutoscaler', 'cpa'] },
  { key: 'karpenter', title: 'Karpenter', machine: karpenterMachine, traceKinds: ['Karpenter', 'NodePool'] },
];

/** How many objects are in each state now, and which state the selection is in. */
function stateCounts(
  entry: MachineEntry,
  session: Session,
  selection: { kind: string; name: string } | null,
  autoscalers: Record<string, Record<string, unknown>>,
): { counts: Map<string, number>; lit: string | null } {
  const counts = new Map<string, number>();
  const add = (s: string) => counts.set(s, (counts.get(s) ?? 0) + 1);
  const w = session.world;
  let lit: string | null = null;
  if (entry.key === 'pod') {
    for (const p of w.pods.values()) add(p.state);
    if (selection?.kind === 'pod') lit = w.pods.get(selection.name)?.state ?? null;
  } else if (entry.key === 'node') {
    for (const n of w.nodes.values()) add(n.state);
    if (selection?.kind === 'node') lit = w.nodes.get(selection.name)?.state ?? null;
  } else {
    for (const [key, v] of Object.entries(autoscalers)) {
      const kind = key.split('/')[0];
      if (!entry.traceKinds.some((k) => k.toLowerCase() === kind.toLowerCase())) continue;
      if (typeof v.state === 'string') add(v.state);
    }
  }
  return { counts, lit };
}

/**
 * A state's label in the reader's language. Nested states (Karpenter's parallel regions) show their
 * leaf, prefixed with the region where the same leaf name occurs in more than one region.
 */
function boxLabel(t: TFunction, id: string, ambiguous: ReadonlySet<string>): string {
  const parts = id.split('.');
  const leaf = parts[parts.length - 1];
  const label = stateLabel(t, leaf);
  return parts.length > 1 && ambiguous.has(leaf) ? `${stateLabel(t, parts[0])}: ${label}` : label;
}

/** A transition's event: machine event names stay as the code names them; delays read "after 5m". */
function eventText(t: TFunction, label: string): string {
  return label
    .split(', ')
    .map((e) => {
      const after = /^after (.+)$/.exec(e);
      return after ? t('statecharts.after', { delay: after[1] }) : e;
    })
    .join(', ');
}

function Chart({ graph, counts, lit, title }: { graph: StatechartGraph; counts: Map<string, number>; lit: string | null; title: string }) {
  const { t } = useTranslation();
  const pos = new Map(graph.states.map((s) => [s.id, s]));
  const leaves = graph.states.map((s) => s.id.split('.').pop() ?? s.id);
  const ambiguous = new Set(leaves.filter((l, i) => leaves.indexOf(l) !== i));
  const label = (id: string) => boxLabel(t, id, ambiguous);
  const active = (id: string) => lit === id || (lit === null && (counts.get(id) ?? 0) > 0);
  return (
    <figure className="statechart" data-testid={`statechart-${graph.id}`}>
      <figcaption>{title}</figcaption>
      <svg width={graph.width} height={graph.height} role="img" aria-label={title}>
        <defs>
          <marker id={`arrow-${graph.id}`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0L8,4L0,8z" className="arrowhead" />
          </marker>
        </defs>
        {graph.edges.map((e) => {
          const a = pos.get(e.from);
          const b = pos.get(e.to);
          if (!a || !b || a === b) return null;
          const x1 = a.x + BOX.w;
          const y1 = a.y + BOX.h / 2;
          const back = b.x <= a.x;
          const x2 = back ? b.x + BOX.w / 2 : b.x;
          const y2 = back ? b.y + (b.y > a.y ? 0 : BOX.h) : b.y + BOX.h / 2;
          const mx = (x1 + x2) / 2;
          const d = back ? `M${a.x + BOX.w / 2},${a.y + (b.y > a.y ? BOX.h : 0)}Q${(a.x + b.x) / 2 + BOX.w / 2 + 30},${(y1 + y2) / 2} ${x2},${y2}` : `M${x1},${y1}C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
          return (
            <path key={`${e.from}-${e.to}`} d={d} className="edge" markerEnd={`url(#arrow-${graph.id})`}>
              <title>{`${label(e.from)} → ${label(e.to)}: ${eventText(t, e.label)}`}</title>
            </path>
          );
        })}
        {graph.states.map((s) => {
          const n = counts.get(s.id) ?? 0;
          return (
            <g key={s.id} className={`state${active(s.id) ? ' lit' : ''}${lit === s.id ? ' selected' : ''}${s.final ? ' final' : ''}`} transform={`translate(${s.x},${s.y})`}>
              <rect width={BOX.w} height={BOX.h} rx={s.id === graph.initial ? 13 : 5} />
              <text x={8} y={BOX.h / 2} dy="0.32em" className="state-label">
                {label(s.id)}
              </text>
              {n > 0 && (
                <text x={BOX.w - 6} y={BOX.h / 2} dy="0.32em" textAnchor="end" className="count">
                  {n}
                </text>
              )}
              <title>{`${s.id} · ${lit === s.id ? t('statecharts.current') : t('statecharts.count', { count: n })}`}</title>
            </g>
          );
        })}
      </svg>
      {graph.global.length > 0 && (
        <p className="small muted">
          {graph.global.map((e) => `${eventText(t, e.label)} → ${label(e.to)}`).join(' · ')}
        </p>
      )}
    </figure>
  );
}

/** Each machine drawn from its own definition, with live state counts and the selection's state lit. */
export default function StatechartsPanel() {
  const { t } = useTranslation();
  const { session, version } = useSessionVersion();
  const selection = usePlayground((s) => s.selection);
  const graphs = useMemo(() => MACHINES.map((m) => ({ entry: m, graph: statechartGraph(m.machine) })), []);
  const live = useMemo(
    () => {
      if (!session) return [];
      // The autoscalers' states now (not at the last 5-s history sample), read once per render.
      const autoscalers = engine().currentAutoscalerStates(session);
      return graphs.map(({ entry }) => stateCounts(entry, session, selection, autoscalers));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the world mutates in place; version says when
    [graphs, session, selection, version],
  );
  return (
    <div className="textpanel scroll statecharts">
      <p className="small muted">{t('statecharts.selectHint')}</p>
      {graphs.map(({ entry, graph }, i) => (
        <Chart key={entry.key} graph={graph} counts={live[i]?.counts ?? new Map()} lit={live[i]?.lit ?? null} title={entry.title.startsWith('statecharts.') ? t(entry.title) : entry.title} />
      ))}
    </div>
  );
}
