import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { useGridView } from '../../store/gridViewStore';
import { ROLE_COLORS } from '../theme/palette';
import { COLLAPSE_NODES, summarizeCost, type Allocation } from './costModel';
import { formatCpu, formatMemory, formatPercent, formatPrice } from './format';
import { PanelBoundary } from './PanelBoundary';
import { useThrottledVersion } from './useThrottledVersion';
import './cluster.css';

/** The eks-node-viewer-like header: totals, then one allocation bar per node (or per type when many). */
export function CostHeader() {
  const { t } = useTranslation();
  return (
    <PanelBoundary title={t('cluster.cost.title')} retryLabel={t('cluster.retry')}>
      <CostHeaderBody />
    </PanelBoundary>
  );
}

function AllocationBar({ value, color, label }: { value: Allocation; color: string; label: string }) {
  const ratio = value.allocatable > 0 ? Math.min(1, value.requested / value.allocatable) : 0;
  return (
    <span className="cost-bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(ratio * 100)}>
      <span className="cost-bar-fill" style={{ width: `${ratio * 100}%`, background: color }} />
    </span>
  );
}

/** The fixed columns; cluster.css has the same list for the rows without extra labels. */
const BASE_COLUMNS = 'minmax(120px, 1.4fr) 90px 80px minmax(110px, 1fr) minmax(110px, 1fr) 80px';

