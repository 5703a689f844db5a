import { initialTransition, transition, type StateValue } from 'xstate';
import type { World } from '../../../core/types';
import { karpenterMachine, type KarpenterMachineEvent } from '../karpenterMachine';
import { emptyKarpenterState, KARPENTER_KEY, type KarpenterState, type MachineSnapshot, type MachineTimer } from './state';

/**
 * Steps karpenterMachine with xstate's pure transition(). Delayed transitions come back as
 * delayed raise actions; they are kept as timers in the world and fired by the 1 s loop (the
 * batch and validation delays are whole seconds, so nothing is lost to the tick).
 */
interface RaiseParams {
  event: { type: string };
  id?: string;
  delay?: number;
}

function applyActions(machine: MachineSnapshot, actions: readonly { type: string; params?: unknown }[], nowMs: number): MachineTimer[] {
  let timers = machine.timers;
  for (const a of actions) {
    if (a.type === 'xstate.cancel') {
      const sendId = (a.params as { sendId?: string } | undefined)?.sendId;
      timers = timers.filter((t) => t.id !== sendId);
    } else if (a.type === 'xstate.raise') {
      const p = a.params as RaiseParams | undefined;
      if (p?.delay === undefined) continue;
      const id = p.id ?? p.event.type;
      timers = [...timers.filter((t) => t.id !== id), { id, event: { type: p.event.type }, dueMs: nowMs + p.delay }];
    }
  }
  return timers;
}

export function initialMachineSnapshot(): MachineSnapshot {
  const [snap, actions] = initialTransition(karpenterMachine);
  const base: MachineSnapshot = { value: snap.value, context: { ...snap.context }, timers: [] };
  return { ...base, timers: applyActions(base, actions, 0) };
}

export function karpenterState(world: World): KarpenterState {
  let s = world.autoscalers[KARPENTER_KEY] as KarpenterState | undefined;
  if (!s) {
    s = emptyKarpenterState(initialMachineSnapshot());
    world.autoscalers[KARPENTER_KEY] = s;
  }
  return s;
}

/** Send one event; returns whether the state value changed. */
export function sendMachine(state: KarpenterState, event: KarpenterMachineEvent | { type: string }, nowMs: number): boolean {
  const m = state.machine;
  const snap = karpenterMachine.resolveState({ value: m.value, context: m.context });
  const [next, actions] = transition(karpenterMachine, snap, event as KarpenterMachineEvent);
  const before = JSON.stringify(m.value);
  state.machine = {
    value: next.value,
    context: { ...next.context },
    timers: applyActions(m, actions, nowMs),
  };
  return JSON.stringify(next.value) !== before;
}

/** Fire every timer due by now, earliest first. */
export function fireDueTimers(state: KarpenterState, nowMs: number): void {
  for (;;) {
    const due = state.machine.timers.filter((t) => t.dueMs <= nowMs).sort((a, b) => a.dueMs - b.dueMs);
    if (due.length === 0) return;
    const t = due[0];
    state.machine.timers = state.machine.timers.filter((x) => x !== t);
    sendMachine(state, t.event, nowMs);
  }
}

/** The provisioning region's state: 'idle' | 'batching' | 'launching'. */
export function provisioningState(value: StateValue): string {
  const v = (value as Record<string, StateValue>).provisioning;
  return typeof v === 'string' ? v : Object.keys(v)[0];
}

/** The disruption region's state, with validating's sub-state: 'idle' | 'validating.waiting' | … */
export function disruptionState(value: StateValue): string {
  const v = (value as Record<string, StateValue>).disruption;
  if (typeof v === 'string') return v;
  const [k] = Object.keys(v);
  const sub = (v as Record<string, StateValue>)[k];
  return typeof sub === 'string' ? `${k}.${sub}` : k;
}
