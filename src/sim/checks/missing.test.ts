import { describe, expect, it } from 'vitest';
import { evaluateCheck } from './evaluate';
import { exampleSession, runTo } from './testSessions';
import { setSessionChecks, advanceUntilHeld, sessionCheckStatuses } from './sessionChecks';
import type { Check } from './types';
import type { Session } from '../session';

const evaluate = (s: Session, check: Check) => evaluateCheck(check, s.world, { startMs: 0, startEventCount: 0, scans: {} });

describe('a check that names an object that does not exist says so', () => {
  it('hpa: a misspelt name, with the close names', () => {
    const s = runTo(exampleSession('hpa-php-apache'), 60);
    expect(evaluate(s, { type: 'hpa', name: 'php-apach', field: 'currentReplicas', op: '>=', value: 3 })).toEqual({
      holds: false,
      reason: { key: 'engine.check.missingSimilar', params: { missing: { key: 'engine.check.missing', params: { kind: 'HorizontalPodAutoscaler', name: 'php-apach' } }, names: 'php-apache' } },
    });
    // No close name: the reason alone.
    expect(evaluate(s, { type: 'hpa', name: 'zzz', field: 'currentReplicas', op: '>=', value: 3 }).reason).toEqual({
      key: 'engine.check.missing',
      params: { kind: 'HorizontalPodAutoscaler', name: 'zzz' },
    });
  });

  it('hpa: before the timeline creates it, and not once it exists', () => {
    const s = exampleSession('hpa-php-apache');
    expect(evaluate(s, { type: 'hpa', name: 'php-apache', field: 'currentReplicas', op: '>=', value: 1 }).reason?.key).toBe('engine.check.missing');
    runTo(s, 60);
    expect(evaluate(s, { type: 'hpa', name: 'php-apache', field: 'currentReplicas', op: '>=', value: 50 }).reason).toBeUndefined();
  });

  it('deployment, pods, nodes: the namespace and the node group', () => {
    const s = exampleSession('nginx-to-scaleout');
    expect(evaluate(s, { type: 'deployment', name: 'nginx-to-scaleot', field: 'replicas', op: '>=', value: 1 }).reason).toEqual({
      key: 'engine.check.missingSimilar',
      params: { missing: { key: 'engine.check.missingIn', params: { kind: 'Deployment', name: 'nginx-to-scaleot', namespace: 'default' } }, names: 'nginx-to-scaleout' },
    });
    expect(evaluate(s, { type: 'deployment', name: 'nginx-to-scaleout', namespace: 'prod', field: 'replicas', op: '>=', value: 1 }).reason?.key).toBe('engine.check.missingIn');
    expect(evaluate(s, { type: 'pods', phase: 'Pending', deployment: 'ngin', op: '>', value: 0 }).reason?.key).toBe('engine.check.missingSimilar');
    const nodes = evaluate(s, { type: 'nodes', nodeGroup: 'ng2', op: '>=', value: 1 });
    expect(nodes.reason).toEqual({
      key: 'engine.check.missingSimilar',
      params: { missing: { key: 'engine.check.missing', params: { kind: { key: 'engine.check.kind.nodeGroup' }, name: 'ng2' } }, names: 'ng1' },
    });
    expect(evaluate(s, { type: 'nodes', nodeGroup: 'ng1', op: '>=', value: 100 }).reason).toBeUndefined();
  });

  it('composite checks report their first missing branch; a check that holds has no reason', () => {
    const s = exampleSession('nginx-to-scaleout');
    const all: Check = { type: 'all', checks: [{ type: 'time', op: '>=', value: 0 }, { type: 'queue', name: 'orders', field: 'depth', op: '=', value: 0 }] };
    expect(evaluate(s, all).reason).toEqual({ key: 'engine.check.missing', params: { kind: { key: 'engine.check.kind.queue' }, name: 'orders' } });
    expect(evaluate(s, { type: 'not', check: { type: 'scaledObject', name: 'x', active: true } })).toEqual({ holds: true });
  });

  it('the session keeps the reason in the check status until the object appears', () => {
    const s = exampleSession('hpa-php-apache');
    setSessionChecks(s, [{ id: 'a', check: { type: 'hpa', name: 'php-apache', field: 'currentReplicas', op: '>=', value: 1 } }]);
    expect(sessionCheckStatuses(s)[0].reason?.key).toBe('engine.check.missing');
    const held = advanceUntilHeld(s, 'a', 5 * 60_000);
    expect(held?.held).toBe(true);
    expect(held?.reason).toBeUndefined();
  });
});
