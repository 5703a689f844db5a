import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../loadScenario';
import { createWorld } from '../../sim/bootstrap';
import { runTrace } from '../../sim/trace/runTrace';
import { importCluster, formatReport } from './index';
import { en, ko } from '../../testing/messages';
import { msg } from '../../sim/core/message';

/**
 * A cluster from a region the price catalog lacks (eu-central-1) is simulated in us-east-1: its
 * zones become us-east-1's in the same order everywhere they are named, the report says so, and
 * the imported scenario runs ("Run it as A") with every pod scheduled where the cluster had it.
 */
const text = readFileSync(new URL('./fixtures/cluster-eu-central-1.yaml', import.meta.url), 'utf8');

describe('import from a region the catalog lacks', () => {
  const r = importCluster({ text });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));

  it('maps the zones in order and names the region, zones and prices in the report (en and ko)', () => {
    const spec = (parse(r.text.split('\n---\n')[0]) as { spec: { region: string; nodeGroups: { zones: string[] }[] } }).spec;
    expect(spec.region).toBe('us-east-1');
    expect(spec.nodeGroups[0].zones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    const moved = r.report.assumptions.find((a) => a.key === 'regionMoved');
    expect(moved?.params).toEqual({ region: 'eu-central-1', used: 'us-east-1', zones: 'eu-central-1a → us-east-1a, eu-central-1b → us-east-1b, eu-central-1c → us-east-1c' });
    expect(formatReport(r.report)).toContain('region eu-central-1 is not in the price catalog: the cluster is simulated in us-east-1 at us-east-1 prices');
    const m = msg('compare.import.assume.regionMoved', moved?.params);
    expect(en(m)).toContain('eu-central-1a → us-east-1a');
    expect(ko(m)).toMatch(/리전 eu-central-1은\(는\) 가격 카탈로그에 없어 us-east-1에서/);
    expect(r.report.assumptions.some((a) => a.key === 'regionNotInCatalog')).toBe(false);
  });

  it('renames the zone and region the workloads select, and nothing else', () => {
    // Only the header's assumption lines (comments) still name the original region.
    expect(r.text.split('\n').filter((l) => !l.startsWith('#') && l.includes('eu-central-1'))).toEqual([]);
    expect(r.text).toContain('topology.kubernetes.io/zone: us-east-1b');
    expect(r.text).toContain('- us-east-1\n');
    expect(r.text).toContain('image: public.ecr.aws/nginx/nginx:1.27');
  });

  it('loads and runs as A: no unsupported-zone error, every pod scheduled in its zone', () => {
    const loaded = loadScenario(r.text, 'imported.yaml');
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.line}:${e.col}: ${e.path}: ${e.message}`).join('\n'));
    const world = createWorld(loaded.spec, loaded.manifests.map((m) => m.doc));
    const trace = runTrace(world, 5 * 60_000);
    const last = trace.samples[trace.samples.length - 1];
    expect(last.workloads.checkout).toMatchObject({ replicas: 2, ready: 2, pending: 0 });
    expect(last.workloads.catalog).toMatchObject({ replicas: 3, ready: 3, pending: 0 });
    expect(last.nodes.total).toBe(3);
  });
});
