import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLabelSelector, selectorMatches } from './labelSelector';
import { parseGoDuration } from './goDuration';

const matches = (selector: string, labels: Record<string, string>) => {
  const r = parseLabelSelector(selector);
  if (!r.ok) throw new Error(r.error);
  return selectorMatches(r.requirements, labels);
};

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front', 'app.kubernetes.io/name': 'karpenter' };
  it('equality, inequality, existence and sets', () => {
    expect(matches('app=web', labels)).toBe(true);
    expect(matches('app==web', labels)).toBe(true);
    expect(matches('app=api', labels)).toBe(false);
    expect(matches('app!=api', labels)).toBe(true);
    expect(matches('missing!=x', labels)).toBe(true);
    expect(matches('tier', labels)).toBe(true);
    expect(matches('!tier', labels)).toBe(false);
    expect(matches('app in (api, web)', labels)).toBe(true);
    expect(matches('app notin (api,web)', labels)).toBe(false);
    expect(matches('app.kubernetes.io/name=karpenter', labels)).toBe(true);
  });
  it('joins requirements with AND, and the empty selector matches all', () => {
    expect(matches('app=web,tier=front', labels)).toBe(true);
    expect(matches('app=web,tier=back', labels)).toBe(false);
    expect(matches('app in (web,api),!missing', labels)).toBe(true);
    expect(matches('', {})).toBe(true);
  });
  it('refuses malformed requirements as kubectl does', () => {
    expect(parseLabelSelector('app in web')).toEqual({ ok: false, error: "error: unable to parse requirement: found 'web', expected: '('" });
    expect(parseLabelSelector('app=we b').ok).toBe(false);
    expect(parseLabelSelector('a,,b').ok).toBe(false);
    expect(parseLabelSelector('=x').ok).toBe(false);
  });
  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => typeof parseLabelSelector(s).ok === 'boolean'), { numRuns: 1000 });
  });
});

describe("Go's ParseDuration (for --since)", () => {
  it('reads the units kubectl users type', () => {
    expect(parseGoDuration('5m')).toEqual({ ok: true, seconds: 300 });
    expect(parseGoDuration('1h30m')).toEqual({ ok: true, seconds: 5400 });
    expect(parseGoDuration('90s')).toEqual({ ok: true, seconds: 90 });
    expect(parseGoDuration('1.5h')).toEqual({ ok: true, seconds: 5400 });
    expect(parseGoDuration('0')).toEqual({ ok: true, seconds: 0 });
  });
  it("answers with Go's errors", () => {
    expect(parseGoDuration('5')).toEqual({ ok: false, error: 'time: missing unit in duration "5"' });
    expect(parseGoDuration('5x')).toEqual({ ok: false, error: 'time: unknown unit "x" in duration "5x"' });
    // A unit named like an Object.prototype key is unknown too (it found a function, so NaN seconds).
    expect(parseGoDuration('5constructor')).toEqual({ ok: false, error: 'time: unknown unit "constructor" in duration "5constructor"' });
    expect(parseGoDuration('m')).toEqual({ ok: false, error: 'time: invalid duration "m"' });
    expect(parseGoDuration('')).toEqual({ ok: false, error: 'time: invalid duration ""' });
  });
});
