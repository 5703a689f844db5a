import { useTranslation } from 'react-i18next';
import type { World } from '../../sim/core/types';
import type { ClusterHit } from './hitTest';
import { formatAge, formatCpu, formatMemory, formatPercent, formatPrice } from './format';
import { podStatusKind, podStatusText } from './podStatus';
import { groupTitle } from './draw';

interface Props {
  world: World;
  hit: ClusterHit;
  x: number;
  y: number;
  /** Size of the area the tooltip must stay inside. */
  bounds: { width: number; height: number };
}

const WIDTH = 280;

/** Hover details over the canvas, as DOM so it is selectable text and screen readers can reach it. */
export function GridTooltip({ world, hit, x, y, bounds }: Props) {
  const { t } = useTranslation();
  const left = x + 14 + WIDTH > bounds.width ? Math.max(0, x - 14 - WIDTH) : x + 14;
  const top = Math.max(0, Math.min(y + 14, bounds.height - 140));
  return (
    <div className="cluster-tooltip" role="tooltip" style={{ left, top, width: WIDTH }}>
      <TooltipBody world={world} hit={hit} t={t} />
    </div>
  );
}

function TooltipBody({ world, hit, t }: { world: World; hit: ClusterHit; t: (k: string, o?: Record<string, unknown>) => string }) {
  if (hit.kind === 'group') return <div className="cluster-tooltip-title">{groupTitle(hit.group, t)}</div>;
  if (hit.kind === 'pod') {
    const pod = world.pods.get(hit.name);
    if (!pod) return <div>{hit.name}</div>;
    const status = podStatusKind(pod);
    return (
      <>
        <div className="cluster-tooltip-title">{pod.name}</div>
        <dl>
          <dt>{t('cluster.tooltip.status')}</dt>
          <dd>
            {podStatusText(pod)}
            {status && t(`cluster.podStatus.${status}`) !== podStatusText(pod) ? ` (${t(`cluster.podStatus.${status}`)})` : ''}
          </dd>
          <dt>{t('cluster.tooltip.node')}</dt>
          <dd>{pod.nodeName || t('cluster.tooltip.none')}</dd>
          <dt>{t('cluster.tooltip.requests')}</dt>
          <dd>
            {formatCpu(pod.request.cpuMillis)} / {formatMemory(pod.request.memoryMiB)}
          </dd>
          <dt>{t('cluster.tooltip.usage')}</dt>
          <dd>{pod.metric ? `${formatCpu(pod.metric.cpuMillis)} / ${formatMemory(pod.metric.memoryMiB)}` : t('cluster.tooltip.noMetrics')}</dd>
          <dt>{t('cluster.tooltip.restarts')}</dt>
          <dd>{pod.restarts}</dd>
          <dt>{t('cluster.tooltip.age')}</dt>
          <dd>{formatAge(world.timeMs - pod.createdMs)}</dd>
        </dl>
        {pod.state === 'Pending' && pod.unschedulableMessage && <p className="cluster-tooltip-message">{pod.unschedulableMessage}</p>}
        <p className="cluster-tooltip-hint">{t('cluster.tooltip.clickHint')}</p>
      </>
    );
  }
  const node = world.nodes.get(hit.name);
  if (!node) return <div>{hit.name}</div>;
  const box = hit.node;
  return (
    <>
      <div className="cluster-tooltip-title">{node.name}</div>
      <dl>
        <dt>{t('cluster.tooltip.instance')}</dt>
        <dd>
          {node.instanceType} · {node.capacityType} · {node.zone}
        </dd>
        <dt>{t('cluster.tooltip.state')}</dt>
        <dd>
          {node.state}
          {node.unschedulable ? ', SchedulingDisabled' : ''}
        </dd>
        <dt>CPU</dt>
        <dd>
          {t('cluster.tooltip.requestedOf', {
            requested: formatCpu(node.requested.cpuMillis),
            allocatable: formatCpu(node.allocatable.cpuMillis),
            percent: formatPercent(node.requested.cpuMillis, node.allocatable.cpuMillis),
          })}
          {' · '}
          {t('cluster.tooltip.used', { used: formatCpu(box.cpu.used) })}
        </dd>
        <dt>{t('cluster.tooltip.memory')}</dt>
        <dd>
          {t('cluster.tooltip.requestedOf', {
            requested: formatMemory(node.requested.memoryMiB),
            allocatable: formatMemory(node.allocatable.memoryMiB),
            percent: formatPercent(node.requested.memoryMiB, node.allocatable.memoryMiB),
          })}
          {' · '}
          {t('cluster.tooltip.used', { used: formatMemory(box.memory.used) })}
        </dd>
        <dt>{t('cluster.tooltip.pods')}</dt>
        <dd>
          {box.podCount} / {node.allocatable.pods}
        </dd>
        <dt>{t('cluster.tooltip.price')}</dt>
        <dd>{t('cluster.tooltip.perHour', { price: formatPrice(node.pricePerHour) })}</dd>
        <dt>{t('cluster.tooltip.age')}</dt>
        <dd>{formatAge(world.timeMs - node.createdMs)}</dd>
      </dl>
      <p className="cluster-tooltip-hint">{t('cluster.tooltip.clickHint')}</p>
    </>
  );
}
