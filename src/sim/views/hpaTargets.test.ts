import { describe, expect, it } from 'vitest';
import { exampleSession, runTo } from '../checks/testSessions';
import { issueCommand } from '../session';
import { hpaTargets } from './hpaTargets';

describe('hpaTargets', () => {
  it("names each HPA's scale target, which need not be the HPA's name", () => {
    const s = runTo(exampleSession('ca-nginx-scaleout'), 10);
    issueCommand(s, 'kubectl autoscale deployment nginx-to-scaleout --name=web-hpa --min=1 --max=5 --cpu=50%', { type: 'autoscale', kind: 'deployment', name: 'nginx-to-scaleout', namespace: 'default', hpaName: 'web-hpa', min: 1, max: 5, cpuPercent: 50 });
    runTo(s, 12);
    expect(hpaTargets(s.world)).toContainEqual({ name: 'web-hpa', namespace: 'default', targetKind: 'Deployment', targetName: 'nginx-to-scaleout' });
  });
  it("marks KEDA's generated HPA with its ScaledObject", () => {
    const s = runTo(exampleSession('keda-karpenter-cron'), 5);
    expect(hpaTargets(s.world)).toEqual([
      { name: 'keda-hpa-bank-api', namespace: 'default', targetKind: 'Deployment', targetName: 'bank-api', scaledObject: 'bank-api' },
    ]);
  });
});
