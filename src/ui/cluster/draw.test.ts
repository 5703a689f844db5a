import { describe, expect, it } from 'vitest';
import { DARK_CANVAS, LIGHT_CANVAS } from '../theme/palette';
import { drawCluster, TERMINATING_NODE_ALPHA, type DrawView } from './draw';
import { layoutCluster } from './layout';
import type { ClusterLayout } from './layoutTypes';
import { RecordingContext } from './testing/recordingContext';
import { keyT, mixedStateWorld, nginxWorld } from './testing/worlds';

const SIZE = { width: 900, height: 400 };

function view(over: Partial<DrawView> = {}): DrawView {
  return {
    zoom: 1,
    panX: 0,
    panY: 0,
    width: SIZE.width,
    height: SIZE.height,
    dpr: 1,
    theme: DARK_CANVAS,
    selected: null,
    hovered: null,
    t: keyT,
    tileAlpha: null,
    ...over,
  };
}

function record(layout: ClusterLayout, v: DrawView): string[] {
  const ctx = new RecordingContext();
  drawCluster(ctx, layout, v);
  return ctx.calls;
}

describe('drawCluster', () => {
  const world = nginxWorld(30);
  const layout = layoutCluster(world, SIZE, { zoom: 1, colorBy: 'status' });

  it('matches the golden list of draw calls', () => {
    const selected = { kind: 'pod' as const, name: layout.pods[layout.groups[0].tileStart].name };
    expect(record(layout, view({ selected })).join('\n')).toMatchSnapshot();
  });

  it('clears with the theme background and balances save/restore', () => {
    const calls = record(layout, view({ theme: LIGHT_CANVAS }));
    expect(calls[0]).toBe('save()');
    expect(calls).toContain(`fillStyle=("${LIGHT_CANVAS.background}")`);
    expect(calls.filter((c) => c === 'save()').length).toBe(calls.filter((c) => c === 'restore()').length);
  });

  it('writes the Pending strip title with its count and a title per pool', () => {
    const texts = record(layout, view()).filter((c) => c.startsWith('fillText'));
    expect(texts.some((c) => c.includes('cluster.grid.pendingTitle{\\"count\\":6}'))).toBe(true);
    expect(texts.some((c) => c.includes('ng1 · cluster.grid.nodeGroup'))).toBe(true);
  });

  it('skips everything outside the viewport', () => {
    const all = record(layout, view()).filter((c) => c.startsWith('fillRect')).length;
    const far = record(layout, view({ panY: -5000 })).filter((c) => c.startsWith('fillRect')).length;
    expect(far).toBeLessThan(all);
    expect(far).toBe(1); // only the background
  });

  it('hides node text when zoomed out but keeps group titles', () => {
    const small = layoutCluster(world, SIZE, { zoom: 0.6, colorBy: 'status' });
    const texts = record(small, view({ zoom: 0.6 })).filter((c) => c.startsWith('fillText'));
    expect(texts.some((c) => c.includes('ip-192'))).toBe(false);
    expect(texts.length).toBe(2);
  });

  it('draws fading tiles with their alpha', () => {
    const alpha = new Float32Array(layout.pods.length).fill(1);
    alpha[layout.nodes[0].tileStart] = 0.5;
    const calls = record(layout, view({ tileAlpha: alpha }));
    expect(calls).toContain('globalAlpha=(0.5)');
  });
});

describe('node states on the canvas', () => {
  const world = mixedStateWorld();
  const layout = layoutCluster(world, SIZE, { zoom: 1, colorBy: 'status' });
  const calls = record(layout, view());

  it('hatches the cordoned node inside a clip and labels it SchedulingDisabled', () => {
    expect(calls).toContain('clip()');
    expect(calls.some((c) => c.includes('"cluster.node.status.cordoned"'))).toBe(true);
  });

  it('dashes the launching node and writes "launching"', () => {
    expect(calls).toContain('setLineDash([4,3])');
    expect(calls.some((c) => c.includes('"cluster.node.launchingLabel"'))).toBe(true);
  });

  it('fades a terminating node', () => {
    const node = world.nodes.get(layout.nodes[0].name)!;
    node.state = 'Terminating';
    const fading = record(layoutCluster(world, SIZE, { zoom: 1, colorBy: 'status' }), view());
    expect(fading).toContain(`globalAlpha=(${TERMINATING_NODE_ALPHA})`);
  });
});
