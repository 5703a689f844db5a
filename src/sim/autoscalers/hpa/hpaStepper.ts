/**
 * The HPA machine's SYNC step without xstate's `transition()` (which builds an actor scope per
 * call, ≈20 µs, once per HPA per 15 s): the machine's step compiled from its definition by
 * core/compiledStepper.ts, which throws at load if the machine leaves the compiled subset.
 * hpaStepper.test.ts checks it against `transition()` for every outcome kind in every state.
 */
import { compileStepper, stepStored } from '../../core/compiledStepper';
import type { HpaMachineEvent, HpaSyncOutcome, PersistedHpaMachine } from './hpaMachine';
import { hpaMachine } from './hpaMachine';

const stepHpa = compileStepper(hpaMachine);

/**
 * The SYNC event, one for every step: the compiled step's guards and assign read it during the
 * step, and what it returns (the state and a new context) holds nothing of it.
 */
const syncEvent: HpaMachineEvent = { type: 'SYNC', outcome: undefined as unknown as HpaSyncOutcome };

/** One SYNC from the persisted form to the persisted form: what restore → transition → persist gives. */
export function stepPersistedHpaMachine(persisted: PersistedHpaMachine, outcome: HpaSyncOutcome): PersistedHpaMachine {
  syncEvent.outcome = outcome;
  const next = stepStored(stepHpa, persisted, syncEvent);
  syncEvent.outcome = undefined as unknown as HpaSyncOutcome;
  return next;
}
