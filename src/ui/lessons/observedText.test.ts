import { describe, expect, it } from 'vitest';
import { observedText } from './lessonRunner';

// The check line's "currently …": a walkthrough found "currently 210000" under a time check.
describe('observedText', () => {
  it('prints a time or elapsed check reading as the clock does', () => {
    expect(observedText(210_000, 'ms')).toBe('3:30');
    expect(observedText(0, 'ms')).toBe('0:00');
    expect(observedText(3_725_000, 'ms')).toBe('1:02:05');
  });
  it('prints counts as read, with one decimal at most', () => {
    expect(observedText(3)).toBe('3');
    expect(observedText(2.345)).toBe('2.3');
  });
});
