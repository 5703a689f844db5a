import { Cron } from 'croner';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cronMetricNamePart, evaluateCron, nextOccurrenceMs, parseCronTrigger, type CronTriggerConfig } from './cron';
import { en } from '../../../testing/messages';

const thursday: CronTriggerConfig = { timezone: 'Etc/UTC', start: '0 0 * * Thu', end: '59 23 * * Thu', desiredReplicas: 10 };
const at = (iso: string) => Date.parse(iso);

describe('cron activity (next end before next start)', () => {
  it('is active on Thursday, from the start minute, and not on Friday', () => {
    expect(evaluateCron(thursday, at('2024-01-04T12:00:00Z'))).toMatchObject({ active: true, metricValue: 10 });
    expect(evaluateCron(thursday, at('2024-01-04T00:00:00Z'))).toMatchObject({ active: true, metricValue: 10 });
    expect(evaluateCron(thursday, at('2024-01-05T12:00:00Z'))).toMatchObject({ active: false, metricValue: 0 });
  });
  it('is inactive from the end minute: the window is [start, end)', () => {
    expect(evaluateCron(thursday, at('2024-01-04T23:58:59Z')).active).toBe(true);
    expect(evaluateCron(thursday, at('2024-01-04T23:59:00Z')).active).toBe(false);
  });
  it('handles alternating hours and windows across midnight', () => {
    const even = { timezone: 'Etc/UTC', start: '0 */2 * * *', end: '0 1-23/2 * * *', desiredReplicas: 10 };
    expect(evaluateCron(even, at('2024-01-04T14:30:00Z')).active).toBe(true);
    expect(evaluateCron(even, at('2024-01-04T15:30:00Z')).active).toBe(false);
    const night = { timezone: 'Etc/UTC', start: '0 22 * * *', end: '0 6 * * *', desiredReplicas: 5 };
    expect(evaluateCron(night, at('2024-01-04T23:00:00Z'))).toMatchObject({ active: true, metricValue: 5 });
    expect(evaluateCron(night, at('2024-01-05T05:59:00Z')).active).toBe(true);
    expect(evaluateCron(night, at('2024-01-05T12:00:00Z')).active).toBe(false);
  });
  it("follows the seed's Asia/Seoul quarter-hour windows", () => {
    const seed = { timezone: 'Asia/Seoul', start: '00,15,30,45 * * * *', end: '05,20,35,50 * * * *', desiredReplicas: 1 };
    // 09:44:59 KST = 00:44:59Z.
    expect(evaluateCron(seed, at('2025-01-06T00:44:59Z')).active).toBe(false);
    expect(evaluateCron(seed, at('2025-01-06T00:45:00Z')).active).toBe(true);
    expect(evaluateCron(seed, at('2025-01-06T00:49:30Z')).active).toBe(true);
    expect(evaluateCron(seed, at('2025-01-06T00:50:00Z')).active).toBe(false);
    expect(en(evaluateCron(seed, at('2025-01-06T00:45:00Z')).explanation)).toContain('next end Mon 09:50');
  });
  it('uses local wall-clock time across a DST change', () => {
    // 09:00-17:00 New York; on 2024-03-10 clocks jump forward, so 09:00 is 13:00Z instead of 14:00Z.
    const ny = { timezone: 'America/New_York', start: '0 9 * * *', end: '0 17 * * *', desiredReplicas: 3 };
    expect(evaluateCron(ny, at('2024-03-09T14:30:00Z')).active).toBe(true); // 09:30 EST
    expect(evaluateCron(ny, at('2024-03-10T13:30:00Z')).active).toBe(true); // 09:30 EDT
    expect(evaluateCron(ny, at('2024-03-09T13:30:00Z')).active).toBe(false); // 08:30 EST
  });
});

describe('cron validation', () => {
  it('rejects start == end, missing or zero desiredReplicas, bad fields', () => {
    expect(parseCronTrigger({ timezone: 'Asia/Kolkata', start: '30 * * * *', end: '30 * * * *', desiredReplicas: '10' }).ok).toBe(false);
    expect(parseCronTrigger({ timezone: 'Asia/Kolkata', start: '30 * * * *', end: '45 * * * *' }).ok).toBe(false);
    expect(parseCronTrigger({ timezone: 'Asia/Kolkata', start: '30 * * * *', end: '45 * * * *', desiredReplicas: '0' }).ok).toBe(false);
    expect(parseCronTrigger({ timezone: 'Asia/Kolkata', start: '30-33 * * * *', end: '45 * * * *', desiredReplicas: '10' }).ok).toBe(true);
    expect(parseCronTrigger({ start: '30 * * * *', end: '45 * * * *', desiredReplicas: '1' })).toEqual({ ok: false, error: 'no timezone specified' });
    expect(parseCronTrigger({ timezone: 'Mars/Olympus', start: '30 * * * *', end: '45 * * * *', desiredReplicas: '1' }).ok).toBe(false);
    expect(parseCronTrigger({ timezone: 'Etc/UTC', start: '0 30 * * * *', end: '45 * * * *', desiredReplicas: '1' }).ok).toBe(false);
    expect(parseCronTrigger({ timezone: 'Etc/UTC', start: '30 * * * *', end: '45 * * * *', desiredReplicas: 'ten' }).ok).toBe(false);
  });
  it('names the metric as KEDA does', () => {
    expect(cronMetricNamePart({ timezone: 'Asia/Seoul', start: '*/5 * * * ?', end: '0 1 * * *' })).toBe('cron-Asia/Seoul-xSl5xxxQm-01xxx');
  });
});

describe('nextOccurrenceMs reuses its last answer only where it still holds', () => {
  it('agrees with a fresh croner search for any sequence of queries', () => {
    // Queries move forward in small and large steps and sometimes jump back, around occurrences
    // and exactly on them; every answer must equal croner's own for that instant.
    const patterns = ['0 * * * *', '30 * * * *', '*/5 9-17 * * 1-5', '0 0 29 2 *'];
    fc.assert(
      fc.property(
        fc.constantFrom(...patterns),
        fc.constantFrom('UTC', 'Asia/Seoul', 'America/New_York'),
        fc.array(fc.oneof(fc.integer({ min: -3_600_000, max: 3_600_000 }), fc.constantFrom(0, 1, 999, 1000, 59_999, 60_000)), { minLength: 1, maxLength: 30 }),
        (pattern, timezone, steps) => {
          let t = Date.UTC(2026, 11, 3, 8, 59, 59, 500);
          for (const step of steps) {
            t += step;
            const fresh = new Cron(pattern, { timezone, paused: true, mode: '5-part' }).nextRun(new Date(t));
            expect(nextOccurrenceMs(pattern, timezone, t)).toBe(fresh ? fresh.getTime() : null);
          }
        },
      ),
      { numRuns: 200, seed: 14 },
    );
  });
});
