import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../scenario/loadScenario';
import { createWorld } from '../bootstrap';
import { step } from '../core/step';
import { autoscalerExplanations } from './explain';
import { karpenterStateName } from './karpenter/controller';

function runExample(file: string, seconds: number) {
  const r = loadScenario(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  const world = createWorld(r.spec, r.manifests.map((m) => m.doc));
  for (let i = 0; i < seconds; i++) step(world);
  return autoscalerExplanations(world);
}

// Issue 15: the Why headings must say the state a person would name, and only while it holds.
describe('Why headings', () => {
  it('the CA card stops saying scaleUpInProgress once the scale-up finished (ca-nginx-scaleout at 17:00)', () => {
    const at17 = runExample('examples/ca-nginx-scaleout.yaml', 17 * 60);
    const last = at17.find((e) => e.object.endsWith('(last scale-up)'));
    expect(last?.state).toBe('scaleUpCompleted');
    // While the two new nodes boot (the scale-up happens at ~67 s), it is in progress.
    const at90 = runExample('examples/ca-nginx-scaleout.yaml', 90);
    expect(at90.find((e) => e.object.endsWith('(last scale-up)'))?.state).toBe('scaleUpInProgress');
  });

  it('the Karpenter heading names its regions, not a JSON object', () => {
    const k = runExample('examples/karpenter-inflate.yaml', 200).find((e) => e.object === 'Karpenter');
    expect(k?.state).toBe('provisioning: idle · disruption: idle');
    expect(k?.state).not.toMatch(/[{}"]/);
    expect(karpenterStateName({ provisioning: 'launching', disruption: 'idle' })).toBe('provisioning: launching · disruption: idle');
  });
});
