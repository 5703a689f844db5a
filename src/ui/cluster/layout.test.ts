import { describe, expect, it } from 'vitest';
import { POD_STATUS_COLORS } from '../theme/palette';
import { COMPACT_ZOOM } from './zoom';
import { fitZoom, layoutCluster } from './layout';
import { shortNodeName } from './nodeBox';
import type { ClusterLayout, Rect } from './layoutTypes';
import { mixedStateWorld, nginxWorld } from './testing/worlds';

const SIZE = { width: 900, height: 600 };

const contains = (outer: Rect, x: number, y: number, w: number, h: number) =>
  x >= outer.x && y >= outer.y && x + w <= outer.x + outer.w + 1e-9 && y + h <= outer.y + outer.h + 1e-9;

const roundBar = (b: { allocatable: number; requested: number; used: number }) => ({
  allocatable: b.allocatable,
  requested: b.requested,
  used: Math.round(b.used * 1000) / 1000,
});

function summary(l: ClusterLayout) {
  return {
    detail: l.detail,
    width: l.width,
    height: l.height,
    groups: l.groups.map((g) => ({ kind: g.kind, name: g.name, x: g.x, y: g.y, w: g.w, h: g.h, nodes: g.nodeCount, pods: g.podCount, types: g.instanceTypes })),
    nodes: l.nodes.map((n) => ({
      name: n.shortName,
      x: n.x,
      y: n.y,
      w: n.w,
      h: n.h,
      state: n.state,
      pods: n.podCount,
      cpu: roundBar(n.cpu),
      memory: roundBar(n.memory),
    })),
    tiles: l.pods.map((p) => `${p.name.replace(/-[a-z0-9]+-[a-z0-9]+$/, '')}@${p.x},${p.y}:${p.size}:${p.status}${p.daemon ? ':ds' : ''}`),
  };
}

