import { describe, expect, it } from 'vitest';
import { FADE_MS, FadeInTracker, MAX_FADING } from './fadeIn';
import type { ClusterLayout, PodTile } from './layoutTypes';

function layoutOf(names: string[]): ClusterLayout {
  const pods: PodTile[] = names.map((name, i) => ({
    name,
    node: 'n',
    x: i * 12,
    y: 0,
    size: 10,
    status: 'ready',
    shape: 'solid',
    color: '#000',
    daemon: false,
    dim: false,
    workload: 'w',
  }));
  return { width: 0, height: 0, zoom: 1, detail: 'full', colorBy: 'status', groups: [], nodes: [], pods, workloadColors: new Map() };
}

const names = (n: number, prefix = 'p') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('FadeInTracker', () => {
  it('does not animate the first layout it sees', () => {
    const tracker = new FadeInTracker();
    const l = layoutOf(names(10));
    tracker.observe(l, 0);
    expect(tracker.alphas(l, 0, null)).toBeNull();
    expect(tracker.animating).toBe(false);
  });

  it('fades in pods that appear later, and stops after FADE_MS', () => {
    const tracker = new FadeInTracker();
    tracker.observe(layoutOf(['a', 'b']), 0);
    const next = layoutOf(['a', 'b', 'c']);
    tracker.observe(next, 1000);
    const half = tracker.alphas(next, 1000 + FADE_MS / 2, null)!;
    expect(Array.from(half)).toEqual([1, 1, 0.5]);
    expect(tracker.alphas(next, 1000 + FADE_MS, null)).toBeNull();
    expect(tracker.animating).toBe(false);
  });

  it('caps how many tiles fade at once: a burst of 500 shows the rest at once', () => {
    const tracker = new FadeInTracker();
    tracker.observe(layoutOf([]), 0);
    const burst = layoutOf(names(500));
    tracker.observe(burst, 10);
    const a = tracker.alphas(burst, 10, null)!;
    expect(a.filter((x) => x < 1).length).toBe(MAX_FADING);
  });

  it('reuses the buffer it is given', () => {
    const tracker = new FadeInTracker();
    tracker.observe(layoutOf(['a']), 0);
    const l = layoutOf(['a', 'b']);
    tracker.observe(l, 0);
    const buf = new Float32Array(8);
    expect(tracker.alphas(l, 10, buf)).toBe(buf);
  });

  it('fades a pod in again when its name comes back after it left', () => {
    const tracker = new FadeInTracker();
    tracker.observe(layoutOf(['a', 'b']), 0);
    tracker.observe(layoutOf(['a']), 100);
    const back = layoutOf(['a', 'b']);
    tracker.observe(back, 5000);
    expect(tracker.alphas(back, 5000, null)?.[1]).toBeLessThan(1);
  });
});
