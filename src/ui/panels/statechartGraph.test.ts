import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { podMachine } from '../../sim/lifecycle/podMachine';
import { nodeMachine } from '../../sim/lifecycle/nodeMachine';
import { hpaMachine } from '../../sim/autoscalers/hpa/hpaMachine';
import { statechartGraph } from './statechartGraph';

describe('statechartGraph', () => {
  it('reads every pod state and its transitions from the machine definition', () => {
    const g = statechartGraph(podMachine);
    expect(g.initial).toBe('Pending');
    expect(g.states.map((s) => s.id)).toEqual(expect.arrayContaining(['Pending', 'Scheduled', 'ContainerCreating', 'Running', 'Ready', 'Terminating', 'Gone']));
    expect(g.edges).toContainEqual({ from: 'Pending', to: 'Scheduled', label: 'BIND' });
    expect(g.edges).toContainEqual({ from: 'Scheduled', to: 'ContainerCreating', label: 'after sandbox' });
    expect(g.edges.find((e) => e.from === 'Running' && e.to === 'Terminating')?.label).toBe('DELETE, EVICT, NODE_LOST');
    expect(g.states.find((s) => s.id === 'Gone')?.final).toBe(true);
  });
  it('lays states out left to right by distance from the initial state', () => {
    const g = statechartGraph(podMachine);
    const x = (id: string) => g.states.find((s) => s.id === id)!.x;
    expect(x('Pending')).toBeLessThan(x('Scheduled'));
    expect(x('Scheduled')).toBeLessThan(x('ContainerCreating'));
    expect(g.width).toBeGreaterThan(x('ContainerCreating'));
  });
  it('draws the node lifecycle and machine-level transitions of autoscaler machines', () => {
    expect(statechartGraph(nodeMachine).edges).toContainEqual({ from: 'Ready', to: 'Cordoned', label: 'CORDON' });
    const hpa = statechartGraph(hpaMachine);
    expect(hpa.initial).toBe('stable');
    expect(hpa.states.length).toBeGreaterThanOrEqual(5);
    expect(hpa.edges.length + hpa.global.length).toBeGreaterThan(0);
  });
  it('flattens nested states to their dotted paths', () => {
    const m = setup({}).createMachine({ id: 'n', initial: 'a', states: { a: { initial: 'x', states: { x: { on: { GO: 'y' } }, y: {} }, on: { OUT: 'b' } }, b: {} } });
    const g = statechartGraph(m);
    expect(g.initial).toBe('a.x');
    expect(g.states.map((s) => s.id).sort()).toEqual(['a.x', 'a.y', 'b']);
    expect(g.edges).toContainEqual({ from: 'a.x', to: 'a.y', label: 'GO' });
  });
});
