/**
 * The HPA machine's SYNC step without xstate's `transition()` (which builds an actor scope per
 * call, ≈20 µs, once per HPA per 15 s): the machine's step compiled from its definition by
 * core/compiledStepper.ts, which throws at load if the machine leaves the compiled subset.
 * hpaStepper.test.ts checks it against `transition()` for every outcome kind in every state.
 */
import { compileStepper, stepStored } from '../../core/compiledStepper';
import type { HpaSyncOutcome, PersistedHpaMachine } from './hpaMachine';
import { hpaMachine } from './hpaMachine';

const stepHpa = compileStepper(hpaMachine);

/** One SYNC from the persisted form to the persisted form: what restore → transition → persist gives. */
export function stepPersistedHpaMachine(persisted: PersistedHpaMachine, outcome: HpaSyncOutcome): PersistedHpaMachine {
  return stepStored(stepHpa, persisted, { type: 'SYNC', outcome });
}
