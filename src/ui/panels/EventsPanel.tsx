import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionVersion } from '../common/useSession';
import { eventRows } from './textViews';

/** `kubectl get events` as a live table, filterable. */
export function EventsPanel() {
  const { t } = useTranslation();
  const { session, version } = useSessionVersion();
  const [filter, setFilter] = useState('');
  // kubectl lists oldest first; in a live view the newest event is what a person looks for.
  const [newestFirst, setNewestFirst] = useState(true);
  const world = session?.world;
  const count = world?.eventCount ?? 0;
  const nowS = Math.floor((world?.timeMs ?? 0) / 1000);
  const rows = useMemo(() => {
    const list = world ? eventRows(world.events, nowS, filter) : [];
    return newestFirst ? list.reverse() : list;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- events grow in place; count and now say when
  }, [world, count, nowS, filter, version, newestFirst]);
  return (
    <div className="textpanel">
      <div className="events-toolbar">
        <input className="filter" aria-label={t('events.filter')} placeholder={t('events.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <label className="small">
          <input type="checkbox" data-testid="events-newest-first" checked={newestFirst} onChange={(e) => setNewestFirst(e.target.checked)} /> {t('views.events.newestFirst')}
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('events.empty')}</p>
      ) : (
        <div className="scroll">
          <table className="kubectl" data-testid="events-table">
            <thead>
              <tr>
                <th>LAST SEEN</th>
                <th>TYPE</th>
                <th>REASON</th>
                <th>OBJECT</th>
                <th>MESSAGE</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} className={r.type === 'Warning' ? 'warn' : ''}>
                  <td>{r.lastSeen}</td>
                  <td>{r.type}</td>
                  <td>{r.reason}</td>
                  <td>{r.object}</td>
                  <td>
                    {r.message}
                    {r.count > 1 ? ` (x${r.count})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
