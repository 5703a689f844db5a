import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize, deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../app/scenarioLoading';
import { createSession } from '../../sim/session';
import { syncSessionTo } from '../../sim/scorecard/compareSession';
import type { World } from '../../sim/core/types';
import { decodeGridSlice, encodeGridSlice } from '../../sim/views/gridSliceWire';
import { engineApi as api } from '../../sim/api';
import { compileGridQuery } from './gridQuery';
import { layoutCluster } from './layout';
import type { LayoutOptions } from './layoutTypes';
import { mixedStateWorld } from './testing/worlds';

/**
 * Compare mode's run B sends its grid as encodeGridSlice(world), posted from the worker (a structured
 * clone, as v8.serialize/deserialize here) and decoded on the page. Whatever the options, the grid
 * drawn from that copy must be the grid drawn from the world itself.
 */
function exampleWorld(file: string, seconds: number): World {
  const parsed = parseScenarioText(readFileSync(join(import.meta.dirname, '../../../examples', file), 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const s = createSession(parsed.scenario.spec, parsed.scenario.manifests);
  syncSessionTo(s, seconds * 1000);
  return s.world;
}

const posted = (w: World) => decodeGridSlice(deserialize(serialize(encodeGridSlice(w))) as ReturnType<typeof encodeGridSlice>);

const OPTIONS: [string, LayoutOptions][] = [
  ['status colours, full detail', { zoom: 1, colorBy: 'status' }],
  ['workload colours, compact', { zoom: 0.3, colorBy: 'workload' }],
  ['grouped by zone, sorted by CPU', { zoom: 0.8, colorBy: 'workload', groupBy: 'zone', sortBy: 'cpu' }],
  ['a label filter and a name filter', { zoom: 1, colorBy: 'status', query: compileGridQuery('app=inflate ip-', api) }],
  ['a namespace filter', { zoom: 1, colorBy: 'status', query: compileGridQuery('ns:kube-system', api) }],
];

describe('the grid drawn from a posted grid slice', () => {
  const worlds: [string, World][] = [
    ['cordoned, launching and pending nodes and pods', mixedStateWorld()],
    ['Karpenter consolidating (DaemonSets, terminating pods)', exampleWorld('karpenter-consolidation.yaml', 600)],
    ['an HPA scaling php-apache', exampleWorld('hpa-php-apache.yaml', 300)],
  ];
  for (const [what, world] of worlds) {
    for (const [how, options] of OPTIONS) {
      it(`${what}: ${how}`, () => {
        const size = { width: 900, height: 600 };
        expect(layoutCluster(posted(world), size, options)).toEqual(layoutCluster(world, size, options));
      });
    }
  }

  it('carries every field the grid reads of every pod, in the world’s order', () => {
    for (const [, world] of worlds) {
      const decoded = posted(world);
      expect([...decoded.pods.keys()]).toEqual([...world.pods.keys()]);
      for (const p of world.pods.values()) {
        const { name, namespace, ownerKind, ownerName, deployment, nodeName, state, metric, labels } = p;
        expect(decoded.pods.get(p.name)).toEqual({ name, namespace, ownerKind, ownerName, deployment, nodeName, state, metric, labels });
      }
      expect([...decoded.nodes.values()]).toEqual([...world.nodes.values()]);
      expect(decoded.timeMs).toBe(world.timeMs);
    }
  });

  it('posts a fraction of the bytes of the whole pods', () => {
    const world = exampleWorld('karpenter-consolidation.yaml', 600);
    expect(world.pods.size).toBeGreaterThan(10);
    const { nodes: _n, deployments: _d, ...pods } = encodeGridSlice(world);
    expect(serialize(pods).length / serialize(world.pods).length).toBeLessThan(0.2);
  });
});
