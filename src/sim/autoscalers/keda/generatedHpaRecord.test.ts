import { describe, expect, it } from 'vitest';
import { createWorld } from '../../bootstrap';
import type { ManifestDoc } from '../../core/commands';
import { step } from '../../core/step';
import { applyCommand } from '../../commands/apply';
import { deployment, scenario } from '../../testing/fixtures';
import { hpaState } from '../hpa/controller';

const cron: ManifestDoc = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'php-apache-cron' },
  spec: {
    scaleTargetRef: { name: 'php-apache' },
    minReplicaCount: 0,
    maxReplicaCount: 2,
    pollingInterval: 30,
    triggers: [{ type: 'cron', metadata: { timezone: 'Asia/Seoul', start: '00,15,30,45 * * * *', end: '05,20,35,50 * * * *', desiredReplicas: '1' } }],
  },
};

/**
 * The generated HPA is built once per ScaledObject spec (generatedHpaRecord.ts keeps it): KEDA still
 * puts its own spec back when the HPA drifts, and follows the ScaledObject when it is applied again.
 */
describe("KEDA's generated HPA", () => {
  it('is rewritten when someone patches it, and follows the ScaledObject applied again', () => {
    const world = createWorld(scenario(), [deployment('php-apache', 1, '200m', '64Mi'), cron]);
    const run = (seconds: number) => {
      for (let i = 0; i < seconds; i++) step(world);
    };
    run(5);
    const spec = () => hpaState(world).records['default/keda-hpa-php-apache-cron'].hpa.spec;
    expect(spec().maxReplicas).toBe(2);
    expect(applyCommand(world, { type: 'setHpaBounds', name: 'keda-hpa-php-apache-cron', namespace: 'default', max: 7 }).ok).toBe(true);
    expect(spec().maxReplicas).toBe(7);
    run(30);
    expect(spec().maxReplicas).toBe(2);
    const wider = { ...cron, spec: { ...(cron.spec as object), maxReplicaCount: 4 } };
    expect(applyCommand(world, { type: 'apply', manifests: [wider] }).ok).toBe(true);
    run(30);
    expect(spec().maxReplicas).toBe(4);
  });
});
