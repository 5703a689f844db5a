import type { AnyStateMachine, ContextFrom, EventFromLogic, SnapshotFrom, StateValue } from 'xstate';

/**
 * A statechart step without xstate's `transition()`. `transition()` builds an actor scope (createActor,
 * getInitialSnapshot) on every call, ≈15–20 µs; the engine steps VPA, CA, KEDA and CPA machines on
 * every sync, which added up to ≈5 % of engine time in the medium-all bench. The machines are flat
 * and their transitions are "named guard → optional sibling target → named assigns", so one table
 * compiled from the machine definition (the same objects xstate itself reads) reproduces what
 * `transition(machine, machine.resolveState({ value, context }), event)[0]` gives, value and context.
 *
 * Anything outside that subset (entry/exit actions, `after`, `always`, invoke, nested or final
 * states, guard combinators, inline guards or actions, params, non-assign actions, wildcard or
 * xstate.* events) makes compileStepper THROW, at module load of the machine's caller: a later
 * change to a machine cannot make the compiled step silently disagree with xstate.
 * compiledStepper.test.ts checks each compiled machine against `transition()` with fast-check.
 *
 * What is reproduced (xstate 5 StateNode.next / transitionAtomicNode / resolveAssign):
 * - candidates: the current state node's transitions for the event type, then the root's;
 * - the first candidate whose guard passes (or that has none) is taken; none → nothing changes;
 * - its assigns run in order, each `Object.assign({}, context, partial)` over the previous result;
 * - a targetless transition keeps the state value.
 */

type Args = { context: unknown; event: { type: string } };
type GuardFn = (args: Args, params?: unknown) => boolean;
type AssignFn = (args: Args, params?: unknown) => object | undefined;

interface CompiledTransition {
  guard: GuardFn | null;
  /** Key of the target state under the root; null = targetless (the value stays). */
  target: string | null;
  assigns: AssignFn[];
}

/** The parts of an xstate 5 StateNode this compiler reads (internal, not in xstate's public types). */
interface XStateNode {
  key: string;
  id: string;
  type: string;
  parent?: XStateNode;
  states: Record<string, XStateNode>;
  entry: unknown[];
  exit: unknown[];
  invoke: unknown[];
  always?: unknown[];
  after: unknown[];
  config: Record<string, unknown>;
  transitions: Map<string, XTransition[]>;
}

interface XTransition {
  guard?: unknown;
  target?: XStateNode[];
  actions: unknown[];
}

interface XAssign {
  type: string;
  assignment?: unknown;
}

export interface StepResult<V, C> {
  value: V;
  context: C;
}

/** What a compiled machine's step takes and returns; the context is returned as is, not copied. */
export type CompiledStep<M extends AnyStateMachine> = (
  value: StateValue,
  context: ContextFrom<M>,
  event: EventFromLogic<M>,
) => StepResult<SnapshotFrom<M>['value'], ContextFrom<M>>;

function fail(machine: AnyStateMachine, where: string, what: string): never {
  throw new Error(`compileStepper(${machine.id}): ${where}: ${what} is not supported; step this machine with xstate's transition()`);
}

/** Only plain named references are compiled: an inline function or params would need xstate's resolution. */
function nameOf(machine: AnyStateMachine, where: string, kind: string, ref: unknown): string {
  if (typeof ref === 'string') return ref;
  if (ref && typeof ref === 'object' && 'type' in ref && typeof ref.type === 'string') {
    const extra = Object.keys(ref).filter((k) => k !== 'type');
    if (extra.length > 0) fail(machine, where, `${kind} ${ref.type} with ${extra.join(', ')}`);
    return ref.type;
  }
  return fail(machine, where, `an inline ${kind}`);
}

function compileGuard(machine: AnyStateMachine, where: string, ref: unknown): GuardFn | null {
  if (ref === undefined) return null;
  const name = nameOf(machine, where, 'guard', ref);
  const impl = (machine.implementations.guards as Record<string, unknown>)[name];
  if (typeof impl !== 'function') return fail(machine, where, `guard ${name} without a function implementation`);
  // Built-in guards (not(), and(), or(), stateIn()) carry a `check` that reads the snapshot.
  if ('check' in impl) return fail(machine, where, `guard combinator ${name}`);
  return impl as GuardFn;
}

function compileAssign(machine: AnyStateMachine, where: string, ref: unknown): AssignFn {
  const name = nameOf(machine, where, 'action', ref);
  const impl = (machine.implementations.actions as Record<string, XAssign | undefined>)[name];
  if (!impl || impl.type !== 'xstate.assign' || impl.assignment === undefined) return fail(machine, where, `action ${name} (only assign actions)`);
  const assignment = impl.assignment;
  if (typeof assignment === 'function') return assignment as AssignFn;
  if (!assignment || typeof assignment !== 'object') return fail(machine, where, `assign ${name} with a ${typeof assignment} assignment`);
  // The property-map form of assign(): each key is a function of the args or a plain value.
  const entries = Object.entries(assignment as Record<string, unknown>);
  return (args) => {
    const partial: Record<string, unknown> = {};
    for (const [key, v] of entries) partial[key] = typeof v === 'function' ? (v as (a: Args) => unknown)(args) : v;
    return partial;
  };
}

