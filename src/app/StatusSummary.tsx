import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionVersion } from '../ui/common/useSession';
import { formatClock, zoneClock } from './time';
import { summarizeWorld } from './worldSummary';

/**
 * Workloads named in the line. An imported cluster has dozens, and one line each pushed the node grid
 * off a 1280×720 screen; the rest are counted, and listed in the count's tooltip.
 */
export const STATUS_WORKLOADS = 3;

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
  return (
    <div role="status" aria-live="polite" className="status" data-testid="status" data-scenario={session?.spec.name}>
      <span data-testid="status-time">{t('app.clock')} {formatClock(s.timeMs)}</span>
      {s.cronClock && (
        <span data-testid="status-cron-clock" title={t('status.cronClockHint', { zone: s.cronClock.zone })}>
          {t('status.cronClock', { time: zoneClock(s.cronClock.epochMs, s.cronClock.zone, i18n.language), zone: s.cronClock.zone })}
        </span>
      )}
      <span data-testid="nodes">
        {s.launching > 0
          ? t('status.nodesLineLaunching', { nodes: s.nodes, ready: s.readyNodes, launching: s.launching })
          : t('status.nodesLine', { nodes: s.nodes, ready: s.readyNodes })}
      </span>
      <span data-testid="pods">
        {t('status.podsLine', { running: s.running, pending: s.pending })}
      </span>
      {s.workloads.slice(0, STATUS_WORKLOADS).map((w) => (
        <span key={w.name} data-testid={`workload-${w.name}`}>
          {t('status.workload', { name: w.name, replicas: w.replicas, desired: w.desired })}
        </span>
      ))}
      {s.workloads.length > STATUS_WORKLOADS && (
        <span
          data-testid="workloads-more"
          title={s.workloads
            .slice(STATUS_WORKLOADS)
            .map((w) => t('status.workload', { name: w.name, replicas: w.replicas, desired: w.desired }))
            .join('\n')}
        >
          {t('status.moreWorkloads', { count: s.workloads.length - STATUS_WORKLOADS })}
        </span>
      )}
      <span data-testid="cost">{t('status.costLine', { cost: s.costPerHour.toFixed(3) })}</span>
    </div>
  );
}
