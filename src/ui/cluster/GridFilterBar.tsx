import { useTranslation } from 'react-i18next';
import type { World } from '../../sim/core/types';
import { FaultsMenu } from './FaultsMenu';
import { NODE_GROUP_BYS, NODE_SORTS, parseGroupBy, useGridView, type NodeSort } from '../../store/gridViewStore';

interface Props {
  world: World | null;
  /** Label keys present on the cluster's nodes, offered as "group by label". */
  labelKeys: string[];
  error: string | null;
  matched: number;
  total: number;
}

/** kube-ops-view's filter box and eks-node-viewer's sort, plus grouping by zone, type or any label. */
export function GridFilterBar({ world, labelKeys, error, matched, total }: Props) {
  const { t } = useTranslation();
  const query = useGridView((s) => s.query);
  const sortBy = useGridView((s) => s.sortBy);
  const groupBy = useGridView((s) => s.groupBy);
  const { setQuery, setSortBy, setGroupBy } = useGridView.getState();
  return (
    <div className="cluster-filterbar" role="group" aria-label={t('views.grid.arrange')}>
      <input
        type="search"
        className={error ? 'grid-filter invalid' : 'grid-filter'}
        data-testid="grid-filter"
        aria-label={t('views.grid.filter')}
        placeholder={t('views.grid.filterPlaceholder')}
        title={error ?? t('views.grid.filterHelp')}
        aria-invalid={error !== null}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim() !== '' && (
        <span className="muted small" data-testid="grid-filter-count">
          {error ? t('views.grid.filterError') : t('views.grid.matched', { matched, total })}
        </span>
      )}
      <label>
        {t('views.grid.sort')}{' '}
        <select aria-label={t('views.grid.sort')} data-testid="grid-sort" value={sortBy} onChange={(e) => setSortBy(e.target.value as NodeSort)}>
          {NODE_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`views.grid.sortBy.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('views.grid.group')}{' '}
        <select aria-label={t('views.grid.group')} data-testid="grid-group" value={groupBy} onChange={(e) => setGroupBy(parseGroupBy(e.target.value))}>
          {NODE_GROUP_BYS.map((g) => (
            <option key={g} value={g}>
              {t(`views.grid.groupBy.${g}`)}
            </option>
          ))}
          {labelKeys.map((k) => (
            <option key={k} value={`label:${k}`}>
              {t('views.grid.groupByLabel', { key: k })}
            </option>
          ))}
        </select>
      </label>
      <FaultsMenu world={world} />
    </div>
  );
}
