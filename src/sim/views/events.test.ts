import { describe, expect, it } from 'vitest';
import type { KubeEvent, World } from '../core/types';
import { eventSeries, eventsFor } from './events';

const ev = (t: number, reason: string, message: string, name = 'web-1'): KubeEvent => ({
  t,
  kind: 'Pod',
  namespace: 'default',
  name,
  type: 'Normal',
  reason,
  message,
  source: 'kubelet',
  count: 1,
});

// A container restarted once: kubelet records Created/Started again, which client-go's
// EventCorrelator folds into the first Event object (count 2, lastTimestamp moved).
const events = [ev(60, 'Created', 'Created container app'), ev(60, 'Started', 'Started container app'), ev(300, 'BackOff', 'Back-off restarting failed container app'), ev(420, 'Created', 'Created container app'), ev(420, 'Started', 'Started container app'), ev(430, 'Created', 'Created container app', 'web-2')];
const world = { events, timeMs: 1800_000 } as unknown as World;

describe('events as the API server holds them', () => {
  it('folds repeats of the same object, type, reason, message and source into one series, sorted by the latest', () => {
    const series = eventSeries(events);
    expect(series.map((s) => [s.event.name, s.event.reason, s.count, s.firstT, s.lastT])).toEqual([
      ['web-1', 'BackOff', 1, 300, 300],
      ['web-1', 'Created', 2, 60, 420],
      ['web-1', 'Started', 2, 60, 420],
      ['web-2', 'Created', 1, 430, 430],
    ]);
  });

  it('kubectl describe prints a repeat as "LAST (xN over FIRST)"', () => {
    const out = eventsFor(world, 'Pod', 'web-1').split('\n');
    expect(out[0]).toBe('Events:');
    expect(out.slice(3).map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      'Normal BackOff 25m kubelet Back-off restarting failed container app',
      'Normal Created 23m (x2 over 29m) kubelet Created container app',
      'Normal Started 23m (x2 over 29m) kubelet Started container app',
    ]);
  });
});