describe('layoutCluster on the nginx scale-out world', () => {
  const world = nginxWorld(30);
  const layout = layoutCluster(world, SIZE, { zoom: 1, colorBy: 'status' });

  it('puts the Pending strip first and one group per node group', () => {
    expect(layout.groups.map((g) => `${g.kind}:${g.name}`)).toEqual(['pending:Pending', 'pool:ng1']);
    const pendingInWorld = [...world.pods.values()].filter((p) => p.state === 'Pending').length;
    expect(pendingInWorld).toBe(6);
    expect(layout.groups[0].podCount).toBe(6);
    expect(layout.groups[1].nodeCount).toBe(3);
    expect(layout.groups[1].instanceTypes).toEqual(['t3.medium']);
  });

  it('draws one tile per live pod, pending ones in the Pending strip with the pending status', () => {
    const live = [...world.pods.values()].filter((p) => p.state !== 'Gone');
    expect(layout.pods).toHaveLength(live.length);
    const pending = layout.groups[0];
    const pendingTiles = layout.pods.slice(pending.tileStart, pending.tileEnd);
    expect(pendingTiles.every((t) => t.status === 'pending' && t.shape === 'outline' && t.node === '')).toBe(true);
    for (const t of pendingTiles) expect(contains(pending, t.x, t.y, t.size, t.size)).toBe(true);
  });

  it('keeps every node inside its group and every tile inside its node, DaemonSet tiles smaller and below', () => {
    const pool = layout.groups[1];
    for (const n of layout.nodes) {
      expect(contains(pool, n.x, n.y, n.w, n.h)).toBe(true);
      const tiles = layout.pods.slice(n.tileStart, n.tileEnd);
      expect(tiles.length).toBe(n.podCount);
      const regular = tiles.filter((t) => !t.daemon);
      const daemon = tiles.filter((t) => t.daemon);
      expect(daemon.length).toBeGreaterThan(0);
      for (const t of regular) expect(contains(n.tileArea, t.x, t.y, t.size, t.size)).toBe(true);
      for (const t of daemon) {
        expect(contains(n, t.x, t.y, t.size, t.size)).toBe(true);
        expect(t.size).toBeLessThan(regular[0]?.size ?? 10);
        expect(t.y).toBeGreaterThanOrEqual(n.tileArea.y + n.tileArea.h);
      }
    }
  });

  it('never overlaps two tiles', () => {
    const seen = new Set<string>();
    for (const t of layout.pods) {
      const key = `${t.x},${t.y}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('sums bars from the node: requests as the scheduler booked them, use from metrics-server', () => {
    for (const n of layout.nodes) {
      const node = world.nodes.get(n.name)!;
      expect(n.cpu.allocatable).toBe(node.allocatable.cpuMillis);
      expect(n.cpu.requested).toBe(node.requested.cpuMillis);
      const used = node.podNames.reduce((s, name) => s + (world.pods.get(name)?.metric?.cpuMillis ?? 0), 0);
      expect(n.cpu.used).toBeCloseTo(used, 9);
    }
  });

  it('is a stable golden layout', () => {
    expect(summary(layout)).toMatchSnapshot();
  });

  it('wraps nodes into more rows when the view is narrow', () => {
    const narrow = layoutCluster(world, { width: 260, height: 600 }, { zoom: 1, colorBy: 'status' });
    const rows = new Set(narrow.nodes.map((n) => n.y));
    expect(rows.size).toBeGreaterThan(1);
    const wide = new Set(layout.nodes.map((n) => n.y));
    expect(wide.size).toBe(1);
  });

  it('collapses nodes to bars at low zoom but still shows pending pods', () => {
    const compact = layoutCluster(world, SIZE, { zoom: COMPACT_ZOOM / 2, colorBy: 'status' });
    expect(compact.detail).toBe('compact');
    expect(compact.nodes.every((n) => n.tileEnd === n.tileStart)).toBe(true);
    expect(compact.pods).toHaveLength(6);
    expect(compact.nodes[0].w).toBeLessThan(layout.nodes[0].w);
  });

  it('colours by status or by workload, with the shape always telling the status', () => {
    const byWorkload = layoutCluster(world, SIZE, { zoom: 1, colorBy: 'workload' });
    const nginx = byWorkload.pods.filter((p) => p.workload === 'nginx');
    const api = byWorkload.pods.filter((p) => p.workload === 'api');
    expect(new Set(nginx.map((p) => p.color)).size).toBe(1);
    expect(api[0].color).not.toBe(nginx[0].color);
    expect(nginx.some((p) => p.shape === 'outline')).toBe(true);
    const ready = layout.pods.find((p) => p.status === 'ready')!;
    expect(ready.color).toBe(POD_STATUS_COLORS.ready);
  });
});

describe('node states in the layout', () => {
  const world = mixedStateWorld();
  const layout = layoutCluster(world, SIZE, { zoom: 1, colorBy: 'status' });

  it('shows a cordoned node as SchedulingDisabled and a new one as launching', () => {
    const states = layout.nodes.map((n) => [n.state, n.statusText]);
    expect(states).toContainEqual(['cordoned', 'SchedulingDisabled']);
    expect(states).toContainEqual(['launching', 'launching']);
    expect(states.filter(([s]) => s === 'ready')).toHaveLength(2);
  });

  it('orders nodes in a pool by creation, so a new node appears last', () => {
    expect(layout.nodes[layout.nodes.length - 1].state).toBe('launching');
  });
});

describe('fitZoom', () => {
  it('zooms in on a small cluster, within the cap', () => {
    const z = fitZoom(nginxWorld(5), SIZE);
    expect(z).toBeGreaterThan(1);
    expect(z).toBeLessThanOrEqual(1.6);
  });

  it('finds a zoom at which the whole layout fits the height', () => {
    const world = nginxWorld(5);
    const small = { width: 300, height: 200 };
    const z = fitZoom(world, small);
    expect(layoutCluster(world, small, { zoom: z, colorBy: 'status' }).height * z).toBeLessThanOrEqual(small.height);
  });
});

describe('shortNodeName', () => {
  it('drops the DNS suffix', () => {
    expect(shortNodeName('ip-192-168-1-10.ap-northeast-2.compute.internal')).toBe('ip-192-168-1-10');
    expect(shortNodeName('node-a')).toBe('node-a');
  });
});

describe('a node group and a NodePool with one name', () => {
  it('are two groups, each with its own kind, not one "node group" holding Karpenter\'s nodes', () => {
    // The Karpenter preset names its NodePool after the node group it takes over (ng1 and ng1).
    const world = nginxWorld(30);
    const [first] = world.nodes.values();
    first.poolKind = 'nodePool';
    const groups = layoutCluster(world, SIZE, { zoom: 1, colorBy: 'status' }).groups.filter((g) => g.kind === 'pool');
    expect(groups.map((g) => `${g.name}:${g.poolKind}:${g.nodeCount}`)).toEqual(['ng1:nodeGroup:2', 'ng1:nodePool:1']);
  });
});
