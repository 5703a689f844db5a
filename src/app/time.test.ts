import { describe, expect, it } from 'vitest';
import { zoneClock } from './time';

describe('zoneClock', () => {
  it("reads an instant in the cron trigger's zone, in the page's language", () => {
    const nineInSeoul = Date.parse('2025-01-06T00:00:00Z');
    expect(zoneClock(nineInSeoul, 'Asia/Seoul', 'en')).toBe('Mon 09:00');
    expect(zoneClock(nineInSeoul, 'Asia/Seoul', 'ko')).toBe('(월) 09:00');
    expect(zoneClock(nineInSeoul, 'UTC', 'en')).toBe('Mon 00:00');
  });
});
