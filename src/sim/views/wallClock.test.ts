import { describe, expect, it } from 'vitest';
import { exampleSession, runTo } from '../checks/testSessions';
import { validTimezone } from '../autoscalers/keda/cron';
import { cronWallClockNow } from './wallClock';

describe('cronWallClockNow', () => {
  it("is the scenario's clock in the cron trigger's zone (keda-karpenter-cron starts 2025-01-05T23:55Z: Mon 08:55 in Seoul)", () => {
    const s = exampleSession('keda-karpenter-cron');
    expect(cronWallClockNow(s.world)).toEqual({ epochMs: Date.parse('2025-01-05T23:55:00Z'), zone: 'Asia/Seoul' });
    runTo(s, 5 * 60);
    expect(cronWallClockNow(s.world)?.epochMs).toBe(Date.parse('2025-01-06T00:00:00Z'));
  });
  it('is absent without a cron trigger', () => {
    expect(cronWallClockNow(exampleSession('ca-nginx-scaleout').world)).toBeUndefined();
    expect(cronWallClockNow(exampleSession('keda-sqs-queue').world)).toBeUndefined();
  });
});

describe('validTimezone (keda/cron.ts), which cronWallClockNow asks directly', () => {
  it('knows the zones Intl knows and refuses the rest', () => {
    expect(validTimezone('Asia/Seoul')).toBe(true);
    expect(validTimezone('UTC')).toBe(true);
    expect(validTimezone('Mars/Olympus_Mons')).toBe(false);
  });
});
