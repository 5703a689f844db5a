import { describe, expect, it } from 'vitest';
import type { Node, NodeState, Pod, PodPhaseState } from '../../sim/core/types';
import { POD_STATUS_COLORS } from '../theme/palette';
import { nodeStatusText, nodeVisualState, podStatusKind, podStatusText, POD_STATUS_ORDER, TILE_SHAPE, workloadOf } from './podStatus';

const pod = (over: Partial<Pod>) => ({ name: 'p', deployment: '', ownerKind: 'None', ownerName: '', state: 'Ready', ...over }) as Pod;
const node = (state: NodeState, unschedulable = false) => ({ state, unschedulable }) as Node;

describe('pod status', () => {
  it('maps every lifecycle state to a tile status (Gone to nothing)', () => {
    const cases: [PodPhaseState, string | null][] = [
      ['Ready', 'ready'],
      ['Running', 'notReady'],
      ['Scheduled', 'creating'],
      ['ContainerCreating', 'creating'],
      ['Pending', 'pending'],
      ['Terminating', 'terminating'],
      ['OOMKilled', 'failed'],
      ['CrashLoopBackOff', 'failed'],
      ['Evicted', 'evicted'],
      ['Succeeded', 'completed'],
      ['Gone', null],
    ];
    for (const [state, kind] of cases) expect(podStatusKind(pod({ state }))).toBe(kind);
  });

  it('gives every status its own colour and its own shape', () => {
    expect(new Set(POD_STATUS_ORDER.map((s) => POD_STATUS_COLORS[s])).size).toBe(POD_STATUS_ORDER.length);
    expect(new Set(POD_STATUS_ORDER.map((s) => TILE_SHAPE[s])).size).toBe(POD_STATUS_ORDER.length);
  });

  it('prints the kubectl STATUS column', () => {
    expect(podStatusText(pod({ state: 'Ready' }))).toBe('Running');
    expect(podStatusText(pod({ state: 'Running' }))).toBe('Running');
    expect(podStatusText(pod({ state: 'Scheduled' }))).toBe('Pending');
    expect(podStatusText(pod({ state: 'CrashLoopBackOff' }))).toBe('CrashLoopBackOff');
  });

  it('names the workload: Deployment, DaemonSet, or the bare pod', () => {
    expect(workloadOf(pod({ deployment: 'web', ownerKind: 'ReplicaSet', ownerName: 'web-abc' }))).toBe('web');
    expect(workloadOf(pod({ ownerKind: 'DaemonSet', ownerName: 'aws-node' }))).toBe('ds/aws-node');
    expect(workloadOf(pod({ name: 'load-generator' }))).toBe('pod/load-generator');
  });
});

describe('node state', () => {
  it('maps lifecycle states, counting an unschedulable Ready node as cordoned', () => {
    expect(nodeVisualState(node('Launching'))).toBe('launching');
    expect(nodeVisualState(node('Registered'))).toBe('notReadyYet');
    expect(nodeVisualState(node('Ready'))).toBe('ready');
    expect(nodeVisualState(node('Ready', true))).toBe('cordoned');
    expect(nodeVisualState(node('Cordoned', true))).toBe('cordoned');
    expect(nodeVisualState(node('Draining', true))).toBe('draining');
    expect(nodeVisualState(node('NotReady'))).toBe('notReady');
    expect(nodeVisualState(node('Terminating'))).toBe('terminating');
    expect(nodeVisualState(node('Gone'))).toBeNull();
  });

  it('uses kubectl words on the box', () => {
    expect(nodeStatusText('cordoned')).toBe('SchedulingDisabled');
    expect(nodeStatusText('notReadyYet')).toBe('NotReady');
    expect(nodeStatusText('ready')).toBe('');
  });
});
