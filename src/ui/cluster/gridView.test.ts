import { describe, expect, it } from 'vitest';
import { parseLabelSelector, selectorMatches } from '../../sim/commands/labelSelector';
import { compileGridQuery } from './gridQuery';
import { groupKey } from './arrange';
import { layoutCluster } from './layout';
import { nginxWorld } from './testing/worlds';
import { gridViewFromHash, gridViewHashParams } from '../../store/gridViewStore';

const api = { parseLabelSelector, selectorMatches };
const size = { width: 900, height: 600 };

describe('grid filter (kube-ops-view q=)', () => {
  it('dims nodes with no matching pod and pods that do not match; a label selector reads as kubectl -l', () => {
    const world = nginxWorld(30);
    const apiPod = [...world.pods.values()].find((p) => p.deployment === 'api')!;
    const layout = layoutCluster(world, size, { zoom: 1, colorBy: 'status', query: compileGridQuery(`app=${apiPod.labels.app}`, api) });
    const lit = layout.nodes.filter((n) => !n.dim).map((n) => n.name);
    expect(lit).toEqual([apiPod.nodeName]);
    expect(layout.pods.filter((p) => !p.dim).map((p) => p.name)).toEqual([apiPod.name]);
  });
  it('matches names, namespaces and node labels; a bad selector is an error and dims nothing', () => {
    const world = nginxWorld(30);
    const node = [...world.nodes.values()][0];
    const byName = compileGridQuery(node.name.slice(0, 12), api);
    expect(byName.node(node, [])).toBe(true);
    const zone = compileGridQuery(`topology.kubernetes.io/zone=${node.zone}`, api);
    expect(zone.node(node, [])).toBe(true);
    const kube = compileGridQuery('ns:kube-system', api);
    expect([...world.pods.values()].filter(kube.pod).every((p) => p.namespace === 'kube-system')).toBe(true);
    const bad = compileGridQuery('app=(', api);
    expect(bad.error).toMatch(/app=\(/);
    expect(layoutCluster(world, size, { zoom: 1, colorBy: 'status', query: bad }).nodes.some((n) => n.dim)).toBe(false);
  });
});

describe('grid sort and grouping', () => {
  it('sorts by CPU requested, largest first, and by name', () => {
    const world = nginxWorld(30);
    const byCpu = layoutCluster(world, size, { zoom: 1, colorBy: 'status', sortBy: 'cpu' }).nodes;
    const req = byCpu.map((n) => n.cpu.requested);
    expect(req).toEqual([...req].sort((a, b) => b - a));
    const byName = layoutCluster(world, size, { zoom: 1, colorBy: 'status', sortBy: 'name' }).nodes.map((n) => n.name);
    expect(byName).toEqual([...byName].sort());
  });
  it('groups by zone: one group per zone, each node in its own zone', () => {
    const world = nginxWorld(30);
    const layout = layoutCluster(world, size, { zoom: 1, colorBy: 'status', groupBy: 'zone' });
    const zones = [...new Set([...world.nodes.values()].map((n) => n.zone))].sort();
    expect(layout.groups.filter((g) => g.kind === 'pool').map((g) => g.name)).toEqual(zones);
    for (const n of world.nodes.values()) expect(groupKey(n, 'label:topology.kubernetes.io/zone')).toBe(n.zone);
  });
  it('gives each node a pods bar (pods bound over allocatable)', () => {
    const layout = layoutCluster(nginxWorld(30), size, { zoom: 1, colorBy: 'status' });
    for (const n of layout.nodes) {
      expect(n.podsBar.w).toBeGreaterThan(0);
      expect(n.podsBar.y).toBeGreaterThan(n.memBar.y);
      expect(n.podsBar.y + n.podsBar.h).toBeLessThanOrEqual(n.tileArea.y);
    }
  });
});

describe('grid view in the link', () => {
  it('round-trips q, sort and group; defaults stay out of the link', () => {
    const v = { query: 'app=web ns:default', sortBy: 'price' as const, groupBy: 'label:karpenter.sh/capacity-type' as const };
    const hash = `#s=abc&${gridViewHashParams(v).join('&')}`;
    expect(gridViewFromHash(hash)).toEqual(v);
    expect(gridViewHashParams({ query: '', sortBy: 'age', groupBy: 'pool' })).toEqual([]);
    expect(gridViewFromHash('#q=%E0%A4%A&sort=bogus&group=<script>')).toEqual({ query: '', sortBy: 'age', groupBy: 'pool' });
  });
});
