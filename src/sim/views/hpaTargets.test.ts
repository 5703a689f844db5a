import { describe, expect, it } from 'vitest';
import { exampleSession, runTo } from '../checks/testSessions';
import { issueCommand } from '../session';
import { hpaTargets } from './hpaTargets';

describe('hpaTargets', () => {
  it("names each HPA's scale target, which need not be the HPA's name", () => {
    const s = runTo(exampleSession('ca-nginx-scaleout'), 10);
    issueCommand(s, 'kubectl autoscale deployment nginx-to-scaleout --name=web-hpa --min=1 --max=5 --cpu=50%', { type: 'autoscale', kind: 'deployment', name: 'nginx-to-scaleout', namespace: 'default', hpaName: 'web-hpa', min: 1, max: 5, cpuPercent: 50 });
    runTo(s, 12);
    expect(hpaTargets(s.world)).toContainEqual({ name: 'web-hpa', namespace: 'default', targetKind: 'Deployment', targetName: 'nginx-to-scaleout', minReplicas: 1, maxReplicas: 5, cpuTargetPercent: 50 });
  });
  it("marks KEDA's generated HPA with its ScaledObject", () => {
    const s = runTo(exampleSession('keda-karpenter-cron'), 5);
    expect(hpaTargets(s.world)).toEqual([
      { name: 'keda-hpa-bank-api', namespace: 'default', targetKind: 'Deployment', targetName: 'bank-api', scaledObject: 'bank-api', minReplicas: 1, maxReplicas: 10 },
    ]);
  });
  it('gives the bounds as they are in the world at once, not as the last 5 s sample had them', () => {
    const s = runTo(exampleSession('hpa-php-apache'), 120);
    const before = hpaTargets(s.world).find((h) => h.name === 'php-apache');
    expect(before).toMatchObject({ minReplicas: 1, maxReplicas: 10, cpuTargetPercent: 50 });
    issueCommand(s, 'kubectl patch hpa php-apache', { type: 'setHpaBounds', name: 'php-apache', namespace: 'default', min: 3, targetCpu: 70 });
    runTo(s, 121);
    expect(hpaTargets(s.world).find((h) => h.name === 'php-apache')).toMatchObject({ minReplicas: 3, maxReplicas: 10, cpuTargetPercent: 70 });
  });
});
