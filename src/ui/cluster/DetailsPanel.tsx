import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Node, Pod, World } from '../../sim/core/types';
import type { EventSeries } from '../../sim/views/events';
import { usePlayground, type TerminalEntry } from '../../store/playgroundStore';
import { parseCommandLine } from '../../scenario/commandLine';
import { renderMessage } from '../i18n/message';
import { describeLine, eventsFor, labelLines, podsOnNode } from './details';
import { formatAge, formatCpu, formatMemory, formatPercent, formatPrice } from './format';
import { PanelBoundary } from './PanelBoundary';
import { useThrottledVersion } from './useThrottledVersion';
import { podStatusKind, podStatusText } from './podStatus';
import './cluster.css';

type T = (key: string, options?: Record<string, unknown>) => string;

/** What the person clicked in the grid or the cost header: a pod or a node, in kubectl's terms. */
export function DetailsPanel() {
  const { t } = useTranslation();
  return (
    <PanelBoundary title={t('cluster.details.title')} retryLabel={t('cluster.retry')}>
      <DetailsBody />
    </PanelBoundary>
  );
}

const DetailsBody = memo(function DetailsBody() {
  const { t } = useTranslation();
  useThrottledVersion(100);
  const session = usePlayground((s) => s.session);
  const selection = usePlayground((s) => s.selection);
  const [described, setDescribed] = useState<TerminalEntry | null>(null);
  useEffect(() => {
    setDescribed(null);
  }, [selection]);
  if (!selection || !session) return null;
  const world = session.world;
  const close = () => usePlayground.getState().select(null);
  const pod = selection.kind === 'pod' ? world.pods.get(selection.name) : undefined;
  const node = selection.kind === 'node' ? world.nodes.get(selection.name) : undefined;
  const gone = (!pod && !node) || pod?.state === 'Gone' || node?.state === 'Gone';
  const describe = () => {
    const line = describeLine(selection.kind, selection.name, pod?.namespace);
    setDescribed(usePlayground.getState().run(line, parseCommandLine));
  };
  return (
    <aside className="cluster-details" data-testid="details-panel" aria-label={t('cluster.details.title')}>
      <header>
        <h2>
          <span className="cluster-details-kind">{selection.kind === 'pod' ? 'Pod' : 'Node'}</span> {selection.name}
        </h2>
        <button type="button" className="cluster-close" aria-label={t('cluster.close')} onClick={close}>
          ×
        </button>
      </header>
      {gone ? (
        <p className="cluster-details-gone">{t('cluster.details.gone')}</p>
      ) : pod ? (
        <PodDetails world={world} pod={pod} t={t} />
      ) : node ? (
        <NodeDetails world={world} node={node} t={t} />
      ) : null}
      {!gone && (
        <div className="cluster-details-actions">
          <button type="button" onClick={describe} data-testid="describe-button">
            {t('cluster.details.describe', { line: describeLine(selection.kind, selection.name, pod?.namespace) })}
          </button>
        </div>
      )}
      {described && (
        <pre className={`cluster-describe${described.ok ? '' : ' cluster-describe-error'}`} data-testid="describe-output">
          {described.msg ? renderMessage(t, described.msg) : described.output}
        </pre>
      )}
    </aside>
  );
});

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="cluster-details-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Labels({ labels, t }: { labels: Record<string, string>; t: T }) {
  const lines = labelLines(labels);
  if (lines.length === 0) return <p className="cluster-muted">{t('cluster.details.none')}</p>;
  return (
    <ul className="cluster-labels">
      {lines.map((l) => (
        <li key={l}>
          <code>{l}</code>
        </li>
      ))}
    </ul>
  );
}

