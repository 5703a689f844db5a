import { describe, expect, it } from 'vitest';
import { formatAge, formatCpu, formatMemory, formatPercent, formatPrice } from './format';

describe('format', () => {
  it('prints CPU like kubectl', () => {
    expect(formatCpu(500)).toBe('500m');
    expect(formatCpu(2000)).toBe('2');
    expect(formatCpu(0)).toBe('0m');
    expect(formatCpu(1930)).toBe('1930m');
  });

  it('prints memory in Mi or Gi', () => {
    expect(formatMemory(512)).toBe('512Mi');
    expect(formatMemory(2048)).toBe('2Gi');
    expect(formatMemory(3388)).toBe('3.3Gi');
  });

  it('prints percentages and guards a zero whole', () => {
    expect(formatPercent(1725, 1930)).toBe('89%');
    expect(formatPercent(1, 0)).toBe('—');
  });

  it('prints prices with thousands separators', () => {
    expect(formatPrice(0.052)).toBe('$0.0520');
    expect(formatPrice(34456, 2)).toBe('$34,456.00');
    expect(formatPrice(1234567.5, 2)).toBe('$1,234,567.50');
  });

  it('prints ages like kubectl', () => {
    expect(formatAge(45_000)).toBe('45s');
    expect(formatAge(192_000)).toBe('3m12s');
    expect(formatAge(25 * 60_000)).toBe('25m');
    expect(formatAge(125 * 60_000)).toBe('2h5m');
    expect(formatAge(5 * 3600_000)).toBe('5h');
    expect(formatAge(76 * 3600_000)).toBe('3d4h');
    expect(formatAge(-5)).toBe('0s');
  });
});
