import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionVersion } from '../common/useSession';
import { latestByController, logLine } from './textViews';

function explanationsIn(autoscalers: Record<string, Record<string, unknown>>): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const [key, entry] of Object.entries(autoscalers)) {
    const text = entry.explanation ?? entry.why ?? entry.reason;
    if (typeof text === 'string' && text) out.push({ key, text });
    else if (Array.isArray(text)) out.push({ key, text: text.map(String).join('\n') });
  }
  return out;
}

/**
 * The last decision of each controller in its own words. Autoscalers that record an explanation in
 * their trace entry (explanation/why) are shown first; otherwise their latest log lines.
 */
export function WhyPanel() {
  const { t } = useTranslation();
  const { session } = useSessionVersion();
  const history = session?.history;
  const last = history?.[history.length - 1];
  const logCount = session?.world.logCount ?? 0;
  const explained = useMemo(() => (last ? explanationsIn(last.autoscalers) : []), [last]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- logs grow in place; logCount says when
  const groups = useMemo(() => (session ? latestByController(session.world.logs) : []), [session, logCount]);
  return (
    <div className="textpanel scroll why" data-testid="why-panel">
      {explained.map((e) => (
        <section key={e.key}>
          <h4>{e.key}</h4>
          <pre>{e.text}</pre>
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
