import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionVersion } from '../ui/common/useSession';
import { formatClock, zoneClock } from './time';
import { summarizeWorld, type WorldSummary } from './worldSummary';

/**
 * Workloads named in the line. An imported cluster has dozens, and one line each pushed the node grid
 * off a 1280×720 screen; the rest are counted, and listed in the count's tooltip.
 */
export const STATUS_WORKLOADS = 3;

/**
 * One fact of the line. The line keeps one row (a second row moved the whole layout below it when a
 * node started launching at 1280×720); a fact without room ends in an ellipsis (app.css says which
 * give way first), and its tooltip holds the whole text.
 */
function Item({ testId, className, text }: { testId: string; className?: string; text: string }) {
  return (
    <span data-testid={testId} className={className} title={text}>
      {text}
    </span>
  );
}

/**
 * The canvas is invisible to screen readers and tests: this live line says what it shows.
 * Kept terse so a polite live region does not flood a screen reader.
 */
export function StatusSummary() {
  const { t, i18n } = useTranslation();
  const { session, version } = useSessionVersion();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the world mutates in place; version says when
  const s = useMemo(() => (session ? summarizeWorld(session.world) : null), [session, version]);
  if (!s) return <div role="status" className="status" />;
  const nodesText =
    s.launching > 0
      ? t('status.nodesLineLaunching', { nodes: s.nodes, ready: s.readyNodes, launching: s.launching })
      : t('status.nodesLine', { nodes: s.nodes, ready: s.readyNodes });
  const workloadText = (w: WorldSummary['workloads'][number]) => t('status.workload', { name: w.name, replicas: w.replicas, desired: w.desired });
  return (
    <div role="status" aria-live="polite" className="status" data-testid="status" data-scenario={session?.spec.name}>
      <Item testId="status-time" className="status-time" text={`${t('app.clock')} ${formatClock(s.timeMs)}`} />
      {s.cronClock && (
        <span data-testid="status-cron-clock" title={t('status.cronClockHint', { zone: s.cronClock.zone })}>
          {t('status.cronClock', { time: zoneClock(s.cronClock.epochMs, s.cronClock.zone, i18n.language), zone: s.cronClock.zone })}
        </span>
      )}
      <Item testId="nodes" text={nodesText} />
      <Item testId="pods" text={t('status.podsLine', { running: s.running, pending: s.pending })} />
      {s.workloads.slice(0, STATUS_WORKLOADS).map((w) => (
        <Item key={w.name} testId={`workload-${w.name}`} className="status-workload" text={workloadText(w)} />
      ))}
      {s.workloads.length > STATUS_WORKLOADS && (
        <span
          data-testid="workloads-more"
          className="status-workload"
          title={s.workloads.slice(STATUS_WORKLOADS).map(workloadText).join('\n')}
        >
          {t('status.moreWorkloads', { count: s.workloads.length - STATUS_WORKLOADS })}
        </span>
      )}
      <Item testId="cost" className="status-cost" text={t('status.costLine', { cost: s.costPerHour.toFixed(3) })} />
    </div>
  );
}
