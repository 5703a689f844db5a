/**
 * KEDA's cron trigger (pkg/scalers/cron_scaler.go). Each poll computes the next occurrence of
 * `start` and of `end` strictly after now, in the trigger's IANA time zone (DST included). It is
 * active unless the next start comes before the next end: i.e. now lies in [start, end), and the
 * window may wrap past midnight. The metric is desiredReplicas when active, else 0, against an
 * AverageValue target of 1.
 *
 * Upstream's inactive metric is its `defaultDesiredReplicas` constant (1); this playground reports 0
 * as FIDELITY.md §4 specifies. The HPA ends at its minimum (≥ 1) either way.
 */
import { Cron } from 'croner';
import { boundedMemo } from '../../core/memo';
import { msg, type Message } from '../../core/message';

export interface CronTriggerMetadata {
  timezone?: string;
  start?: string;
  end?: string;
  /** Kept as given: the manifest holds a string ("10"). */
  desiredReplicas?: string | number;
}

export interface CronTriggerConfig {
  timezone: string;
  start: string;
  end: string;
  desiredReplicas: number;
}

export type CronParseResult = { ok: true; config: CronTriggerConfig } | { ok: false; error: string };

/**
 * Parsed schedules, time-zone checks and formatters are pure functions of their strings, and
 * building them (croner's parser, Intl's time-zone data) cost more than everything else a poll
 * does: kept per string, in a cache that empties itself past a few dozen entries.
 */
function memo<V>(make: (key: string) => V): (key: string) => V {
  return boundedMemo(make, 64);
}

// Paused and without a callback: used only to compute occurrences, never schedules a timer. A
// paused Cron keeps no state that nextRun(date) reads, so one object serves every poll.
const cronsIn = memo((timezone) => memo((pattern) => new Cron(pattern, { timezone, paused: true, mode: '5-part' })));

function schedule(pattern: string, timezone: string): Cron {
  return cronsIn(timezone)(pattern);
}

/** Does Intl know the IANA zone `tz` (as KEDA's time.LoadLocation would)? Memoised per zone. */
export const validTimezone = memo((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
});

const wallClockFormat = memo(
  (timezone) => new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
);

/** Validation as cronMetadata.Validate: timezone, 5-field start/end, start ≠ end, desiredReplicas ≠ 0. */
export function parseCronTrigger(metadata: CronTriggerMetadata): CronParseResult {
  const { timezone, start, end } = metadata;
  if (!timezone) return { ok: false, error: 'no timezone specified' };
  if (!validTimezone(timezone)) return { ok: false, error: `unable to load timezone ${timezone}` };
  if (!start) return { ok: false, error: 'no start schedule specified' };
  try {
    schedule(start, timezone);
  } catch (err) {
    return { ok: false, error: `error parsing start schedule: ${(err as Error).message}` };
  }
  if (!end) return { ok: false, error: 'no end schedule specified' };
  try {
    schedule(end, timezone);
  } catch (err) {
    return { ok: false, error: `error parsing end schedule: ${(err as Error).message}` };
  }
  if (start === end) return { ok: false, error: 'start and end can not have exactly same time input' };
  const raw = metadata.desiredReplicas;
  const desired = typeof raw === 'number' ? raw : raw === undefined || raw === '' ? 0 : Number(raw);
  if (!Number.isInteger(desired)) return { ok: false, error: `error parsing desiredReplicas: ${String(raw)}` };
  if (desired === 0) return { ok: false, error: 'no desiredReplicas specified' };
  return { ok: true, config: { timezone, start, end, desiredReplicas: desired } };
}

/** Next occurrence strictly after `afterMs` (epoch ms), or null if the pattern never fires again. */
export function nextOccurrenceMs(pattern: string, timezone: string, afterMs: number): number | null {
  // The last answer per schedule holds for every later query before it: if N is the first
  // occurrence after A, it is also the first after any A' in [A, N). croner searches from the next
  // whole second, and N is a whole second, so that holds for its answers too.
  const key = `${timezone}\u0000${pattern}`;
  const last = lastOccurrence.get(key);
  if (last && afterMs >= last.afterMs && (last.nextMs === null || afterMs < last.nextMs)) return last.nextMs;
  const next = schedule(pattern, timezone).nextRun(new Date(afterMs));
  const nextMs = next ? next.getTime() : null;
  if (lastOccurrence.size < 256 || lastOccurrence.has(key)) lastOccurrence.set(key, { afterMs, nextMs });
  return nextMs;
}

const lastOccurrence = new Map<string, { afterMs: number; nextMs: number | null }>();

export interface CronEvaluation {
  active: boolean;
  metricValue: number;
  nextStartMs: number | null;
  nextEndMs: number | null;
  /** e.g. "trigger cron active: next end 05:50 < next start 06:00 (Asia/Seoul)". */
  explanation: Message;
}

/**
 * Formatting an instant through Intl costs tens of µs, and a trigger's next start and end stay the
 * same instants poll after poll (and for every HPA sync that reads the trigger): each zone keeps
 * its last few dozen texts by epoch ms.
 */
const wallClockIn = memo((timezone) => boundedMemo((ms: number) => wallClockFormat(timezone).format(new Date(ms)), 64));

function wallClock(ms: number | null, timezone: string): string {
  if (ms === null) return 'never';
  return wallClockIn(timezone)(ms);
}

/** The weekday and time at epoch `ms` in `timezone` as cron explanations print them ("Mon 09:00"); undefined for a zone Intl does not know. */
export function cronWallClock(ms: number, timezone: string): string | undefined {
  return validTimezone(timezone) ? wallClock(ms, timezone) : undefined;
}

/** Activity and metric at wall-clock time `nowMs` (epoch ms). */
export function evaluateCron(config: CronTriggerConfig, nowMs: number): CronEvaluation {
  const nextStartMs = nextOccurrenceMs(config.start, config.timezone, nowMs);
  const nextEndMs = nextOccurrenceMs(config.end, config.timezone, nowMs);
  // Upstream compares whole Unix seconds.
  const s = nextStartMs === null ? Number.POSITIVE_INFINITY : Math.floor(nextStartMs / 1000);
  const e = nextEndMs === null ? Number.POSITIVE_INFINITY : Math.floor(nextEndMs / 1000);
  const active = !(s < e);
  const start = wallClock(nextStartMs, config.timezone);
  const end = wallClock(nextEndMs, config.timezone);
  const params = { start, end, timezone: config.timezone, metric: active ? config.desiredReplicas : 0 };
  const explanation = msg(active ? 'engine.keda.cronActive' : 'engine.keda.cronInactive', params);
  return { active, metricValue: active ? config.desiredReplicas : 0, nextStartMs, nextEndMs, explanation };
}

/** The HPA metric name KEDA gives a cron trigger: spaces dropped, * → x, / → Sl, ? → Qm. */
export function cronMetricNamePart(config: Pick<CronTriggerConfig, 'timezone' | 'start' | 'end'>): string {
  const compact = (s: string) => s.replaceAll(' ', '').replaceAll('*', 'x').replaceAll('/', 'Sl').replaceAll('?', 'Qm');
  return `cron-${config.timezone}-${compact(config.start)}-${compact(config.end)}`;
}
