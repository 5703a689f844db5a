import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../scenario/loadScenario';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import { autoscalerExplanations } from './explain';
import { en } from '../../testing/messages';

function runExample(file: string, seconds: number) {
  const r = loadScenario(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  const world = createWorld(r.spec, r.manifests.map((m) => m.doc));
  for (let i = 0; i < seconds; i++) step(world);
  return autoscalerExplanations(world);
}

describe('why panel explanations', () => {
  it('every autoscaler explains its latest decision with numbers', () => {
    const hpa = runExample('examples/hpa-php-apache.yaml', 200);
    expect((hpa.find((e) => e.object === 'HorizontalPodAutoscaler/php-apache')?.lines ?? []).map(en).join('\n')).toMatch(/cpu: utilization \d+% of request/);
    const vpa = runExample('examples/vpa-hamster.yaml', 200);
    expect((vpa.find((e) => e.object.startsWith('VerticalPodAutoscaler/'))?.lines ?? []).map(en).join('\n')).toMatch(/target cpu \d+m = p90/);
    const keda = runExample('examples/keda-cron.yaml', 400);
    expect(keda.find((e) => e.object.startsWith('ScaledObject/'))?.lines.length).toBeGreaterThan(0);
    const karpenter = runExample('examples/karpenter-inflate.yaml', 200);
    expect((karpenter.find((e) => e.object === 'Karpenter')?.lines ?? []).map(en).join('\n')).toMatch(/types fit, cheapest/);
    const ca = runExample('examples/ca-nginx-scaleout.yaml', 200);
    expect(ca.some((e) => e.object.startsWith('ClusterAutoscaler'))).toBe(true);
  });
});
