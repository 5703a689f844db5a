import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, createMachine, not, setup, transition, type AnyStateMachine } from 'xstate';
import { compileStepper, stepStored, type CompiledStep } from './compiledStepper';
import { vpaMachine, stepVpaPersisted, type VpaMachineContext, type VpaMachineEvent, type VpaStateName } from '../autoscalers/vpa/vpaMachine';
import { kedaMachine, stepKedaPersisted, type KedaMachineContext, type KedaMachineEvent, type KedaStateName } from '../autoscalers/keda/kedaMachine';
import type { ExecutorPhase } from '../autoscalers/keda/executor';
import { caMachine, type CaMachineContext, type CaMachineEvent, type CaScanSummary } from '../autoscalers/cluster-autoscaler/caMachine';
import { stepCaPersisted } from '../autoscalers/cluster-autoscaler/state';
import { cpaMachine, type CpaMachineContext, type CpaMachineEvent } from '../autoscalers/cpa/cpaMachine';
import { stepCpaPersisted } from '../autoscalers/cpa/state';
import { karpenterMachine } from '../autoscalers/karpenter/karpenterMachine';
import type { VpaUpdateMode } from '../autoscalers/vpa/types';
import type { Message } from './message';

/** What the engine did before: restore the persisted form, xstate's pure transition(), read value and context. */
function viaXstate(machine: AnyStateMachine, value: string, context: object, event: { type: string }) {
  const [next] = transition(machine, machine.resolveState({ value, context }), event);
  return { value: next.value as unknown, context: next.context as unknown };
}

type Step = (value: string, context: never, event: never) => { value: unknown; context: unknown };

/** The compiled step equals transition() in value and context, and makes a new context exactly when xstate does. */
function agrees(machine: AnyStateMachine, step: Step, value: string, context: object, event: { type: string }): void {
  const expected = viaXstate(machine, value, context, event);
  const actual = step(value, context as never, event as never);
  expect(actual).toStrictEqual(expected);
  expect(actual.context === context).toBe(expected.context === context);
}

const small = fc.oneof(fc.constant(0), fc.nat(5));
const message: fc.Arbitrary<Message> = fc.record({ key: fc.constantFrom('engine.a', 'engine.b'), params: fc.dictionary(fc.constantFrom('n', 'm'), fc.nat(9)) }, { requiredKeys: ['key'] });
const RUNS = { numRuns: 600 };

