/**
 * The HPA machine's SYNC step without xstate's `transition()` (which builds an actor scope per
 * call, ≈20 µs, once per HPA per 15 s). The machine has one root-level SYNC transition list whose
 * guards read only the event and whose only action is an `assign`; this module compiles that list
 * once from the machine definition (guard names → the machine's guard implementations, target
 * state keys, the assign's function) and evaluates it in order, as xstate does.
 * hpaStepper.test.ts checks it against `transition()` for every outcome kind in every state.
 */
import type { HpaMachineContext, HpaStateName, HpaSyncOutcome, PersistedHpaMachine } from './hpaMachine';
import { hpaMachine } from './hpaMachine';

type GuardFn = (args: { context: HpaMachineContext; event: { type: 'SYNC'; outcome: HpaSyncOutcome } }) => boolean;
type AssignFn = (args: { context: HpaMachineContext; event: { type: 'SYNC'; outcome: HpaSyncOutcome } }) => Partial<HpaMachineContext>;

interface CompiledTransition {
  guard: GuardFn | null;
  target: HpaStateName;
  assigns: AssignFn[];
}

interface XTransition {
  guard?: { type: string } | string;
  target?: { key: string }[];
  actions: (string | { type: string })[];
}

function compile(): CompiledTransition[] {
  const impl = hpaMachine.implementations as unknown as { guards: Record<string, GuardFn>; actions: Record<string, { type: string; assignment?: AssignFn }> };
  const list = (hpaMachine.root as unknown as { transitions: Map<string, XTransition[]> }).transitions.get('SYNC') ?? [];
  return list.map((t) => {
    const guardName = typeof t.guard === 'string' ? t.guard : t.guard?.type;
    const guard = guardName ? impl.guards[guardName] : null;
    if (guardName && !guard) throw new Error(`hpaStepper: guard ${guardName} has no implementation`);
    const target = t.target?.[0]?.key as HpaStateName | undefined;
    if (!target) throw new Error('hpaStepper: a SYNC transition without a target');
    const assigns = t.actions.map((a) => {
      const action = impl.actions[typeof a === 'string' ? a : a.type];
      if (action?.type !== 'xstate.assign' || !action.assignment) throw new Error('hpaStepper: only assign actions are compiled');
      return action.assignment;
    });
    return { guard, target, assigns };
  });
}

const compiled = compile();

/** One SYNC from the persisted form to the persisted form: what restore → transition → persist gives. */
export function stepPersistedHpaMachine(persisted: PersistedHpaMachine, outcome: HpaSyncOutcome): PersistedHpaMachine {
  const event = { type: 'SYNC' as const, outcome };
  for (const t of compiled) {
    if (t.guard && !t.guard({ context: persisted.context, event })) continue;
    let context = persisted.context;
    for (const a of t.assigns) context = { ...context, ...a({ context, event }) };
    return { value: t.target, context: context === persisted.context ? { ...context } : context };
  }
  return { value: persisted.value, context: { ...persisted.context } };
}
