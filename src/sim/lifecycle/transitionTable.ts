import type { AnyStateMachine } from 'xstate';

/**
 * A flat (state, event) → next-state table compiled once from a flat statechart, so the engine can
 * step thousands of pods without calling xstate's `transition()` for each (≈15 µs a call). The table
 * is derived from the machine definition; transitionTable.test.ts checks it against `transition()`.
 */
export interface TimerSpec {
  /** The delayed event xstate raises on entry, e.g. "xstate.after.grace.pod.Terminating". */
  event: string;
  delay: string;
}

export interface TransitionTable {
  states: string[];
  events: string[];
  /** next[stateIndex][eventType] = target state name; absent = event ignored in that state. */
  next: Record<string, Record<string, string>>;
  /** Timers a state starts when entered. */
  timers: Record<string, TimerSpec[]>;
}

interface FlatStateNode {
  key: string;
  on: Record<string, { target?: { key: string }[] }[]>;
  after: { eventType: string; delay: string | number; target?: { key: string }[] }[];
}

export function compileTransitionTable(machine: AnyStateMachine): TransitionTable {
  const stateNodes = Object.values(machine.root.states) as unknown as FlatStateNode[];
  const states = stateNodes.map((s) => s.key);
  const events = (machine.events as string[]).slice();
  const next: TransitionTable['next'] = {};
  const timers: TransitionTable['timers'] = {};
  for (const node of stateNodes) {
    const row: Record<string, string> = {};
    for (const [eventType, transitions] of Object.entries(node.on)) {
      const target = transitions[0]?.target?.[0]?.key;
      if (target) row[eventType] = target;
    }
    timers[node.key] = node.after.map((t) => ({ event: t.eventType, delay: String(t.delay) }));
    next[node.key] = row;
  }
  return { states, events, next, timers };
}
