import { describe, expect, it } from 'vitest';
import { findInLayout, hitTest, screenToContent } from './hitTest';
import { layoutCluster } from './layout';
import { nginxWorld } from './testing/worlds';

const world = nginxWorld(30);
const layout = layoutCluster(world, { width: 900, height: 600 }, { zoom: 1, colorBy: 'status' });

describe('hitTest', () => {
  it('finds the pod under the centre of its tile, with its node', () => {
    const node = layout.nodes[1];
    const tile = layout.pods[node.tileStart];
    const hit = hitTest(layout, tile.x + tile.size / 2, tile.y + tile.size / 2);
    expect(hit?.kind).toBe('pod');
    expect(hit?.name).toBe(tile.name);
    expect(hit?.kind === 'pod' && hit.node?.name).toBe(node.name);
  });

  it('finds a pending pod in the Pending strip, with no node', () => {
    const g = layout.groups[0];
    const tile = layout.pods[g.tileStart + 2];
    const hit = hitTest(layout, tile.x + 5, tile.y + 5);
    expect(hit).toMatchObject({ kind: 'pod', name: tile.name, node: null });
    expect(world.pods.get(tile.name)?.state).toBe('Pending');
  });

  it('finds the node when the point is on its header or bars', () => {
    const node = layout.nodes[2];
    expect(hitTest(layout, node.x + 20, node.y + 8)).toMatchObject({ kind: 'node', name: node.name });
    expect(hitTest(layout, node.cpuBar.x + 3, node.cpuBar.y + 1)).toMatchObject({ kind: 'node', name: node.name });
  });

  it('finds a DaemonSet pod by its small tile', () => {
    const node = layout.nodes[0];
    const ds = layout.pods.slice(node.tileStart, node.tileEnd).find((t) => t.daemon)!;
    expect(hitTest(layout, ds.x + 3, ds.y + 3)).toMatchObject({ kind: 'pod', name: ds.name });
  });

  it('answers the group on a title strip and null outside everything', () => {
    const pool = layout.groups[1];
    expect(hitTest(layout, 400, pool.y + 5)).toMatchObject({ kind: 'group', name: 'ng1' });
    expect(hitTest(layout, 10, layout.height + 50)).toBeNull();
    expect(hitTest(layout, -5, 10)).toBeNull();
  });

  it('maps screen points through pan and zoom', () => {
    expect(screenToContent({ zoom: 2, panX: 10, panY: -20 }, 30, 20)).toEqual({ x: 10, y: 20 });
    const tile = layout.pods[layout.nodes[0].tileStart];
    const view = { zoom: 2, panX: 10, panY: -20 };
    const p = screenToContent(view, (tile.x + 5) * 2 + 10, (tile.y + 5) * 2 - 20);
    expect(hitTest(layout, p.x, p.y)?.name).toBe(tile.name);
  });

  it('locates a selection by name', () => {
    const tile = layout.pods[5];
    expect(findInLayout(layout, 'pod', tile.name)).toEqual({ x: tile.x, y: tile.y, w: tile.size, h: tile.size });
    expect(findInLayout(layout, 'node', layout.nodes[0].name)).toBe(layout.nodes[0]);
    expect(findInLayout(layout, 'pod', 'nope')).toBeNull();
  });
});