describe('compiled steppers agree with xstate transition() (fast-check)', () => {
  it('VPA', () => {
    const states: VpaStateName[] = ['noRecommendation', 'recommending', 'podsWithinBounds', 'evicting', 'resizingInPlace', 'offMode'];
    const mode = fc.constantFrom<VpaUpdateMode>('Off', 'Initial', 'Recreate', 'Auto', 'InPlaceOrRecreate');
    const context: fc.Arbitrary<VpaMachineContext> = fc.record({ mode, queued: small, evicted: small, resizedInPlace: small });
    const event: fc.Arbitrary<VpaMachineEvent> = fc.oneof(
      fc.record({ type: fc.constant('RECOMMENDER_RAN' as const), hasRecommendation: fc.boolean() }),
      fc.record({ type: fc.constant('UPDATER_RAN' as const), queued: small, evicted: small, resizedInPlace: small }),
      fc.record({ type: fc.constant('MODE_CHANGED' as const), mode }),
    );
    fc.assert(fc.property(fc.constantFrom(...states), context, event, (v, c, e) => agrees(vpaMachine, stepVpaPersisted as Step, v, c, e)), RUNS);
  });

  it('Cluster Autoscaler', () => {
    const states = ['scanning', 'scaleUpInProgress', 'scaleDownCandidate', 'scalingDown', 'backoff', 'halted'];
    const summary: fc.Arbitrary<CaScanSummary> = fc.record({
      nowSeconds: fc.nat(100_000),
      tooManyUnready: fc.boolean(),
      scaleUpTriggered: fc.boolean(),
      upcomingNodes: small,
      backedOffGroups: small,
      unneededNodes: small,
      deletingNodes: small,
    });
    const seconds = fc.option(fc.nat(100_000), { nil: null });
    const context: fc.Arbitrary<CaMachineContext> = fc.record({
      lastScanSeconds: seconds,
      lastScaleUpSeconds: seconds,
      summary: fc.option(summary.map((s) => ({ type: 'SCANNED' as const, ...s })), { nil: null }),
    });
    const event: fc.Arbitrary<CaMachineEvent> = fc.oneof(
      summary.map((s) => ({ type: 'SCANNED' as const, ...s })),
      fc.constant({ type: 'RESET' as const }),
    );
    fc.assert(fc.property(fc.constantFrom(...states), context, event, (v, c, e) => agrees(caMachine, stepCaPersisted as Step, v, c, e)), RUNS);
  });

  it('KEDA', () => {
    const states: KedaStateName[] = ['inactive', 'activating', 'active', 'coolingDown', 'fallback', 'paused'];
    const phases: ExecutorPhase[] = ['paused', 'activated', 'active', 'coolingDown', 'deactivated', 'raisedToMin', 'fallbackPending', 'scalerFailed', 'noChange'];
    const phase = fc.constantFrom(...phases);
    const explanation = fc.array(message, { maxLength: 3 });
    const context: fc.Arbitrary<KedaMachineContext> = fc.record({ replicas: small, lastPhase: fc.option(phase, { nil: null }), explanation });
    const event: fc.Arbitrary<KedaMachineEvent> = fc.record({ type: fc.constant('POLLED' as const), phase, fallbackActive: fc.boolean(), replicas: small, explanation });
    fc.assert(fc.property(fc.constantFrom(...states), context, event, (v, c, e) => agrees(kedaMachine, stepKedaPersisted as Step, v, c, e)), RUNS);
  });

  it('CPA', () => {
    const states = ['polling', 'scaling', 'invalidParams'];
    const count = fc.option(small, { nil: null });
    const context: fc.Arbitrary<CpaMachineContext> = fc.record({
      desiredReplicas: count,
      currentReplicas: count,
      lastError: fc.option(fc.constantFrom('bad json', 'no ladder'), { nil: null }),
      explanation: fc.option(message, { nil: null }),
    });
    const event: fc.Arbitrary<CpaMachineEvent> = fc.oneof(
      fc.record(
        { type: fc.constant('POLLED' as const), paramsError: fc.constantFrom('bad json', 'no ladder'), desiredReplicas: small, currentReplicas: small, explanation: message },
        { requiredKeys: ['type', 'currentReplicas'] },
      ),
      fc.record({ type: fc.constant('TARGET_SCALED' as const), replicas: small }),
    );
    fc.assert(fc.property(fc.constantFrom(...states), context, event, (v, c, e) => agrees(cpaMachine, stepCpaPersisted as Step, v, c, e)), RUNS);
  });
});

/**
 * A machine that uses every compiled feature at once: a state's candidates that can all fail and
 * fall through to the root's for the same event, a targetless transition, the property-map assign,
 * and two assigns on one transition where the second reads what the first wrote.
 */
const mixed = setup({
  types: { context: {} as { n: number; m: number; tag: string }, events: {} as { type: 'E'; a: boolean; b: boolean } | { type: 'F'; k: number } },
  guards: { a: ({ event }) => event.type === 'E' && event.a, b: ({ event }) => event.type === 'E' && event.b, big: ({ context }) => context.n > 3 },
  actions: {
    inc: assign(({ context }) => ({ n: context.n + 1 })),
    double: assign(({ context }) => ({ m: context.n * 2 })),
    tagF: assign({ tag: ({ event }) => (event.type === 'F' ? `f${event.k}` : 'x'), m: 7 }),
  },
}).createMachine({
  id: 'mixed',
  initial: 'x',
  context: { n: 0, m: 0, tag: '' },
  on: { E: [{ guard: 'b', target: '.z', actions: ['double', 'inc'] }, { guard: 'big', actions: 'inc' }], F: { actions: 'tagF' } },
  states: {
    x: { on: { E: [{ guard: 'a', target: 'y', actions: ['inc', 'double'] }] } },
    y: { on: { E: { guard: 'a', target: '#mixed.x' }, F: { guard: 'big', target: 'z', actions: ['inc', 'tagF'] } } },
    z: {},
  },
});

