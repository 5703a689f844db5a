import { describe, expect, it } from 'vitest';
import { kubectlDescribeScaledObject, kubectlGetScaledObjects } from './kubectlViews';
import { pollScaledObject } from './poll';
import type { ScaledObject } from './types';

const so: ScaledObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'php-apache-cron', namespace: 'default', creationTimestamp: 0 },
  spec: {
    scaleTargetRef: { name: 'php-apache' },
    minReplicaCount: 0,
    maxReplicaCount: 2,
    triggers: [{ type: 'cron', metadata: { timezone: 'Asia/Seoul', start: '00,15,30,45 * * * *', end: '05,20,35,50 * * * *', desiredReplicas: '1' } }],
  },
};
const EPOCH = Date.UTC(2025, 0, 6, 0, 40, 0);

describe('kubectl get scaledobject', () => {
  it('prints the CRD printer columns', () => {
    const status = pollScaledObject({ scaledObject: so, currentReplicas: 0, now: 300, facts: { nowMs: EPOCH + 300_000 } }).status;
    const out = kubectlGetScaledObjects([{ ...so, status }], { nowSeconds: 330 });
    const [header, row] = out.split('\n');
    expect(header.split(/\s+/)).toEqual([
      'NAME', 'SCALETARGETKIND', 'SCALETARGETNAME', 'MIN', 'MAX', 'TRIGGERS', 'AUTHENTICATION', 'READY', 'ACTIVE', 'FALLBACK', 'PAUSED', 'AGE',
    ]);
    expect(row).toMatch(/^php-apache-cron\s+apps\/v1\.Deployment\s+php-apache\s+0\s+2\s+cron\s+True\s+True\s+False\s+Unknown\s+5m30s$/);
    // Columns line up under their headers.
    expect(row.indexOf('apps/v1')).toBe(header.indexOf('SCALETARGETKIND'));
    expect(row.indexOf('True')).toBe(header.indexOf('READY'));
  });
  it('says when there is nothing', () => {
    expect(kubectlGetScaledObjects([], { nowSeconds: 0 })).toBe('No resources found in default namespace.');
  });
});

describe('kubectl describe scaledobject', () => {
  it('shows spec, status conditions and events', () => {
    const status = pollScaledObject({ scaledObject: so, currentReplicas: 0, now: 300, facts: { nowMs: EPOCH + 300_000 } }).status;
    const out = kubectlDescribeScaledObject({ ...so, status }, { nowSeconds: 330, simEpochMs: EPOCH }, [
      { type: 'Normal', reason: 'KEDAScaleTargetActivated', ageSeconds: 30, from: 'keda-operator', message: 'Scaled apps/v1.Deployment default/php-apache from 0 to 1' },
    ]);
    expect(out).toContain('Kind:         ScaledObject');
    expect(out).toContain('  Scale Target Ref:\n    Name:  php-apache');
    expect(out).toContain('Desired Replicas:  1');
    expect(out).toContain('Reason:   ScalerActive');
    expect(out).toMatch(/ {2}Hpa Name:\s+keda-hpa-php-apache-cron/);
    expect(out).toMatch(/ {2}Last Active Time:\s+2025-01-06T00:45:00Z/);
    expect(out).toContain('Normal  KEDAScaleTargetActivated  30s   keda-operator');
  });
});
