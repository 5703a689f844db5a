import { describe, expect, it } from 'vitest';
import { ACTIVE_COOLDOWN, runScaleExecutor, type ExecutorInput } from './executor';
import { en } from '../../../testing/messages';

const base: ExecutorInput = {
  isActive: false,
  isError: false,
  currentReplicas: 10,
  minReplicaCount: 0,
  idleReplicaCount: undefined,
  cooldownPeriodSeconds: 300,
  initialCooldownPeriodSeconds: 0,
  hasFallback: false,
  paused: { paused: false, replicas: null },
  lastActiveTime: null,
  createdAt: 0,
  now: 3600,
};

describe('scale executor (scale_scaledobjects_test cases)', () => {
  it('scales to zero when inactive and never active', () => {
    const r = runScaleExecutor(base);
    expect(r).toMatchObject({ replicasAfter: 0, phase: 'deactivated' });
    expect(r.activeCondition.reason).toBe('ScalerNotActive');
    expect(r.events[0]).toMatchObject({ reason: 'KEDAScaleTargetDeactivated', message: 'Deactivated scale target from 10 to 0' });
  });
  it('raises to minReplicaCount when inactive below it', () => {
    expect(runScaleExecutor({ ...base, currentReplicas: 1, minReplicaCount: 5 })).toMatchObject({ replicasAfter: 5, phase: 'raisedToMin' });
  });
  it('activates from zero to max(min, 1) and stamps lastActiveTime', () => {
    const r = runScaleExecutor({ ...base, isActive: true, currentReplicas: 0, activeTriggers: ['s0-cron-x'], targetDescription: 'apps/v1.Deployment default/php-apache' });
    expect(r).toMatchObject({ replicasAfter: 1, phase: 'activated', lastActiveTime: 3600, lastActiveTimeUpdated: true });
    expect(r.activeCondition.reason).toBe('ScalerActive');
    expect(r.events[0].message).toBe('Scaled apps/v1.Deployment default/php-apache from 0 to 1, triggered by s0-cron-x');
  });
  it('activates from idle to min', () => {
    expect(runScaleExecutor({ ...base, isActive: true, currentReplicas: 0, minReplicaCount: 5, idleReplicaCount: 0 }).replicasAfter).toBe(5);
    expect(runScaleExecutor({ ...base, isActive: true, currentReplicas: 2, minReplicaCount: 5, idleReplicaCount: 0 }).replicasAfter).toBe(5);
  });
  it('leaves 1..N to the HPA when active', () => {
    expect(runScaleExecutor({ ...base, isActive: true, currentReplicas: 3 })).toMatchObject({ replicasAfter: 3, phase: 'active', lastActiveTimeUpdated: true });
  });
});

describe('cooldown', () => {
  it('holds during the cooldown with ScalerCooldown, and scales once it has passed', () => {
    const hold = runScaleExecutor({ ...base, currentReplicas: 3, lastActiveTime: 1000, now: 1200 });
    expect(hold).toMatchObject({ replicasAfter: 3, phase: 'coolingDown' });
    expect(hold.activeCondition).toEqual(ACTIVE_COOLDOWN);
    // Exactly at the cooldown boundary it still holds (strictly after is required).
    expect(runScaleExecutor({ ...base, currentReplicas: 3, lastActiveTime: 1000, now: 1300 }).replicasAfter).toBe(3);
    const gone = runScaleExecutor({ ...base, currentReplicas: 3, lastActiveTime: 1000, now: 1301 });
    expect(gone).toMatchObject({ replicasAfter: 0, phase: 'deactivated' });
    expect(gone.activeCondition.reason).toBe('ScalerNotActive');
  });
  it('uses initialCooldownPeriod from creation before the first activation', () => {
    expect(runScaleExecutor({ ...base, initialCooldownPeriodSeconds: 7200, now: 3600 }).phase).toBe('coolingDown');
    expect(runScaleExecutor({ ...base, initialCooldownPeriodSeconds: 7200, now: 7201 }).replicasAfter).toBe(0);
  });
  it('scales down to idleReplicaCount rather than 0', () => {
    const r = runScaleExecutor({ ...base, currentReplicas: 4, minReplicaCount: 2, idleReplicaCount: 1, lastActiveTime: 0, now: 1000 });
    expect(r.replicasAfter).toBe(1);
    expect(en(r.explanation)).toContain('idleReplicaCount');
  });
  it('does nothing above a non-zero min without idle (the HPA scales down)', () => {
    expect(runScaleExecutor({ ...base, currentReplicas: 4, minReplicaCount: 2 })).toMatchObject({ replicasAfter: 4, phase: 'noChange' });
  });
});

describe('errors and pause', () => {
  it('marks Ready=False on a scaler error without fallback, and leaves replicas', () => {
    const r = runScaleExecutor({ ...base, isError: true, currentReplicas: 3 });
    expect(r).toMatchObject({ replicasAfter: 3, phase: 'scalerFailed' });
    expect(r.readyCondition?.reason).toBe('KEDAScalerFailed');
  });
  it('leaves a failing object with a fallback to the HPA', () => {
    const r = runScaleExecutor({ ...base, isError: true, hasFallback: true, currentReplicas: 3 });
    expect(r).toMatchObject({ replicasAfter: 3, phase: 'fallbackPending' });
    expect(r.readyCondition).toBeUndefined();
  });
  it('heals Ready on a clean poll', () => {
    expect(runScaleExecutor({ ...base, isActive: true, currentReplicas: 2 }).readyCondition?.status).toBe('True');
  });
  it('pins paused-replicas or freezes', () => {
    expect(runScaleExecutor({ ...base, paused: { paused: true, replicas: 7 } })).toMatchObject({ replicasAfter: 7, phase: 'paused' });
    expect(runScaleExecutor({ ...base, paused: { paused: true, replicas: null } })).toMatchObject({ replicasAfter: 10, phase: 'paused' });
  });
});
