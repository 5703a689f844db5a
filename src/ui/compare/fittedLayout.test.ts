import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../sim/commands/apply';
import { step } from '../../sim/core/step';
import { fitZoom, layoutCluster } from '../cluster/layout';
import { nginxWorld } from '../cluster/testing/worlds';
import { fittedLayout } from './fittedLayout';

const SIZE = { width: 600, height: 300 };

describe('fittedLayout (compare mode’s grids)', () => {
  it('fits the first time as fitZoom does', () => {
    const world = nginxWorld(30);
    const { layout, fit } = fittedLayout(world, SIZE, null);
    expect(fit.zoom).toBe(fitZoom(world, SIZE));
    expect(layout).toEqual(layoutCluster(world, SIZE, { zoom: fit.zoom, colorBy: 'status' }));
    expect(layout.height * fit.zoom).toBeLessThanOrEqual(SIZE.height);
  });

  it('keeps the fitted zoom while the grid still fits and fills its box, and fits again when it would overflow', () => {
    const world = nginxWorld(30);
    const first = fittedLayout(world, SIZE, null);
    step(world);
    const again = fittedLayout(world, SIZE, first.fit);
    expect(again.fit).toBe(first.fit);
    // A box of another size is fitted afresh.
    expect(fittedLayout(world, { width: 400, height: 300 }, first.fit).fit).not.toBe(first.fit);
    // Twelve more nodes: at the old zoom the grid would run off the bottom of its box.
    applyCommand(world, { type: 'updateAsg', name: 'ng1', desiredCapacity: 15, maxSize: 15 });
    for (let i = 0; i < 120; i++) step(world);
    const old = layoutCluster(world, SIZE, { zoom: first.fit.zoom, colorBy: 'status' });
    expect(old.height * first.fit.zoom).toBeGreaterThan(SIZE.height);
    const grown = fittedLayout(world, SIZE, first.fit);
    expect(grown.fit).not.toBe(first.fit);
    expect(grown.fit.zoom).toBe(fitZoom(world, SIZE));
    expect(grown.layout.height * grown.fit.zoom).toBeLessThanOrEqual(SIZE.height);
  });
});
