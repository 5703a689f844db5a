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

interface MachineStep {
  value: StateValue;
  valueKey: string;
  actions: readonly { type: string; params?: unknown }[];
}

/**
 * xstate's answer per (state value, event type). karpenterMachine has no context, guards or
 * assigns, so that pair decides the next value and the actions (the delays are constants of its
 * setup); only the timers depend on the clock, and applyActions adds it. transition() builds an
 * actor scope on every call (~15–20 µs), and the disruption loop sends an event every second:
 * ~9% of medium-karpenter. At most 15 values × 9 events are ever stored. Values are frozen, as
 * every world that reaches the same state shares one.
 */
const stepMemo = new Map<string, MachineStep>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

function stepWithXState(m: MachineSnapshot, event: KarpenterMachineEvent | { type: string }): MachineStep & { context: Record<string, unknown> } {
  const snap = karpenterMachine.resolveState({ value: m.value, context: m.context });
  const [next, actions] = transition(karpenterMachine, snap, event as KarpenterMachineEvent);
  return { value: next.value, valueKey: JSON.stringify(next.value), actions, context: next.context };
}

/** Send one event; returns whether the state value changed. */
export function sendMachine(state: KarpenterState, event: KarpenterMachineEvent | { type: string }, nowMs: number): boolean {
  const m = state.machine;
  const before = JSON.stringify(m.value);
  const memoKey = isEmpty(m.context) && Object.keys(event).length === 1 ? `${before} ${event.type}` : null;
  let step: MachineStep | undefined = memoKey === null ? undefined : stepMemo.get(memoKey);
  let context: Record<string, unknown> = {};
  if (!step) {
    const fresh = stepWithXState(m, event);
    context = { ...fresh.context };
    step = fresh;
    if (memoKey !== null && isEmpty(fresh.context)) {
      step = { value: deepFreeze(fresh.value), valueKey: fresh.valueKey, actions: fresh.actions };
      stepMemo.set(memoKey, step);
    }
  }
  state.machine = { value: step.value, context, timers: applyActions(m, step.actions, nowMs) };
  return step.valueKey !== before;
}

/** For tests: forget the memo, so a run steps every event through xstate again. */
export function clearMachineStepMemo(): void {
  stepMemo.clear();
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
