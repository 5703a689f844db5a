import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['30m', 1_800_000], ['90s', 90_000], ['1h30m', 5_400_000], ['10ms', 10], ['1.5h', 5_400_000], ['0', 0], [0, 0], ['2m30s500ms', 150_500],
  ] as const)('%s', (input, ms) => {
    expect(parseDuration(input)).toEqual({ ok: true, ms });
  });
  it.each(['', '30', '5x', 'm', '1h 30m', '-1s'])('rejects %j', (input) => {
    expect(parseDuration(input).ok).toBe(false);
  });
  it('rejects numbers other than 0 and says why', () => {
    const r = parseDuration(30);
    expect(!r.ok && r.error).toContain('a number needs a unit');
  });
  it('formats back', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(90_500)).toBe('1m30s500ms');
    expect(formatDuration(0)).toBe('0s');
  });
});