/** A state node may only hold transitions on plain event types: no actions of its own, no timers, no children. */
function checkNode(machine: AnyStateMachine, node: XStateNode, isRoot: boolean): void {
  const where = isRoot ? 'the root' : `state ${node.key}`;
  // Checked first: xstate turns `after` into entry (raise) and exit (cancel) actions.
  if (node.after.length > 0 || node.config.after !== undefined) fail(machine, where, 'a delayed (after) transition');
  if (!isRoot && node.type !== 'atomic') fail(machine, where, `a ${node.type} state (nested, parallel, final or history)`);
  if (isRoot && node.type !== 'compound') fail(machine, where, `a ${node.type} root`);
  if (node.entry.length > 0) fail(machine, where, 'an entry action');
  if (node.exit.length > 0) fail(machine, where, 'an exit action');
  if (node.invoke.length > 0) fail(machine, where, 'invoke');
  if ((node.always?.length ?? 0) > 0 || node.config.always !== undefined) fail(machine, where, 'an always transition');
  if (node.config.onDone !== undefined) fail(machine, where, 'onDone');
  if (node.config.route !== undefined) fail(machine, where, 'route');
}

function compileTransitions(machine: AnyStateMachine, node: XStateNode, root: XStateNode): Map<string, CompiledTransition[]> {
  const out = new Map<string, CompiledTransition[]>();
  for (const [eventType, list] of node.transitions) {
    const where = `${node === root ? 'the root' : `state ${node.key}`} on ${eventType}`;
    // xstate matches "*" and "foo.*" descriptors by pattern and raises xstate.* events itself.
    if (eventType.includes('*')) fail(machine, where, 'a wildcard event descriptor');
    if (eventType.startsWith('xstate.')) fail(machine, where, 'an xstate.* event');
    out.set(
      eventType,
      list.map((t) => {
        const targets = t.target ?? [];
        if (targets.length > 1) fail(machine, where, 'more than one target');
        const targetNode = targets[0];
        if (targetNode && targetNode.parent !== root) fail(machine, where, `target #${targetNode.id} (only states directly under the root)`);
        return {
          guard: compileGuard(machine, where, t.guard),
          target: targetNode ? targetNode.key : null,
          assigns: t.actions.map((a) => compileAssign(machine, where, a)),
        };
      }),
    );
  }
  return out;
}

/**
 * Compile a flat machine once (at module load) into a step function. Throws on anything outside the
 * subset above. The returned context is a new object when an assign ran and the same object
 * otherwise, as with xstate; callers that persist it copy it as they did with transition()'s.
 */
export function compileStepper<M extends AnyStateMachine>(machine: M): CompiledStep<M> {
  const root = machine.root as unknown as XStateNode;
  checkNode(machine, root, true);
  const rootTransitions = compileTransitions(machine, root, root);
  // Per state, per event type: the state's candidates followed by the root's. Taking the first
  // passing guard over the concatenation is xstate's "state node first, then its parent".
  const table = new Map<string, Map<string, CompiledTransition[]>>();
  for (const node of Object.values(root.states)) {
    checkNode(machine, node, false);
    const own = compileTransitions(machine, node, root);
    const row = new Map<string, CompiledTransition[]>();
    for (const eventType of new Set([...own.keys(), ...rootTransitions.keys()])) {
      row.set(eventType, [...(own.get(eventType) ?? []), ...(rootTransitions.get(eventType) ?? [])]);
    }
    table.set(node.key, row);
  }

  const step = (value: StateValue, context: ContextFrom<M>, event: EventFromLogic<M>): StepResult<StateValue, ContextFrom<M>> => {
    const row = typeof value === 'string' ? table.get(value) : undefined;
    if (!row) throw new Error(`compiled ${machine.id} step: ${JSON.stringify(value)} is not a state of the machine`);
    const candidates = row.get((event as { type: string }).type);
    if (candidates === undefined) return { value, context };
    // One args object per step; the assigns see it with the context each previous assign produced.
    const args: Args = { context, event };
    for (const t of candidates) {
      if (t.guard !== null && !t.guard(args)) continue;
      let next = context;
      for (const assign of t.assigns) {
        args.context = next;
        next = Object.assign({}, next, assign(args));
      }
      return { value: t.target ?? value, context: next };
    }
    return { value, context };
  };
  // The value returned is always one of the machine's own state keys (checked above).
  return step as CompiledStep<M>;
}

/** A machine as the world stores it: plain data that checkpoints copy. */
export interface StoredMachine<V, C> {
  value: V;
  context: C;
}

/**
 * One step from the stored form to the next stored form, which gets a context object of its own:
 * an assign already made one (and nothing else holds it); when none ran, the step hands back the
 * stored context itself, which is copied. Copying the assign's fresh context once more was an
 * object per step of every HPA, CA, VPA, KEDA and CPA machine.
 */
export function stepStored<M extends AnyStateMachine>(
  step: CompiledStep<M>,
  stored: StoredMachine<StateValue, ContextFrom<M>>,
  event: EventFromLogic<M>,
): StoredMachine<SnapshotFrom<M>['value'], ContextFrom<M>> {
  const next = step(stored.value, stored.context, event);
  const context = next.context === stored.context ? ({ ...(next.context as object) } as ContextFrom<M>) : next.context;
  return { value: next.value, context };
}
