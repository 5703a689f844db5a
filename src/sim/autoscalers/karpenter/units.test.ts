import { describe, expect, it } from 'vitest';
import { formatCpu, formatDuration, formatMemory, parseCpuMillis, parseDurationSeconds, parseMemoryMiB } from './units';

describe('units', () => {
  it('parses Go durations and Never', () => {
    expect(parseDurationSeconds('30s')).toBe(30);
    expect(parseDurationSeconds('1h30m')).toBe(5400);
    expect(parseDurationSeconds('720h')).toBe(2592000);
    expect(parseDurationSeconds('0s')).toBe(0);
    expect(parseDurationSeconds('Never')).toBeNull();
    expect(parseDurationSeconds('30')).toBeUndefined();
    expect(parseDurationSeconds('1x')).toBeUndefined();
    expect(parseDurationSeconds('h1')).toBeUndefined();
  });
  it('formats durations compactly', () => {
    expect(formatDuration(30)).toBe('30s');
    expect(formatDuration(2592000)).toBe('720h');
    expect(formatDuration(5430)).toBe('1h30m30s');
    expect(formatDuration(0)).toBe('0s');
  });
  it('parses CPU and memory quantities', () => {
    expect(parseCpuMillis('500m')).toBe(500);
    expect(parseCpuMillis('1')).toBe(1000);
    expect(parseCpuMillis(1000)).toBe(1_000_000);
    expect(parseCpuMillis('1.5')).toBe(1500);
    expect(parseCpuMillis('1k')).toBe(1_000_000);
    expect(parseCpuMillis('abc')).toBeUndefined();
    expect(parseMemoryMiB('1Gi')).toBe(1024);
    expect(parseMemoryMiB('512Mi')).toBe(512);
    expect(parseMemoryMiB('1000Gi')).toBe(1024000);
    expect(parseMemoryMiB(1024 * 1024)).toBe(1);
    expect(parseMemoryMiB('1G')).toBeCloseTo(953.674, 3);
    expect(parseMemoryMiB('1Zi')).toBeUndefined();
  });
  it('formats quantities like Kubernetes', () => {
    expect(formatCpu(5125)).toBe('5125m');
    expect(formatCpu(4000)).toBe('4');
    expect(formatMemory(2048)).toBe('2Gi');
    expect(formatMemory(1144)).toBe('1144Mi');
  });
});
