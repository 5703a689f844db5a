import { describe, expect, it } from 'vitest';
import type { ControllerLog, KubeEvent } from '../../sim/core/types';
import { eventRows, logLine, logLines } from './textViews';
import { latestByController } from '../../sim/views/why';

const ev = (t: number, reason: string, name = 'web'): KubeEvent => ({ t, kind: 'Deployment', namespace: 'default', name, type: 'Normal', reason, message: `msg ${reason}`, source: 'deployment-controller', count: 1 });
const log = (t: number, controller: string, message: string): ControllerLog => ({ t, controller, level: 'INFO', message });

describe('eventRows', () => {
  it('formats like kubectl get events and keeps time order', () => {
    const rows = eventRows([ev(10, 'ScalingReplicaSet'), ev(70, 'SuccessfulRescale')], 200, '');
    expect(rows.map((r) => r.reason)).toEqual(['ScalingReplicaSet', 'SuccessfulRescale']);
    expect(rows[0].lastSeen).toBe('3m10s');
    expect(rows[1].lastSeen).toBe('2m10s');
    expect(rows[0].object).toBe('deployment/web');
  });
  it('filters by any column and limits to the newest', () => {
    const events = [ev(1, 'A', 'x'), ev(2, 'B', 'y'), ev(3, 'C', 'y')];
    expect(eventRows(events, 5, 'deployment/y').map((r) => r.reason)).toEqual(['B', 'C']);
    expect(eventRows(events, 5, '', 1).map((r) => r.reason)).toEqual(['C']);
  });
});

describe('logs', () => {
  it('prefixes each line with level, time and controller', () => {
    expect(logLine(log(3725, 'cluster-autoscaler', 'Scale-up: setting group ng1 size to 5'))).toBe('I 01:02:05 [cluster-autoscaler] Scale-up: setting group ng1 size to 5');
    expect(logLines([log(1, 'a', 'x'), log(2, 'b', 'y')], 'b')).toEqual(['I 00:00:02 [b] y']);
  });
  it('groups the latest lines by controller, most recent controller first', () => {
    const groups = latestByController([log(1, 'hpa', 'a'), log(2, 'ca', 'b'), log(3, 'hpa', 'c'), log(4, 'hpa', 'd')], 2);
    expect(groups.map((g) => g.controller)).toEqual(['hpa', 'ca']);
    expect(groups[0].lines.map((l) => l.message)).toEqual(['c', 'd']);
  });
});
