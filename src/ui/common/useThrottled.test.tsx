// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useThrottled } from './useThrottled';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const shown: number[] = [];
function Probe({ value }: { value: number }) {
  shown.push(useThrottled(value, 250));
  return null;
}

describe('useThrottled', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    shown.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('shows the first change at once, holds later ones for the interval, and ends on the latest value', () => {
    const el = document.createElement('div');
    const root = createRoot(el);
    act(() => root.render(<Probe value={1} />));
    act(() => root.render(<Probe value={2} />));
    expect(shown.at(-1)).toBe(2);
    // Three more values inside 250 ms: none shows yet.
    for (const v of [3, 4, 5]) {
      act(() => root.render(<Probe value={v} />));
      act(() => {
      vi.advanceTimersByTime(50);
    });
    }
    expect(shown.at(-1)).toBe(2);
    expect(shown).not.toContain(3);
    act(() => {
      vi.advanceTimersByTime(200);
    });
    // The latest, not the first held: 3 and 4 were never shown.
    expect(shown.at(-1)).toBe(5);
    expect(shown).not.toContain(3);
    expect(shown).not.toContain(4);
    act(() => root.unmount());
  });
});
