import { describe, expect, it } from 'vitest';
import { recordHpaEvents } from './eventLog';

const failed = { type: 'Warning' as const, reason: 'FailedGetResourceMetric', message: 'boom' };
const rescaled = { type: 'Normal' as const, reason: 'SuccessfulRescale', message: 'New size: 4; reason: cpu resource utilization (percentage of request) above target' };

describe('the HPA event recorder', () => {
  it('folds repeats into one record with a count, first and last time, as kubectl shows them', () => {
    const first = recordHpaEvents([], [failed], 15);
    const second = recordHpaEvents(first, [failed, rescaled, failed], 30);
    expect(second).toEqual([
      { ...failed, count: 3, firstTimestamp: 15, lastTimestamp: 30 },
      { ...rescaled, count: 1, firstTimestamp: 30, lastTimestamp: 30 },
    ]);
  });

  it('never changes a list or a record it was given: a repeat gets a new record, the others are shared', () => {
    const first = recordHpaEvents([], [failed, rescaled], 15);
    const snapshot = structuredClone(first);
    const second = recordHpaEvents(first, [failed], 30);
    expect(first).toEqual(snapshot);
    expect(second[0]).not.toBe(first[0]);
    expect(second[0]).toEqual({ ...failed, count: 2, firstTimestamp: 15, lastTimestamp: 30 });
    expect(second[1]).toBe(first[1]);
    // The same keys in the same order as a record made afresh (traces and YAML print them so).
    expect(Object.keys(second[0])).toEqual(Object.keys(first[0]));
  });
});
