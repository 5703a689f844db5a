import { describe, it, expect } from 'vitest';
import { backoffGroup, checkProvisioning, clearBackoff, isBackedOff } from './backoff';
import { DEFAULT_CA_OPTIONS } from './flags';

describe('node group backoff', () => {
  it('starts at 5m, doubles within the reset window, caps at 30m and resets after 3h', () => {
    let s = backoffGroup({}, 'ng1', 0, 'timeout', DEFAULT_CA_OPTIONS);
    expect(s.ng1.durationSeconds).toBe(300);
    expect(isBackedOff(s, 'ng1', 299)).toBe(true);
    expect(isBackedOff(s, 'ng1', 300)).toBe(false);
    const durations: number[] = [];
    for (let t = 400; t < 400 + 5 * 100; t += 100) {
      s = backoffGroup(s, 'ng1', t, 'timeout', DEFAULT_CA_OPTIONS);
      durations.push(s.ng1.durationSeconds);
    }
    expect(durations).toEqual([600, 1200, 1800, 1800, 1800]);
    s = backoffGroup(s, 'ng1', 800 + 10800, 'timeout', DEFAULT_CA_OPTIONS);
    expect(s.ng1.durationSeconds).toBe(300);
    expect(clearBackoff(s, 'ng1')).toEqual({});
  });
});

describe('checkProvisioning', () => {
  it('times out requests whose nodes have not registered within max-node-provision-time', () => {
    const req = { group: 'ng1', increase: 2, requestedAtSeconds: 60, expectedAddBySeconds: 60 + 900 };
    expect(checkProvisioning([req], { ng1: 3 }, { ng1: 5 }, 500)).toEqual({ pending: [req], timedOut: [] });
    expect(checkProvisioning([req], { ng1: 5 }, { ng1: 5 }, 500)).toEqual({ pending: [], timedOut: [] });
    expect(checkProvisioning([req], { ng1: 4 }, { ng1: 5 }, 960).timedOut).toEqual([
      { group: 'ng1', missing: 1, afterSeconds: 900 },
    ]);
  });
});
