import { describe, expect, it } from 'vitest';
import { initialVpaSnapshot, stepVpaMachine, vpaStateName } from './vpaMachine';

describe('vpaMachine', () => {
  it('goes from no recommendation to evicting to within bounds', () => {
    let s = initialVpaSnapshot('Recreate');
    expect(vpaStateName(s)).toBe('noRecommendation');
    s = stepVpaMachine(s, { type: 'UPDATER_RAN', queued: 0, evicted: 0, resizedInPlace: 0 });
    expect(vpaStateName(s)).toBe('noRecommendation');
    s = stepVpaMachine(s, { type: 'RECOMMENDER_RAN', hasRecommendation: true });
    expect(vpaStateName(s)).toBe('recommending');
    s = stepVpaMachine(s, { type: 'UPDATER_RAN', queued: 2, evicted: 1, resizedInPlace: 0 });
    expect(vpaStateName(s)).toBe('evicting');
    expect(s.context).toMatchObject({ queued: 2, evicted: 1 });
    s = stepVpaMachine(s, { type: 'UPDATER_RAN', queued: 0, evicted: 0, resizedInPlace: 0 });
    expect(vpaStateName(s)).toBe('podsWithinBounds');
  });
  it('resizes in place and stays idle in Off mode', () => {
    let s = stepVpaMachine(initialVpaSnapshot('InPlaceOrRecreate'), { type: 'RECOMMENDER_RAN', hasRecommendation: true });
    s = stepVpaMachine(s, { type: 'UPDATER_RAN', queued: 1, evicted: 0, resizedInPlace: 1 });
    expect(vpaStateName(s)).toBe('resizingInPlace');
    s = stepVpaMachine(s, { type: 'MODE_CHANGED', mode: 'Off' });
    s = stepVpaMachine(s, { type: 'UPDATER_RAN', queued: 0, evicted: 0, resizedInPlace: 0 });
    expect(vpaStateName(s)).toBe('offMode');
    s = stepVpaMachine(s, { type: 'RECOMMENDER_RAN', hasRecommendation: false });
    expect(vpaStateName(s)).toBe('noRecommendation');
  });
  it('treats Initial like Off for running pods', () => {
    let s = stepVpaMachine(initialVpaSnapshot('Initial'), { type: 'RECOMMENDER_RAN', hasRecommendation: true });
    s = stepVpaMachine(s, { type: 'UPDATER_RAN', queued: 0, evicted: 0, resizedInPlace: 0 });
    expect(vpaStateName(s)).toBe('offMode');
  });
});
