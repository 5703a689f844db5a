import { describe, expect, it } from 'vitest';
import { createWorld } from '../../sim/bootstrap';
import { step } from '../../sim/core/step';
import { DARK_CANVAS } from '../theme/palette';
import { drawCluster } from './draw';
import { hitTest } from './hitTest';
import { layoutCluster } from './layout';
import { RecordingContext } from './testing/recordingContext';
import { scaleScenario } from './testing/scaleScenario';
import { keyT } from './testing/worlds';

/** Prints figures for the grid at 200 nodes / 5,000 pods; asserts only that the work was done. */
describe('grid cost at 200 nodes / 5,000 pods', () => {
  it('prints layout, draw and hit-test times', () => {
    const { spec, manifests } = scaleScenario(200, 5000);
    const world = createWorld(spec, manifests);
    for (let i = 0; i < 120; i++) step(world);
    const size = { width: 1600, height: 900 };
    const time = (runs: number, fn: () => void) => {
      fn();
      const start = performance.now();
      for (let i = 0; i < runs; i++) fn();
      return (performance.now() - start) / runs;
    };
    for (const zoom of [1, 0.6, 0.3]) {
      const layout = layoutCluster(world, size, { zoom, colorBy: 'status' });
      const layoutMs = time(20, () => layoutCluster(world, size, { zoom, colorBy: 'status' }));
      const ctx = new RecordingContext(false);
      const view = {
        zoom,
        panX: 0,
        panY: 0,
        width: size.width,
        height: size.height,
        dpr: 1,
        theme: DARK_CANVAS,
        selected: null,
        hovered: null,
        t: keyT,
        tileAlpha: null,
      };
      ctx.count = 0;
      drawCluster(ctx, layout, view);
      const calls = ctx.count;
      const drawMs = time(50, () => drawCluster(ctx, layout, view));
      const hitMs = time(2000, () => hitTest(layout, size.width / zoom / 2, 300 / zoom));
      console.log(
        `PERF cluster-grid zoom=${zoom} detail=${layout.detail} nodes=${layout.nodes.length} tiles=${layout.pods.length} ` +
          `layoutMs=${layoutMs.toFixed(2)} drawMs=${drawMs.toFixed(2)} drawCalls=${calls} hitTestUs=${(hitMs * 1000).toFixed(1)}`,
      );
      expect(layout.nodes).toHaveLength(200);
      expect(calls).toBeGreaterThan(200);
    }
  });
});