function Events({ events, world, t }: { events: EventSeries[]; world: World; t: T }) {
  if (events.length === 0) return <p className="cluster-muted">{t('cluster.details.noEvents')}</p>;
  return (
    <table className="cluster-events">
      <thead>
        <tr>
          <th>{t('cluster.details.eventType')}</th>
          <th>{t('cluster.details.eventReason')}</th>
          <th>{t('cluster.details.eventAge')}</th>
          <th>{t('cluster.details.eventMessage')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map(({ event: e, count, firstT, lastT }, i) => (
          <tr key={i} className={e.type === 'Warning' ? 'cluster-warning' : ''}>
            <td>{e.type}</td>
            <td>{e.reason}</td>
            <td>
              {count > 1
                ? t('cluster.details.eventRepeated', { last: formatAge(world.timeMs - lastT * 1000), count, first: formatAge(world.timeMs - firstT * 1000) })
                : formatAge(world.timeMs - firstT * 1000)}
            </td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PodDetails({ world, pod, t }: { world: World; pod: Pod; t: T }) {
  const status = podStatusKind(pod);
  const select = (name: string) => usePlayground.getState().select({ kind: 'node', name });
  return (
    <>
      <dl className="cluster-fields">
        <dt>{t('cluster.details.namespace')}</dt>
        <dd>{pod.namespace}</dd>
        <dt>{t('cluster.details.status')}</dt>
        <dd>
          {podStatusText(pod)}
          {status && t(`cluster.podStatus.${status}`) !== podStatusText(pod) && <span className="cluster-muted"> ({t(`cluster.podStatus.${status}`)})</span>}
        </dd>
        <dt>{t('cluster.details.node')}</dt>
        <dd>
          {pod.nodeName ? (
            <button type="button" className="cluster-link" onClick={() => select(pod.nodeName)}>
              {pod.nodeName}
            </button>
          ) : (
            t('cluster.details.notScheduled')
          )}
        </dd>
        <dt>{t('cluster.details.ip')}</dt>
        <dd>{pod.ip || '—'}</dd>
        <dt>{t('cluster.details.controlledBy')}</dt>
        <dd>{pod.ownerKind === 'None' ? '—' : `${pod.ownerKind}/${pod.ownerName}`}</dd>
        <dt>{t('cluster.details.age')}</dt>
        <dd>{formatAge(world.timeMs - pod.createdMs)}</dd>
        <dt>{t('cluster.details.restarts')}</dt>
        <dd>
          {pod.restarts}
          {pod.lastTerminationReason && <span className="cluster-muted"> ({t('cluster.details.lastState', { reason: pod.lastTerminationReason })})</span>}
        </dd>
        <dt>{t('cluster.details.usage')}</dt>
        <dd>{pod.metric ? `${formatCpu(pod.metric.cpuMillis)} CPU, ${formatMemory(pod.metric.memoryMiB)}` : t('cluster.details.noMetrics')}</dd>
      </dl>
      {pod.state === 'Pending' && (
        <p className="cluster-scheduler-message" data-testid="scheduler-message">
          <strong>{t('cluster.details.schedulerMessage')}</strong> {pod.unschedulableMessage || t('cluster.details.waitingForScheduler')}
        </p>
      )}
      <Section title={t('cluster.details.containers')}>
        <table className="cluster-containers">
          <thead>
            <tr>
              <th>{t('cluster.details.container')}</th>
              <th>{t('cluster.details.requests')}</th>
              <th>{t('cluster.details.limits')}</th>
            </tr>
          </thead>
          <tbody>
            {[...pod.spec.initContainers.map((c) => ({ c, init: true })), ...pod.spec.containers.map((c) => ({ c, init: false }))].map(({ c, init }) => (
              <tr key={`${init ? 'init:' : ''}${c.name}`}>
                <td>
                  {c.name}
                  {init && <span className="cluster-muted"> (init)</span>}
                  <div className="cluster-muted cluster-image">{c.image}</div>
                </td>
                <td>
                  cpu {formatCpu(c.requests.cpuMillis)}, memory {formatMemory(c.requests.memoryMiB)}
                </td>
                <td>
                  cpu {c.limits.cpuMillis ? formatCpu(c.limits.cpuMillis) : '—'}, memory {c.limits.memoryMiB ? formatMemory(c.limits.memoryMiB) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('cluster.details.conditions')}>
        {pod.conditions.length === 0 ? (
          <p className="cluster-muted">{t('cluster.details.none')}</p>
        ) : (
          <table className="cluster-conditions">
            <tbody>
              {pod.conditions.map((c) => (
                <tr key={c.type}>
                  <td>{c.type}</td>
                  <td className={c.status === 'True' ? 'cluster-true' : 'cluster-false'}>{c.status}</td>
                  <td className="cluster-muted">{[c.reason, c.message].filter(Boolean).join(': ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={t('cluster.details.labels')}>
        <Labels labels={pod.labels} t={t} />
      </Section>
      <Section title={t('cluster.details.events')}>
        <Events events={eventsFor(world, 'Pod', pod.name, pod.namespace)} world={world} t={t} />
      </Section>
    </>
  );
}

function NodeDetails({ world, node, t }: { world: World; node: Node; t: T }) {
  const pods = podsOnNode(world, node.name);
  const select = (name: string) => usePlayground.getState().select({ kind: 'pod', name });
  const row = (label: string, req: string, alloc: string, pct: string) => (
    <tr>
      <td>{label}</td>
      <td>{req}</td>
      <td>{alloc}</td>
      <td>{pct}</td>
    </tr>
  );
  return (
    <>
      <dl className="cluster-fields">
        <dt>{t('cluster.details.state')}</dt>
        <dd>
          {node.state}
          {node.unschedulable && ', SchedulingDisabled'}
          {node.terminateWhenDrained && <span className="cluster-muted"> ({t('cluster.details.beingRemoved')})</span>}
        </dd>
        <dt>{t('cluster.details.pool')}</dt>
        <dd>
          {node.pool} <span className="cluster-muted">({node.poolKind})</span>
        </dd>
        <dt>{t('cluster.details.instance')}</dt>
        <dd>
          {node.instanceType} · {node.capacityType} · {node.zone}
        </dd>
        <dt>{t('cluster.details.price')}</dt>
        <dd>{t('cluster.cost.perHourShort', { price: formatPrice(node.pricePerHour) })}</dd>
        <dt>{t('cluster.details.age')}</dt>
        <dd>{formatAge(world.timeMs - node.createdMs)}</dd>
        <dt>{t('cluster.details.providerId')}</dt>
        <dd className="cluster-muted">{node.providerId}</dd>
      </dl>
      <Section title={t('cluster.details.allocated')}>
        <table className="cluster-allocated">
          <thead>
            <tr>
              <th />
              <th>{t('cluster.details.requested')}</th>
              <th>{t('cluster.details.allocatable')}</th>
              <th>%</th>
            </tr>
          </thead>
          <tbody>
            {row('cpu', formatCpu(node.requested.cpuMillis), formatCpu(node.allocatable.cpuMillis), formatPercent(node.requested.cpuMillis, node.allocatable.cpuMillis))}
            {row('memory', formatMemory(node.requested.memoryMiB), formatMemory(node.allocatable.memoryMiB), formatPercent(node.requested.memoryMiB, node.allocatable.memoryMiB))}
            {row('pods', String(node.requested.pods), String(node.allocatable.pods), formatPercent(node.requested.pods, node.allocatable.pods))}
          </tbody>
        </table>
      </Section>
      <Section title={t('cluster.details.taints')}>
        {node.taints.length === 0 && !node.unschedulable ? (
          <p className="cluster-muted">{t('cluster.details.none')}</p>
        ) : (
          <ul className="cluster-labels">
            {node.unschedulable && (
              <li>
                <code>node.kubernetes.io/unschedulable:NoSchedule</code>
              </li>
            )}
            {node.taints.map((taint) => (
              <li key={`${taint.key}:${taint.effect}`}>
                <code>
                  {taint.key}
                  {taint.value ? `=${taint.value}` : ''}:{taint.effect}
                </code>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('cluster.details.podsOnNode', { count: pods.length })}>
        <ul className="cluster-pod-list">
          {pods.map((p) => (
            <li key={p.name}>
              <button type="button" className="cluster-link" onClick={() => select(p.name)}>
                {p.name}
              </button>{' '}
              <span className="cluster-muted">
                {podStatusText(p)} · {formatCpu(p.request.cpuMillis)} / {formatMemory(p.request.memoryMiB)}
              </span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('cluster.details.labels')}>
        <Labels labels={node.labels} t={t} />
      </Section>
      <Section title={t('cluster.details.events')}>
        <Events events={eventsFor(world, 'Node', node.name, null)} world={world} t={t} />
      </Section>
    </>
  );
}
