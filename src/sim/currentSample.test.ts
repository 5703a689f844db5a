import { describe, expect, it } from 'vitest';
import { advance, createSession, currentAutoscalerStates, currentSample, issueCommand } from './session';
import { deployment, scenario } from './testing/fixtures';
import { sampleWorld } from './trace/trace';
import { autoscalerTraceEntries } from './autoscalers/trace';

/**
 * History keeps a sample every 5 s; the Autoscalers cards and the statecharts read "now" through
 * currentSample, so a run paused between two samples shows the world as kubectl does.
 */
describe('currentSample', () => {
  it('samples the world as it stands when paused between two history samples', () => {
    const s = createSession(scenario(), [deployment('web', 2, '200m', '128Mi')]);
    advance(s, 60_000);
    issueCommand(s, 'kubectl scale --replicas=8 deployment/web', { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 8 });
    advance(s, 3_000);
    expect(s.world.timeMs).toBe(63_000);
    const last = s.history[s.history.length - 1];
    expect(last.t).toBe(60);
    expect(last.workloads.web.desired).toBe(2);
    const now = currentSample(s);
    expect(now.t).toBe(63);
    expect(now.workloads.web.desired).toBe(8);
    expect(now).toEqual(sampleWorld(s.world, false));
    expect(currentAutoscalerStates(s)).toEqual(autoscalerTraceEntries(s.world));
  });

  it('hands back the history sample itself when it was taken at the world’s time', () => {
    const s = createSession(scenario(), [deployment('web', 2, '200m', '128Mi')]);
    advance(s, 65_000);
    const last = s.history[s.history.length - 1];
    expect(last.t).toBe(65);
    expect(currentSample(s)).toBe(last);
    expect(currentAutoscalerStates(s)).toBe(last.autoscalers);
  });
});
