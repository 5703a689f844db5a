import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionVersion } from '../common/useSession';
import type { Session } from '../../sim/session';
import { engine } from '../../store/engine';
import { formatSeconds } from '../charts/geometry';
import { latestByController, logLine } from './textViews';
import { explanationTitle, renderLines, stateLabel } from '../i18n/message';

/**
 * Each autoscaler's latest decision in its own words and numbers (its `explain`), then the latest
 * log lines of controllers that do not explain themselves yet.
 */
export function WhyPanel() {
  const { session, version } = useSessionVersion();
  return <WhyContent session={session} version={version} />;
}

/** The Why text of one run's session (compare mode shows it for run B too). */
export function WhyContent({ session, version, testId = 'why-panel' }: { session: Session | null; version: number; testId?: string }) {
  const { t } = useTranslation();
  const logCount = session?.world.logCount ?? 0;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the world mutates in place; version says when
  const explained = useMemo(() => (session ? engine().autoscalerExplanations(session.world) : []), [session, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- logs grow in place; logCount says when
  const groups = useMemo(() => (session ? latestByController(session.world.logs) : []), [session, logCount]);
  return (
    <div className="textpanel scroll why" data-testid={testId}>
      {explained.map((e) => (
        <section key={e.object}>
          <h4>
            {explanationTitle(t, e)} <span className="muted small">· {stateLabel(t, e.state)} · {formatSeconds(e.at)}</span>
          </h4>
          <pre>{renderLines(t, e.lines)}</pre>
        </section>
      ))}
      {explained.length === 0 && <p className="muted small">{t('why.fromLogs')}</p>}
      {groups.length === 0 && explained.length === 0 && <p className="muted">{t('why.empty')}</p>}
      {groups.map((g) => (
        <section key={g.controller}>
          <h4>{g.controller}</h4>
          <pre>{g.lines.map(logLine).join('\n')}</pre>
        </section>
      ))}
    </div>
  );
}
