import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionVersion } from '../common/useSession';
import { logLines } from './textViews';

/** Controller log lines (world.logs), each prefixed with its controller. */
export function LogsPanel() {
  const { t } = useTranslation();
  const { session } = useSessionVersion();
  const [filter, setFilter] = useState('');
  const world = session?.world;
  const count = world?.logCount ?? 0;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- logs grow in place; logCount says when
  const lines = useMemo(() => (world ? logLines(world.logs, filter) : []), [world, count, filter]);
  return (
    <div className="textpanel">
      <input className="filter" aria-label={t('logs.filter')} placeholder={t('logs.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      {lines.length === 0 ? <p className="muted">{t('logs.empty')}</p> : <pre className="scroll logs" data-testid="logs-output">{lines.join('\n')}</pre>}
    </div>
  );
}
