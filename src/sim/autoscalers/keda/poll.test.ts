import { describe, expect, it } from 'vitest';
import { externalAverageValueDesired } from './generatedHpa';
import { initialKedaSnapshot, kedaStateName, stepKedaMachine, type KedaStateName } from './kedaMachine';
import { pollScaledObject, scaledObjectCreatedEvents } from './poll';
import type { ScaledObject } from './types';
import { enText } from '../../../testing/messages';

const seedCron: ScaledObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name: 'php-apache-cron', namespace: 'default', creationTimestamp: 0 },
  spec: {
    scaleTargetRef: { name: 'php-apache' },
    minReplicaCount: 0,
    maxReplicaCount: 2,
    pollingInterval: 30,
    cooldownPeriod: 300,
    triggers: [
      { type: 'cron', metadata: { timezone: 'Asia/Seoul', start: '00,15,30,45 * * * *', end: '05,20,35,50 * * * *', desiredReplicas: '1' } },
    ],
  },
};

/** Sim second 0 is 09:40:00 KST on Monday 2025-01-06. */
const EPOCH = Date.UTC(2025, 0, 6, 0, 40, 0);

function runSeed(minutes: number) {
  let so = seedCron;
  let replicas = 1;
  let machine = initialKedaSnapshot(replicas);
  const log: { t: number; replicas: number; active: string; state: KedaStateName }[] = [];
  for (let t = 30; t <= minutes * 60; t += 30) {
    const r = pollScaledObject({ scaledObject: so, currentReplicas: replicas, now: t, facts: { nowMs: EPOCH + t * 1000 } });
    replicas = r.replicasAfter;
    // The HPA (min 1, max 2) follows the cron metric once there is at least one replica.
    if (replicas > 0) {
      const metric = r.readings[0].value ?? 0;
      replicas = externalAverageValueDesired({ total: metric, targetAverageValue: 1, currentReplicas: replicas, minReplicas: 1, maxReplicas: 2 });
    }
    so = { ...so, status: r.status };
    machine = stepKedaMachine(machine, r.machineEvent);
    const active = r.status.conditions.find((c) => c.type === 'Active');
    log.push({ t, replicas, active: `${active?.status}/${active?.reason}`, state: kedaStateName(machine) });
  }
  return { log, so };
}

describe("the seed's cron ScaledObject, polled every 30 s", () => {
  const { log, so } = runSeed(30);
  const at = (t: number) => log.find((l) => l.t === t)!;

  it('scales to zero right after creation (never active, no initial cooldown)', () => {
    expect(at(30)).toMatchObject({ replicas: 0, state: 'inactive', active: 'False/ScalerNotActive' });
  });
  it('activates at :45 KST and holds 1 replica inside the window', () => {
    expect(at(270).replicas).toBe(0); // 09:44:30
    expect(at(300)).toMatchObject({ replicas: 1, state: 'activating', active: 'True/ScalerActive' }); // 09:45:00
    expect(at(330)).toMatchObject({ replicas: 1, state: 'active' });
    expect(at(570)).toMatchObject({ replicas: 1, state: 'active' }); // 09:49:30
  });
  it('goes ACTIVE False at :50 but keeps the replica through the 300 s cooldown', () => {
    expect(at(600)).toMatchObject({ replicas: 1, state: 'coolingDown', active: 'False/ScalerCooldown' }); // 09:50:00
    expect(at(870)).toMatchObject({ replicas: 1, state: 'coolingDown' }); // 09:54:30 = last active + 300
    expect(at(900)).toMatchObject({ replicas: 0, state: 'inactive', active: 'False/ScalerNotActive' }); // 09:55:00
  });
  it('never scales to zero sooner than 300 s after the window ends, and reactivates at :00', () => {
    const windowEnd = 600;
    const firstZeroAfter = log.find((l) => l.t > windowEnd && l.replicas === 0)!;
    expect(firstZeroAfter.t - windowEnd).toBeGreaterThanOrEqual(300);
    expect(at(1200)).toMatchObject({ replicas: 1, state: 'activating' }); // 10:00:00
  });
  it('keeps a consistent status', () => {
    expect(so.status?.hpaName).toBe('keda-hpa-php-apache-cron');
    expect(so.status?.externalMetricNames).toEqual(['s0-cron-Asia-Seoul-00,15,30,45xxxx-05,20,35,50xxxx']);
    expect(so.status?.scaleTargetKind).toBe('apps/v1.Deployment');
    expect(so.status?.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(so.status?.conditions.find((c) => c.type === 'Fallback')?.status).toBe('False');
  });
});

describe('poll details', () => {
  it('records activation events with the triggering metric', () => {
    const r = pollScaledObject({ scaledObject: seedCron, currentReplicas: 0, now: 300, facts: { nowMs: EPOCH + 300_000 } });
    expect(r.events).toEqual([
      {
        type: 'Normal',
        reason: 'KEDAScaleTargetActivated',
        message: 'Scaled apps/v1.Deployment default/php-apache from 0 to 1, triggered by s0-cron-Asia-Seoul-00,15,30,45xxxx-05,20,35,50xxxx',
      },
    ]);
    expect(enText(r.machineEvent.explanation)).toContain('trigger cron active: next end Mon 09:50');
  });
  it('honours the paused annotation and shows PAUSED True', () => {
    const paused = { ...seedCron, metadata: { ...seedCron.metadata, annotations: { 'autoscaling.keda.sh/paused-replicas': '2' } } };
    const r = pollScaledObject({ scaledObject: paused, currentReplicas: 0, now: 30, facts: { nowMs: EPOCH + 30_000 } });
    expect(r.replicasAfter).toBe(2);
    expect(r.status.pausedReplicaCount).toBe(2);
    expect(r.status.conditions.find((c) => c.type === 'Paused')).toMatchObject({ status: 'True', reason: 'ScaledObjectPaused' });
    expect(kedaStateName(stepKedaMachine(initialKedaSnapshot(0), r.machineEvent))).toBe('paused');
  });
  it('turns Ready False when a scaler fails without fallback', () => {
    const r = pollScaledObject({ scaledObject: seedCron, currentReplicas: 1, now: 30, facts: { nowMs: EPOCH }, triggerErrors: { 0: 'boom' } });
    expect(r.status.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'KEDAScalerFailed' });
    expect(r.replicasAfter).toBe(1);
  });
  it('enters the fallback state when a metric is served from fallback', () => {
    const r = pollScaledObject({ scaledObject: seedCron, currentReplicas: 1, now: 30, facts: { nowMs: EPOCH }, fallbackActive: true });
    expect(r.status.conditions.find((c) => c.type === 'Fallback')?.status).toBe('True');
    expect(kedaStateName(stepKedaMachine(initialKedaSnapshot(1), r.machineEvent))).toBe('fallback');
  });
  it('emits the start-up events', () => {
    expect(scaledObjectCreatedEvents(seedCron).map((e) => e.reason)).toEqual(['KEDAScalersStarted', 'KEDAScalersStarted', 'ScaledObjectReady']);
  });
});
