import { describe, expect, it } from 'vitest';
import { createSession, issueCommand } from '../../sim/session';
import { deployment, scenario } from '../../sim/testing/fixtures';
import { pendingValues } from './pendingValues';

describe('pendingValues (issue 15: a paused Load slider snapped back)', () => {
  it('holds the value a paused person chose until the next tick applies it', () => {
    const session = createSession(scenario(), [deployment('web', 1, '200m', '64Mi')]);
    issueCommand(session, 'kubectl scale --replicas=7 deployment/web', { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 7 });
    // Paused: the world still has the old value, which is what the slider used to show.
    expect(session.world.deployments.get('web')?.replicas).toBe(1);
    expect(pendingValues(session.world.pendingCommands).replicas.get('web')).toBe(7);
  });
  it('later commands win, per object', () => {
    const v = pendingValues([
      { atMs: 1, input: '', command: { type: 'setHpaBounds', name: 'a', namespace: 'default', min: 2 } },
      { atMs: 1, input: '', command: { type: 'setHpaBounds', name: 'a', namespace: 'default', min: 3, targetCpu: 60 } },
      { atMs: 1, input: '', command: { type: 'updateAsg', name: 'ng1', maxSize: 9 } },
    ]);
    expect(v.hpaMin.get('a')).toBe(3);
    expect(v.hpaTarget.get('a')).toBe(60);
    expect(v.asgMax.get('ng1')).toBe(9);
    expect(v.asgMin.has('ng1')).toBe(false);
  });
});
