import { describe, expect, it } from 'vitest';
import { FramePacer, FRAME_MS, MAX_GAP_MS } from './framePacing';
import { notePlayed, resetPlayRate, usePlayRate } from './playRate';

describe('FramePacer (when the play loop publishes the world to the panels)', () => {
  it('publishes at the first frame, then waits three times what the last publication took', () => {
    const p = new FramePacer();
    expect(p.due(0)).toBe(true);
    p.published(0, 10);
    expect(p.due(16)).toBe(false);
    expect(p.due(29)).toBe(false);
    expect(p.due(30)).toBe(true);
  });

  it('a cheap publication still lands every frame', () => {
    const p = new FramePacer();
    p.published(0, 1);
    expect(p.due(FRAME_MS)).toBe(true);
  });

  it('never waits longer than MAX_GAP_MS, however slow publication gets', () => {
    const p = new FramePacer();
    p.published(0, 400);
    expect(p.due(MAX_GAP_MS - 1)).toBe(false);
    expect(p.due(MAX_GAP_MS)).toBe(true);
  });

  it('follows the cost as it changes (moving average)', () => {
    const p = new FramePacer();
    p.published(0, 40);
    p.published(1000, 0);
    // (40 + 0) / 2 = 20 → next at 1000 + 60
    expect(p.costMs).toBe(20);
    expect(p.due(1059)).toBe(false);
    expect(p.due(1060)).toBe(true);
  });

  it('a publishing frame leaves the engine what the publication will not need, at least 3 ms', () => {
    const p = new FramePacer();
    expect(p.engineBudget(0, 12)).toBe(12);
    p.published(0, 10);
    expect(p.engineBudget(10, 12)).toBe(12); // not publishing: the whole budget
    expect(p.engineBudget(30, 12)).toBe(FRAME_MS - 10);
    p.published(30, 30);
    expect(p.engineBudget(1000, 12)).toBe(3);
  });

  it('reset makes the next frame publish', () => {
    const p = new FramePacer();
    p.published(0, 50);
    expect(p.due(10)).toBe(false);
    p.reset();
    expect(p.due(10)).toBe(true);
  });
});

describe('achieved speed (playRate)', () => {
  it('is sim time run per wall time over about half a second of frames', () => {
    resetPlayRate();
    // 60 frames of 16 ms, each running 5 s of sim time: 5000 / 16 ≈ 312×.
    for (let i = 0; i <= 40; i++) notePlayed(1000 + i * 16, 5000);
    const a = usePlayRate.getState().achieved;
    expect(a).not.toBeNull();
    expect(a!).toBeGreaterThan(300);
    expect(a!).toBeLessThan(330);
  });

  it('starts a new window after a pause instead of averaging the pause in', () => {
    resetPlayRate();
    for (let i = 0; i <= 40; i++) notePlayed(i * 16, 1000);
    const before = usePlayRate.getState().achieved!;
    // Ten seconds later, playing again at the same rate.
    for (let i = 0; i <= 40; i++) notePlayed(10_000 + i * 16, 1000);
    expect(usePlayRate.getState().achieved).toBeCloseTo(before, 0);
    resetPlayRate();
    expect(usePlayRate.getState().achieved).toBeNull();
  });
});
