import { describe, it, expect } from 'vitest';
import { formatGoDuration, parseGoBool, parseGoDuration, tokenizeArgs } from './goFlags';

describe('Go durations', () => {
  it.each([
    ['10m', 600],
    ['1m30s', 90],
    ['1h', 3600],
    ['1.5h', 5400],
    ['300ms', 0.3],
    ['0', 0],
    ['0s', 0],
    ['2h45m', 9900],
  ])('parses %s', (text, seconds) => {
    expect(parseGoDuration(text)).toBeCloseTo(seconds, 9);
  });
  it.each(['', '10', 'ten', '5 m', '1d'])('rejects %j', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
  it.each([
    [0, '0s'],
    [250, '4m10s'],
    [600, '10m0s'],
    [3600, '1h0m0s'],
    [601.783173228, '10m1.783173228s'],
    [0.5, '500ms'],
    [1.5, '1.5s'],
  ])('formats %d s as %s', (seconds, text) => {
    expect(formatGoDuration(seconds)).toBe(text);
  });
});

describe('tokenizeArgs / parseGoBool', () => {
  it('splits binary, flags with = or a following value, and bare booleans', () => {
    const t = tokenizeArgs(
      ['./ca', '--a=1', '--b', '2', '--flag', '--c', 'x'],
      new Set(['flag']),
      new Set(['a', 'b', 'flag']),
    );
    expect(t.binary).toBe('./ca');
    expect(t.flags.map((f) => [f.name, f.value])).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['flag', undefined],
      ['c', undefined],
    ]);
    expect(t.positional).toEqual(['x']);
  });
  it('accepts Go boolean spellings', () => {
    expect(parseGoBool(undefined)).toBe(true);
    expect(parseGoBool('F')).toBe(false);
    expect(parseGoBool('yes')).toBeUndefined();
  });
});