describe('the compiler reproduces xstate on a machine using every supported feature', () => {
  it('state candidates first, then the root; assigns in order over the updated context', () => {
    const step = compileStepper(mixed) as unknown as Step;
    const context = fc.record({ n: fc.nat(6), m: fc.nat(6), tag: fc.constantFrom('', 't') });
    const event = fc.oneof(fc.record({ type: fc.constant('E' as const), a: fc.boolean(), b: fc.boolean() }), fc.record({ type: fc.constant('F' as const), k: fc.nat(3) }));
    fc.assert(fc.property(fc.constantFrom('x', 'y', 'z'), context, event, (v, c, e) => agrees(mixed, step, v, c, e)), RUNS);
  });

  it('rejects a value that is not one of the states', () => {
    const step = compileStepper(mixed);
    expect(() => step('nowhere', { n: 0, m: 0, tag: '' }, { type: 'F', k: 1 })).toThrow(/not a state/);
  });
});

describe('the compiler throws for what it does not reproduce', () => {
  const base = setup({ types: { context: {} as { n: number }, events: {} as { type: 'E' } }, guards: { g: () => true }, actions: { inc: assign(({ context }) => ({ n: context.n + 1 })), say: () => undefined } });
  const cases: [string, () => AnyStateMachine, RegExp][] = [
    ['Karpenter (a parallel root, nested states, delayed transitions)', () => karpenterMachine, /compileStepper\(karpenter\)/],
    ['an entry action', () => base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { entry: 'inc', on: { E: 'b' } }, b: {} } }), /entry action/],
    ['an exit action on the root', () => base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, exit: 'inc', states: { a: {} } }), /exit action/],
    ['a delayed transition', () => base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { after: { 1000: 'b' } }, b: {} } }), /delayed/],
    ['an always transition', () => base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { always: { guard: 'g', target: 'b' } }, b: {} } }), /always/],
    ['nested states', () => base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { initial: 'i', states: { i: {} } } } }), /compound state/],
    ['a final state', () => base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { on: { E: 'b' } }, b: { type: 'final' } } }), /final state/],
    ['a guard combinator', () => base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { on: { E: { guard: not('g'), target: 'b' } } }, b: {} } }), /inline guard/],
    ['an inline guard', () => base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { on: { E: { guard: () => true, target: 'b' } } }, b: {} } }), /inline guard/],
    ['a guard with params', () => base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { on: { E: { guard: { type: 'g', params: {} }, target: 'b' } } }, b: {} } }), /with params/],
    ['a non-assign action', () => base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { on: { E: { actions: ['inc', 'say'] } } } } }), /action say/],
    ['a wildcard event', () => base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { on: { '*': { actions: 'inc' } } } } }), /wildcard/],
    ['invoke', () => setup({ actors: { child: createMachine({}) } }).createMachine({ id: 'm', initial: 'a', states: { a: { invoke: { src: 'child' } } } }), /invoke/],
  ];
  it.each(cases)('%s', (_name, make, reason) => {
    expect(() => compileStepper(make())).toThrow(reason);
  });

  it('the same small machine without the entry action compiles (the rejection is about the entry action)', () => {
    const m = base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { on: { E: { target: 'b', actions: 'inc' } } }, b: {} } });
    expect(compileStepper(m)('a', { n: 1 }, { type: 'E' })).toEqual({ value: 'b', context: { n: 2 } });
  });
});

describe('stepStored', () => {
  const base = setup({ types: { context: {} as { n: number }, events: {} as { type: 'INC' } | { type: 'GO' } }, actions: { inc: assign(({ context }) => ({ n: context.n + 1 })) } });
  const machine = base.createMachine({ id: 'm', initial: 'a', context: { n: 0 }, states: { a: { on: { INC: { actions: 'inc' }, GO: 'b' } }, b: {} } });
  const step = compileStepper(machine);

  it('gives the next stored form a context of its own, whether or not an assign ran', () => {
    const stored = { value: 'a', context: { n: 1 } };
    const assigned = stepStored(step, stored, { type: 'INC' });
    expect(assigned).toEqual({ value: 'a', context: { n: 2 } });
    const moved = stepStored(step, stored, { type: 'GO' });
    expect(moved).toEqual({ value: 'b', context: { n: 1 } });
    expect(moved.context).not.toBe(stored.context);
    expect(stored.context).toEqual({ n: 1 });
  });

  it("keeps the context an assign made rather than copying it again", () => {
    const made = { n: 7 };
    const fake = (() => ({ value: 'a', context: made })) as unknown as CompiledStep<typeof machine>;
    expect(stepStored(fake, { value: 'a', context: { n: 6 } }, { type: 'INC' }).context).toBe(made);
  });
});
