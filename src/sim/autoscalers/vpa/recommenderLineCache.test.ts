import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario/loadScenario';
import { createWorld } from '../../bootstrap';
import { runUntil } from '../../core/step';
import { infoS, kref } from './klogS';
import { savedCheckpointLine, usingSelectorLine } from './recommenderLineCache';
import { vpaObjects, type VpaObjectState } from './worldState';

describe("the recommender's kept log lines", () => {
  it('are the lines klogS makes, remade when the selector, the VPA\'s name or namespace, or the container changes', () => {
    const o = { vpa: { metadata: { name: 'web-vpa', namespace: 'shop' } } } as unknown as VpaObjectState;
    const web = usingSelectorLine(o, 'app=web');
    expect(web).toEqual(infoS(4, 'cluster_feeder.go:432', 'Using selector', { selector: 'app=web', vpa: kref('shop', 'web-vpa') }));
    expect(usingSelectorLine(o, 'app=web')).toBe(web);
    expect(Object.isFrozen(web)).toBe(true);
    expect(usingSelectorLine(o, 'app=api').message).toBe('"Using selector" selector="app=api" vpa="shop/web-vpa"');
    expect(savedCheckpointLine(o, 'app')).toEqual(infoS(3, 'checkpoint_writer.go:114', 'Saved checkpoint for VPA', { vpa: kref('shop', 'web-vpa'), container: 'app' }));
    expect(savedCheckpointLine(o, 'sidecar').message).toBe('"Saved checkpoint for VPA" vpa="shop/web-vpa" container="sidecar"');
    // The object state now holds another VPA (no namespace: default).
    o.vpa = { metadata: { name: 'api-vpa' } } as VpaObjectState['vpa'];
    expect(usingSelectorLine(o, 'app=api').message).toBe('"Using selector" selector="app=api" vpa="default/api-vpa"');
    expect(savedCheckpointLine(o, 'app').message).toBe('"Saved checkpoint for VPA" vpa="default/api-vpa" container="app"');
  });

  it('follow a VPA retargeted between runs', () => {
    const loaded = loadScenario(readFileSync('examples/vpa-hamster.yaml', 'utf8'), 'vpa-hamster.yaml');
    if (!loaded.ok) throw new Error('vpa-hamster.yaml does not load');
    const world = createWorld(loaded.spec, loaded.manifests.map((m) => m.doc));
    const selectorLines = (t: number) => world.logs.filter((l) => l.controller === 'vpa-recommender' && l.t === t && l.message.includes('"Using selector"')).map((l) => l.message.slice(l.message.indexOf('"Using')));
    runUntil(world, 60_000);
    expect(selectorLines(60)).toEqual(['"Using selector" selector="app=hamster" vpa="default/hamster-vpa"']);
    vpaObjects(world)[0].vpa.spec.targetRef.name = 'gone';
    runUntil(world, 120_000);
    expect(selectorLines(120)).toEqual(['"Using selector" selector="" vpa="default/hamster-vpa"']);
  });
});
