import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionVersion } from '../common/useSession';
import type { World } from '../../sim/core/types';
import { engine } from '../../store/engine';
import { formatSeconds } from '../charts/geometry';
import { logLine } from './textViews';
import type { WhyView } from '../../sim/views/why';
import { explanationTitle, renderLines, stateLabel } from '../i18n/message';

/**
 * Each autoscaler's latest decision in its own words and numbers (its `explain`), then the latest
 * log lines of controllers that do not explain themselves yet.
 */
export function WhyPanel() {
  const { session, version } = useSessionVersion();
  return <WhyOfWorld world={session?.world ?? null} version={version} />;
}

/** The Why text of a run whose world is on the page (the main run; compare mode's run A). */
export function WhyOfWorld({ world, version, testId = 'why-panel' }: { world: World | null; version: number; testId?: string }) {
  const logCount = world?.logCount ?? 0;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the world mutates in place; version says when
  const explained = useMemo(() => (world ? engine().autoscalerExplanations(world) : []), [world, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- logs grow in place; logCount says when
  const groups = useMemo(() => (world ? engine().latestByController(world.logs) : []), [world, logCount]);
  return <WhyContent view={{ explained, groups }} testId={testId} />;
}

/** The Why text itself, from a WhyView (compare mode's run B sends one from the engine worker). */
export function WhyContent({ view, testId }: { view: WhyView; testId: string }) {
  const { t } = useTranslation();
  const { explained, groups } = view;
  return (
    <div className="textpanel scroll why" data-testid={testId}>
      {explained.map((e) => (
        <section key={e.object}>
          <h4>
            {explanationTitle(t, e)}{' '}
            <span className="muted small">
              · {stateLabel(t, e.state)}
              {/* An autoscaler that has not synced yet has no time (at = -1), as on its card. */}
              {e.at >= 0 && ` · ${formatSeconds(e.at)}`}
            </span>
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