const CostHeaderBody = memo(function CostHeaderBody() {
  const { t } = useTranslation();
  const version = useThrottledVersion(100);
  const session = usePlayground((s) => s.session);
  const selection = usePlayground((s) => s.selection);
  const [expanded, setExpanded] = useState(false);
  const extraLabels = useGridView((s) => s.extraLabels);
  const world = session?.world;
  const summary = useMemo(() => (world && version >= 0 ? summarizeCost(world) : null), [world, version]);
  if (!summary) return <div className="cost-header" data-testid="cost-header" />;
  const collapsed = summary.rows.length > COLLAPSE_NODES && !expanded;
  const labelKeys = [...new Set(summary.rows.flatMap((r) => Object.keys(r.labels)))].sort().filter((k) => !extraLabels.includes(k));
  // One extra column per chosen label, after the fixed ones (as eks-node-viewer --extra-labels).
  const columns = extraLabels.length > 0 ? { gridTemplateColumns: `${BASE_COLUMNS} ${extraLabels.map(() => 'minmax(70px, 0.8fr)').join(' ')}` } : undefined;
  const cpuLabel = (a: Allocation) => `${formatCpu(a.requested)}/${formatCpu(a.allocatable)}`;
  const memLabel = (a: Allocation) => `${formatMemory(a.requested)}/${formatMemory(a.allocatable)}`;
  return (
    <div className="cost-header" data-testid="cost-header">
      <div className="cost-totals" data-testid="cost-totals">
        <span data-testid="cost-nodes">
          {/* The status line's sentence, from the same counts (common/nodeCounts). */}
          {summary.launchingNodes > 0
            ? t('status.nodesLineLaunching', { nodes: summary.nodes, ready: summary.readyNodes, launching: summary.launchingNodes })
            : t('status.nodesLine', { nodes: summary.nodes, ready: summary.readyNodes })}
        </span>
        <span>
          <strong>{summary.podsRunning}</strong> {t('cluster.cost.running')} · <strong className={summary.podsPending > 0 ? 'cost-warn' : ''}>{summary.podsPending}</strong>{' '}
          {t('cluster.cost.pending')}
        </span>
        <span className="cost-total-bar">
          CPU <AllocationBar value={summary.cpu} color={ROLE_COLORS.cpuRequested} label={t('cluster.cost.cpuRequested')} />{' '}
          {formatPercent(summary.cpu.requested, summary.cpu.allocatable)}
        </span>
        <span className="cost-total-bar">
          {t('cluster.cost.memory')} <AllocationBar value={summary.memory} color={ROLE_COLORS.memRequested} label={t('cluster.cost.memoryRequested')} />{' '}
          {formatPercent(summary.memory.requested, summary.memory.allocatable)}
        </span>
        <span className="cost-price" data-testid="cost-per-hour">
          {t('cluster.cost.perHour', { price: formatPrice(summary.perHour, 3) })}
        </span>
        <span className="cost-price">{t('cluster.cost.perMonth', { price: formatPrice(summary.perMonth, 2) })}</span>
        {labelKeys.length > 0 && (
          <label className="cost-add-label">
            <select
              aria-label={t('views.table.addLabel')}
              data-testid="add-label-column"
              value=""
              onChange={(e) => e.target.value && useGridView.getState().setExtraLabels([...extraLabels, e.target.value])}
            >
              <option value="">{t('views.table.addLabel')}</option>
              {labelKeys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="cost-rows" role="table" aria-label={t('cluster.cost.tableLabel')}>
        <div className="cost-row cost-row-head" role="row" style={columns}>
          <span role="columnheader">{collapsed ? t('cluster.cost.count') : t('cluster.cost.node')}</span>
          <span role="columnheader">{t('cluster.cost.instanceType')}</span>
          <span role="columnheader">{t('cluster.cost.capacityType')}</span>
          <span role="columnheader">CPU</span>
          <span role="columnheader">{t('cluster.cost.memory')}</span>
          <span role="columnheader">{t('cluster.cost.price')}</span>
          {extraLabels.map((k) => (
            <span role="columnheader" key={k} className="cost-label-head" title={k}>
              {k.split('/').pop()}
              <button type="button" className="tiny" aria-label={t('views.table.removeLabel', { key: k })} onClick={() => useGridView.getState().setExtraLabels(extraLabels.filter((x) => x !== k))}>
                ×
              </button>
            </span>
          ))}
        </div>
        {collapsed
          ? summary.byType.map((r) => (
              <div className="cost-row" role="row" key={`${r.instanceType}/${r.capacityType}`} style={columns}>
                <span role="cell">×{r.count}</span>
                <span role="cell">{r.instanceType}</span>
                <span role="cell" className={`cost-cap cost-cap-${r.capacityType}`}>{t(`cluster.cost.${r.capacityType === 'spot' ? 'spot' : 'onDemand'}`)}</span>
                <span role="cell" className="cost-alloc">
                  <AllocationBar value={r.cpu} color={ROLE_COLORS.cpuRequested} label={`CPU ${cpuLabel(r.cpu)}`} />
                  {formatPercent(r.cpu.requested, r.cpu.allocatable)}
                </span>
                <span role="cell" className="cost-alloc">
                  <AllocationBar value={r.memory} color={ROLE_COLORS.memRequested} label={memLabel(r.memory)} />
                  {formatPercent(r.memory.requested, r.memory.allocatable)}
                </span>
                <span role="cell">{t('cluster.cost.perHourShort', { price: formatPrice(r.pricePerHour, 3) })}</span>
                {extraLabels.map((k) => (
                  <span role="cell" key={k} />
                ))}
              </div>
            ))
          : summary.rows.map((r) => (
              <div
                className={`cost-row${selection?.kind === 'node' && selection.name === r.name ? ' cost-row-selected' : ''}`}
                role="row"
                key={r.name}
                style={columns}
                onClick={() => usePlayground.getState().select({ kind: 'node', name: r.name })}
                title={`${r.name} · ${t(`cluster.node.stateName.${r.state}`)} · ${r.pool}`}
              >
                <span role="cell" className="cost-node-cell">
                  {/* The name gives way (ellipsis); the state never does ("Launch…" was unreadable). */}
                  <span className="cost-node-name" data-testid="cost-node-name">
                    {r.shortName}
                  </span>
                  {r.state !== 'ready' && (
                    <em className="cost-state" data-testid="cost-node-state">
                      {t(`cluster.cost.status.${r.state}`)}
                    </em>
                  )}
                </span>
                <span role="cell">{r.instanceType}</span>
                <span role="cell" className={`cost-cap cost-cap-${r.capacityType}`}>{t(`cluster.cost.${r.capacityType === 'spot' ? 'spot' : 'onDemand'}`)}</span>
                <span role="cell" className="cost-alloc" title={cpuLabel(r.cpu)}>
                  <AllocationBar value={r.cpu} color={ROLE_COLORS.cpuRequested} label={`CPU ${cpuLabel(r.cpu)}`} />
                  {formatPercent(r.cpu.requested, r.cpu.allocatable)}
                </span>
                <span role="cell" className="cost-alloc" title={memLabel(r.memory)}>
                  <AllocationBar value={r.memory} color={ROLE_COLORS.memRequested} label={memLabel(r.memory)} />
                  {formatPercent(r.memory.requested, r.memory.allocatable)}
                </span>
                <span role="cell">{t('cluster.cost.perHourShort', { price: formatPrice(r.pricePerHour) })}</span>
                {extraLabels.map((k) => (
                  <span role="cell" key={k} className="cost-label" title={r.labels[k] ?? ''}>
                    {r.labels[k] ?? ''}
                  </span>
                ))}
              </div>
            ))}
      </div>
      {summary.rows.length > COLLAPSE_NODES && (
        <button type="button" className="cost-toggle" onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('cluster.cost.collapse') : t('cluster.cost.showAll', { count: summary.rows.length })}
        </button>
      )}
    </div>
  );
});
